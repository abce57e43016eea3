import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { ComplaintContext } from './context.ts';
import { readLog } from './domain/deadline-log.ts';
import { dueAt } from './domain/deadlines.ts';
import { complaintDeskPolicy } from './policies.ts';
import { presentComplaint, textFor } from './presenters.ts';
import type { actUseCases } from './act.ts';

/** Reading complaints: each reader's list, one complaint with its timeline and deadlines, attachments. */
export function queryUseCases(c: ComplaintContext, act: ReturnType<typeof actUseCases>) {
  const { db, clock, repo, deps } = c;
  return {
    /** The caller's complaints: a pilgrim's own, a provider's about itself, a mission's country's, everything for the ministry and the care centre. */
    async list(ctx: RequestContext, f: { state?: string | undefined; limit: number; before?: string | undefined }) {
      const p = ctx.actor!;
      const filter = { limit: f.limit, ...(f.state ? { state: f.state } : {}), ...(f.before ? { before: new Date(f.before) } : {}) };
      const rows = p.role === 'pilgrim' ? await repo.list(db.kysely, { ...filter, complainantId: p.accountId })
        : p.role === 'provider_staff' ? await repo.list(db.kysely, { ...filter, providerId: p.providerId! })
        : p.role === 'mission_officer' ? await repo.list(db.kysely, { ...filter, countryCode: p.countryCode! })
        : (complaintDeskPolicy.assert(ctx, 'list_all', null), await repo.list(db.kysely, filter));
      const out = [];
      const { reopenDays } = await c.calendar(db.kysely);
      for (const row of rows) out.push(presentComplaint(ctx, row, await act.resource(db.kysely, row, reopenDays)));
      return { items: out, next: rows.length === f.limit ? rows.at(-1)!.created_at.toISOString() : null };
    },

    /** One complaint, its timeline (messages screened for all but the ministry and the complainant; no names) and its deadlines. */
    async one(ctx: RequestContext, id: string) {
      const { row, resource } = await act.auditingRefusals(ctx, id, 'read', () => act.load(ctx, id, 'read', false, db.kysely));
      const [events, attachments, cal] = await Promise.all([repo.events(db.kysely, id), repo.attachments(db.kysely, id), c.calendar(db.kysely)]);
      const log = readLog(c.asLog(events));
      const deadlines = log.deadlines.map((d) => ({
        kind: d.kind, startedAt: d.startedAt.toISOString(), targetMinutes: d.targetMinutes,
        dueAt: dueAt(cal, d.startedAt, d.targetMinutes, log.pauses)?.toISOString() ?? null,
        metAt: d.metAt?.toISOString() ?? null, breachedAt: d.breachedAt?.toISOString() ?? null,
        minutes: (events.find((e) => e.action === 'deadline_met' && e.data.kind === d.kind && d.metAt && e.at.getTime() === d.metAt.getTime())?.data.minutes as number | undefined) ?? null,
      }));
      const timeline = events.filter((e) => e.action !== 'deadline_met').map((e) => ({
        at: e.at.toISOString(), action: e.action, actor: e.actor, fromState: e.from_state, toState: e.to_state,
        message: textFor(ctx.actor, row, e.message, e.message_screened),
        data: e.action === 'breach' ? { kind: e.data.kind } : e.action === 'rate' ? { rating: e.data.rating } : e.action === 'attach' ? { attachmentId: e.data.attachmentId } : {},
      }));
      return {
        ...presentComplaint(ctx, row, resource), deadlines, timeline,
        attachments: attachments.map((a) => ({ id: a.id, contentType: a.content_type, sizeBytes: a.size_bytes, createdAt: a.created_at.toISOString() })),
        serverTime: clock.now().toISOString(),
      };
    },

    /** An attachment's bytes, for whoever may read the complaint (providers get photos too: they are the evidence). */
    async attachment(ctx: RequestContext, id: string, attachmentId: string) {
      await act.auditingRefusals(ctx, id, 'read', () => act.load(ctx, id, 'read', false, db.kysely));
      const a = await repo.attachment(db.kysely, id, attachmentId);
      if (!a) throw new AppError('complaint.not_found');
      return { contentType: a.content_type, bytes: await deps.storage.get(a.storage_key) };
    },

    /** The deadline rules and the calendar (public: pilgrims see what they are promised). */
    async rules() {
      const [rules, cal] = await Promise.all([repo.rules(db.kysely), c.calendar(db.kysely)]);
      return {
        rules: rules.map((r) => ({ category: r.category, severity: r.severity, acknowledgeMinutes: r.acknowledge_minutes, firstAnswerMinutes: r.first_answer_minutes, resolveMinutes: r.resolve_minutes })),
        calendar: { workingDays: [...cal.workingDays], from: cal.from, to: cal.to, roundTheClock: cal.roundTheClock.map((p) => ({ from: p.from.toISOString(), to: p.to.toISOString() })), reopenDays: cal.reopenDays },
      };
    },
  };
}
