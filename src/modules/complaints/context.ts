import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { FileStorage } from '../../core/storage.ts';
import type { Principal, RequestContext } from '../../core/principal.ts';
import { isMinistry } from '../../core/principal.ts';
import { negotiateLocale, type Locale } from '../../common/i18n.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { AccountService } from '../accounts/index.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent } from '../events/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import { metBy, readLog, watchedDeadline, type LogEvent } from './domain/deadline-log.ts';
import type { DeadlineCalendar, DeadlineKind } from './domain/deadlines.ts';
import { step, type ComplaintAction, type ComplaintActor, type ComplaintFacts } from './domain/lifecycle.ts';
import { complaintEmails } from './emails.ts';
import { createComplaintRepository, type ComplaintRow, type NewEvent } from './repository.ts';

/**
 * What complaints need to know of the journey, from other modules (given by the composition
 * root, src/workflows/journey-facts.ts): a booking's provider and family, the providers a
 * pilgrim has booked, a permit booking's owner, where pilgrims live.
 */
export interface JourneyFacts {
  booking(executor: Executor, bookingId: string): Promise<{ providerId: string; packageId: string; members: string[] } | null>;
  providersBookedBy(executor: Executor, accountId: string): Promise<string[]>;
  permitBookingOwner(executor: Executor, permitBookingId: string): Promise<string | null>;
  residence(executor: Executor, accountIds: string[]): Promise<Map<string, { country: string; nationality: string }>>;
  licensedProvider(executor: Executor, providerId: string): Promise<boolean>;
  providerContact(executor: Executor, providerId: string): Promise<{ email: string; name: string; locale: Locale } | null>;
}

export interface ComplaintDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  journey: JourneyFacts;
  accounts: Pick<AccountService, 'contacts' | 'pilgrimByEmail'>;
  notifications: Pick<NotificationService, 'enqueue'>;
}

/** Who acts on a complaint, as its lifecycle names actors. */
export function actorOf(ctx: RequestContext): { kind: ComplaintActor; id: string | null } {
  const p = ctx.actor;
  if (!p) return { kind: 'system', id: null };
  if (p.role === 'pilgrim') return { kind: 'pilgrim', id: p.accountId };
  if (p.role === 'care_agent') return { kind: 'agent', id: p.accountId };
  if (p.role === 'provider_staff') return { kind: 'provider', id: p.accountId };
  if (isMinistry(p)) return { kind: 'ministry', id: p.accountId };
  throw new AppError('auth.forbidden');
}

/** May this caller see this complaint at all (providers only their own, missions only their country's, pilgrims only theirs)? */
export function sees(p: Principal | null, c: Pick<ComplaintRow, 'complainant_id' | 'provider_id' | 'country_code'>): boolean {
  if (!p) return true;
  switch (p.role) {
    case 'pilgrim': return c.complainant_id === p.accountId;
    case 'provider_staff': return c.provider_id !== null && c.provider_id === p.providerId;
    case 'mission_officer': return c.country_code !== null && c.country_code === p.countryCode;
    case 'care_agent': return true;
    default: return isMinistry(p);
  }
}

/** The language emails about a complaint are written in: the complaint's, when the platform speaks it, else English. */
const localeOf = (language: string): Locale => negotiateLocale(language, 'en');

export function createComplaintContext(deps: ComplaintDeps) {
  const repo = createComplaintRepository();
  const { db, clock } = deps;

  async function calendar(executor: Executor): Promise<DeadlineCalendar & { reopenDays: number; closeAfterDays: number }> {
    const [s, periods] = await Promise.all([repo.settings(executor), repo.roundTheClock(executor)]);
    return { workingDays: s.working_days, from: s.work_from_minute, to: s.work_to_minute, roundTheClock: periods.map((p) => ({ from: p.starts_at, to: p.ends_at })), reopenDays: s.reopen_days, closeAfterDays: s.close_after_days };
  }

  const asLog = (rows: Awaited<ReturnType<typeof repo.events>>): LogEvent[] => rows.map((e) => ({ action: e.action, actor: e.actor, at: e.at, data: e.data }));

  const facts = (c: ComplaintRow, reopenDays: number): ComplaintFacts => ({
    state: c.state, hasProvider: c.provider_id !== null, resumeState: c.resume_state, everEscalated: c.ever_escalated, resolvedAt: c.resolved_at, reopenDays,
  });

  /** Tells the complainant, in the complaint's language (the caller's, when an agent filed it). */
  async function tellComplainant(executor: Executor, c: ComplaintRow, template: 'filed' | 'moved', make: (locale: Locale, name: string) => { subject: string; text: string }) {
    const contact = (await deps.accounts.contacts(executor, [c.complainant_id])).get(c.complainant_id);
    if (!contact) return;
    const locale = localeOf(c.language);
    await deps.notifications.enqueue(executor, { to: contact.email, locale, template: `complaint_${template}`, ...make(locale, contact.name) });
  }

  /** What integrations learn of a complaint: no personal data, no free text. */
  const eventPayload = (c: ComplaintRow, extra: Record<string, unknown> = {}) => ({
    complaintId: c.id, reference: c.reference, about: c.about, bookingId: c.booking_id, category: c.category, severity: c.severity, state: c.state,
    noBookingFound: c.no_booking_found, nextDeadline: c.next_deadline_at?.toISOString() ?? null, ...extra,
  });

  /**
   * Takes one step of a locked complaint in the caller's transaction: asks the lifecycle, appends
   * the step and the deadlines it met to the event log, recomputes the watched deadline from the
   * log, writes the audit record and the integrations' event, and tells the complainant.
   */
  async function transition(trx: Executor, ctx: RequestContext, c: ComplaintRow, action: ComplaintAction, who: { kind: ComplaintActor; id: string | null }, opts: { message?: string | null; screened?: string | null; data?: Record<string, unknown>; quiet?: boolean } = {}): Promise<ComplaintRow> {
    const now = clock.now();
    const cal = await calendar(trx);
    const r = step(facts(c, cal.reopenDays), action, who.kind, now);
    if (!r.ok) throw new AppError(r.code, r.code === 'complaint.reopen_expired' ? { until: r.params.until.toISOString() } : r.params);
    const data = { ...opts.data };
    if (action === 'reopen') data.targets = await targets(trx, c.category, c.severity);
    const watched = await record(trx, cal, c.id, [{ complaint_id: c.id, action, actor: who.kind, actor_id: who.id, from_state: c.state, to_state: r.to, message: opts.message ?? null, message_screened: opts.screened ?? null, data, at: now }]);
    const next = ['resolved', 'closed'].includes(r.to) ? null : watched;
    const patch = {
      state: r.to, resume_state: r.resumeState, ever_escalated: c.ever_escalated || r.to === 'escalated',
      resolved_at: r.to === 'resolved' ? now : action === 'reopen' ? null : c.resolved_at,
      closed_at: r.to === 'closed' ? now : null,
      next_deadline_at: next?.dueAt ?? null, next_deadline_kind: next?.kind ?? null, updated_at: now,
    };
    await repo.update(trx, c.id, patch);
    const updated: ComplaintRow = { ...c, ...patch, version: c.version + 1 };
    await writeAudit(trx, clock, ctx, { action: `complaint.${action}`, subjectType: 'complaint', subjectId: c.id, data: { from: c.state, to: r.to, by: who.kind, ...(data.breach ? { breach: data.breach } : {}) } });
    if (updated.provider_id && (r.to === 'escalated' || r.to === 'resolved')) {
      await publishEvent(trx, clock, { type: r.to === 'escalated' ? 'complaint.escalated' : 'complaint.resolved', providerId: updated.provider_id, subjectId: c.id, payload: eventPayload(updated, { by: who.kind }) });
    }
    // A missed deadline is told to both sides: the provider (its owner, in their language) too.
    if (data.breach && updated.provider_id) {
      const p = await deps.journey.providerContact(trx, updated.provider_id);
      if (p) await deps.notifications.enqueue(trx, { to: p.email, locale: p.locale, template: 'complaint_breached', ...complaintEmails.breached(p.locale, { name: p.name, reference: c.reference, kinds: data.breach as string[] }) });
    }
    if (!opts.quiet && who.kind !== 'pilgrim') {
      await tellComplainant(trx, updated, 'moved', (locale, name) => complaintEmails.moved(locale, { name, reference: c.reference, state: r.to, message: opts.screened ?? opts.message ?? null, dueAt: updated.next_deadline_at, breached: Boolean(data.breach) }));
    }
    return updated;
  }

  /**
   * Appends steps to a complaint's log, each followed by a `deadline_met` event for every deadline
   * it meets (judged on the log before it), and answers the deadline to watch after them. The log
   * is read once (`prior` when the caller has it: a complaint being filed has none).
   */
  async function record(trx: Executor, cal: DeadlineCalendar, complaintId: string, steps: NewEvent[], prior?: LogEvent[]) {
    const log = prior ?? asLog(await repo.events(trx, complaintId));
    const rows: NewEvent[] = [];
    for (const s of steps) {
      const event: LogEvent = { action: s.action, actor: s.actor, at: s.at, data: s.data ?? {} };
      const met = metBy(cal, readLog(log), event);
      rows.push(s);
      log.push(event);
      for (const m of met) {
        const data = { kind: m.kind, minutes: m.minutes, late: m.late, breached: m.breached };
        rows.push({ complaint_id: complaintId, action: 'deadline_met', actor: 'system', actor_id: null, from_state: null, to_state: null, message: null, message_screened: null, data, at: s.at });
        log.push({ action: 'deadline_met', actor: 'system', at: s.at, data });
      }
    }
    await repo.appendEvents(trx, rows);
    return watchedDeadline(cal, readLog(log));
  }

  /** The targets the rules give a category and severity now (copied into the log when a deadline starts). */
  async function targets(executor: Executor, category: string, severity: ComplaintRow['severity']) {
    const rule = await repo.rule(executor, category, severity);
    return { acknowledgeMinutes: rule?.acknowledge_minutes ?? 0, firstAnswerMinutes: rule?.first_answer_minutes ?? null, resolveMinutes: rule?.resolve_minutes ?? null };
  }

  return { deps, db, clock, repo, calendar, transition, record, targets, tellComplainant, eventPayload, asLog, facts };
}
export type ComplaintContext = ReturnType<typeof createComplaintContext>;
export type { DeadlineKind };
