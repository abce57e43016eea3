import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { pickText } from '../../common/i18n.ts';
import { quieterWindows } from '../../common/permits/availability.ts';
import { writeAudit } from '../audit/index.ts';
import type { PermitContext, SiteFacts } from './context.ts';
import { ruleProblem, type Rule } from './domain/rules.ts';
import { daysOf, generateWindows, hoursProblem, type DateRange, type Release } from './domain/slots.ts';
import { permitEmails } from './emails.ts';
import { permitConfigPolicy } from './policies.ts';
import type { Hours, Section } from './tables.ts';

export interface SiteInput {
  code: string;
  kind: 'umrah' | 'rawdah' | 'other';
  nameAr: string;
  nameEn: string;
  maxGroup: number;
  offerMinutes: number;
  cancelLeadMinutes: number;
  gateMaxOfflineMinutes: number;
  sections: { section: Section; hours: Hours[] }[];
}

/**
 * The ministry's configuration: sites as data with their sections' hours and
 * their gates, window templates, windows generated in bulk for a Gregorian or
 * Hijri range with a release schedule, frequency rules and penalties as data,
 * and closures (every holder told in their language, with the nearest windows
 * that have room for their group).
 */
export function configUseCases(c: PermitContext, forget: (siteId: string) => void) {
  const { db, clock } = c;
  const allow = (ctx: RequestContext, action: 'configure' | 'close_windows') => permitConfigPolicy.assert(ctx, action, null);
  async function siteOrThrow(id: string): Promise<SiteFacts> {
    const s = await c.site(id, true);
    if (!s) throw new AppError('permit.site_not_found');
    return s;
  }
  const checkHours = (sections: SiteInput['sections']) => {
    if (sections.length === 0) throw new AppError('permit.bad_config', { problem: 'no_sections' });
    for (const s of sections) {
      const problem = hoursProblem(s.hours);
      if (problem) throw new AppError('permit.bad_config', { problem });
    }
  };

  return {
    async createSite(ctx: RequestContext, input: SiteInput): Promise<SiteFacts> {
      allow(ctx, 'configure');
      checkHours(input.sections);
      const id = newId();
      try {
        await db.kysely.transaction().execute(async (trx) => {
          const now = clock.now();
          await c.config.insertSite(trx, {
            id, code: input.code, number: await c.config.nextSiteNumber(trx), kind: input.kind, name_ar: input.nameAr, name_en: input.nameEn, max_group: input.maxGroup,
            offer_minutes: input.offerMinutes, cancel_lead_minutes: input.cancelLeadMinutes, gate_max_offline_minutes: input.gateMaxOfflineMinutes, created_at: now, updated_at: now,
          });
          await c.config.setSections(trx, id, input.sections);
          await writeAudit(trx, clock, ctx, { action: 'permit_site.created', subjectType: 'permit_site', subjectId: id, data: { code: input.code, kind: input.kind } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('permit.site_taken', {}, { cause: error });
        throw error;
      }
      return siteOrThrow(id);
    },

    async updateSite(ctx: RequestContext, id: string, input: Omit<SiteInput, 'code' | 'kind'>): Promise<SiteFacts> {
      allow(ctx, 'configure');
      checkHours(input.sections);
      await siteOrThrow(id);
      await db.kysely.transaction().execute(async (trx) => {
        await c.config.updateSite(trx, id, { name_ar: input.nameAr, name_en: input.nameEn, max_group: input.maxGroup, offer_minutes: input.offerMinutes, cancel_lead_minutes: input.cancelLeadMinutes, gate_max_offline_minutes: input.gateMaxOfflineMinutes, updated_at: clock.now() });
        await c.config.setSections(trx, id, input.sections);
        await writeAudit(trx, clock, ctx, { action: 'permit_site.updated', subjectType: 'permit_site', subjectId: id, data: { ...input } });
      });
      forget(id);
      return siteOrThrow(id);
    },

    async addGate(ctx: RequestContext, siteId: string, input: { number: number; nameAr: string; nameEn: string; sections: Section[] }): Promise<SiteFacts> {
      allow(ctx, 'configure');
      const site = await siteOrThrow(siteId);
      if (input.sections.some((s) => !site.sections.some((x) => x.section === s))) throw new AppError('permit.bad_config', { problem: 'gate_sections' });
      try {
        await db.kysely.transaction().execute(async (trx) => {
          const id = newId();
          await c.config.insertGate(trx, { id, site_id: siteId, number: input.number, name_ar: input.nameAr, name_en: input.nameEn, sections: [...new Set(input.sections)] });
          await writeAudit(trx, clock, ctx, { action: 'permit_gate.created', subjectType: 'permit_site', subjectId: siteId, data: { gateId: id, number: input.number } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('permit.gate_taken', { number: input.number }, { cause: error });
        throw error;
      }
      forget(siteId);
      return siteOrThrow(siteId);
    },

    async addTemplate(ctx: RequestContext, siteId: string, input: { name: string; windowMinutes: number; capacity: number; earlyGraceMinutes: number; lateGraceMinutes: number }) {
      allow(ctx, 'configure');
      await siteOrThrow(siteId);
      const row = { id: newId(), site_id: siteId, name: input.name, window_minutes: input.windowMinutes, capacity: input.capacity, early_grace_minutes: input.earlyGraceMinutes, late_grace_minutes: input.lateGraceMinutes, created_at: clock.now() };
      await db.kysely.transaction().execute(async (trx) => {
        await c.config.insertTemplate(trx, row);
        await writeAudit(trx, clock, ctx, { action: 'permit_template.created', subjectType: 'permit_site', subjectId: siteId, data: { templateId: row.id, ...input } });
      });
      return row;
    },
    templates: (siteId: string) => c.config.templates(db.kysely, siteId),

    /**
     * Generates a template's windows for every day of a range (Gregorian or Hijri, e.g. a
     * whole Ramadan) and every section of the site, with their release time. Windows that
     * exist are left as they are, so generating again only adds what is missing.
     */
    async generate(ctx: RequestContext, siteId: string, input: { templateId: string; range: DateRange; sections?: Section[]; release: Release }) {
      allow(ctx, 'configure');
      const site = await siteOrThrow(siteId);
      const t = await c.config.template(db.kysely, input.templateId);
      if (!t || t.site_id !== siteId) throw new AppError('permit.template_not_found');
      const days = daysOf(input.range);
      if (!days) throw new AppError('permit.bad_config', { problem: 'bad_range' });
      const sections = site.sections.filter((s) => !input.sections || input.sections.includes(s.section));
      const windows = generateWindows(days, sections, { windowMinutes: t.window_minutes, capacity: t.capacity }, input.release);
      const created = await db.kysely.transaction().execute(async (trx) => {
        let n = 0;
        for (let i = 0; i < windows.length; i += 5000) {
          const chunk = windows.slice(i, i + 5000);
          n += await c.config.insertWindows(trx, siteId, t.id, { capacity: t.capacity, early: t.early_grace_minutes, late: t.late_grace_minutes }, chunk, chunk.map(() => newId()), clock.now());
        }
        await writeAudit(trx, clock, ctx, { action: 'permit_windows.generated', subjectType: 'permit_site', subjectId: siteId, data: { templateId: t.id, from: days[0], to: days.at(-1), windows: windows.length, created: n } });
        return n;
      });
      return { days: days.length, windows: windows.length, created, from: days[0]!, to: days.at(-1)! };
    },

    async setRules(ctx: RequestContext, siteId: string, rules: Rule[], penalties: { trigger: 'no_show' | 'late_cancel'; banDays: number }[]) {
      allow(ctx, 'configure');
      await siteOrThrow(siteId);
      for (const r of rules) {
        const problem = ruleProblem(r);
        if (problem) throw new AppError('permit.bad_config', { problem });
      }
      await db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        await c.config.replaceRules(trx, siteId, rules.map((r) => ({ id: newId(), site_id: siteId, code: r.code, kind: r.kind, hijri_month: r.hijriMonth ?? null, days: r.days ?? null, max_count: r.maxCount ?? null, gap_hours: r.gapHours ?? null, applies_from: r.appliesFrom ?? null, applies_to: r.appliesTo ?? null, created_at: now })));
        await c.config.replacePenaltyRules(trx, siteId, penalties);
        await writeAudit(trx, clock, ctx, { action: 'permit_rules.set', subjectType: 'permit_site', subjectId: siteId, data: { rules: rules.map((r) => r.code), penalties } });
      });
      forget(siteId);
      return siteOrThrow(siteId);
    },

    /**
     * Closes windows (one, or every window of a site's day, optionally one section) with a
     * reason: their permits are revoked without penalty, their waiting lists end, and every
     * holder is told in their language with the nearest windows that have room for their group.
     */
    async close(ctx: RequestContext, input: { windowIds: string[]; reason: string }) {
      allow(ctx, 'close_windows');
      return db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        const windows = (await c.repo.lockWindows(trx, [...input.windowIds].sort())).filter((w) => !w.closed_at);
        let revoked = 0;
        const told: { bookingId: string; alternatives: string[] }[] = [];
        for (const w of windows) {
          const site = (await c.loadSite(trx, w.site_id))!;
          await trx.updateTable('permit_windows').set({ closed_at: now, close_reason: input.reason }).where('id', '=', w.id).execute();
          const live = await trx.selectFrom('permits').selectAll().where('window_id', '=', w.id).where('status', '=', 'valid').execute();
          const ended = await c.repo.endPermits(trx, live.map((p) => p.id), ['valid'], 'closed', now);
          await c.repo.revoke(trx, ended.map((p) => ({ permitId: p.id, reason: 'closed' as const, expiresAt: new Date(p.ends_at.getTime() + w.late_grace_minutes * 60_000) })), now);
          revoked += ended.length;
          const bookings = await trx.updateTable('permit_bookings').set((eb) => ({ status: 'closed' as const, updated_at: now, version: eb('version', '+', 1) })).where('window_id', '=', w.id).where('status', '=', 'active').returning(['id', 'account_id', 'size']).execute();
          await trx.updateTable('permit_waitlist').set({ status: 'cancelled', updated_at: now }).where('window_id', '=', w.id).where('status', 'in', ['waiting', 'offered']).execute();
          // The nearest windows with room, within three days, for each group's size.
          const near = (await c.repo.windowsBetween(trx, w.site_id, new Date(Math.max(now.getTime(), w.starts_at.getTime() - 3 * 86_400_000)), new Date(w.starts_at.getTime() + 3 * 86_400_000), w.section))
            .filter((x) => x.id !== w.id && !x.closed_at && x.release_at <= now && x.starts_at > now && !input.windowIds.includes(x.id))
            .map((x) => ({ id: x.id, startsAt: x.starts_at.getTime(), capacity: x.capacity, booked: x.booked }));
          for (const b of bookings) {
            const alternatives = quieterWindows({ startsAt: w.starts_at.getTime() }, near, b.size, { quietLoad: 1, limit: 3 });
            told.push({ bookingId: b.id, alternatives: alternatives.map((a) => a.id) });
            await c.tell(trx, [b.account_id], 'permit_closed', (locale, name) => permitEmails.closed(locale, { name, site: pickText(site.name, locale).text, startsAt: w.starts_at, reason: input.reason, alternatives: alternatives.map((a) => new Date(a.startsAt)) }));
          }
          await c.publish(trx, live.map((p) => c.permitEvent('permit.cancelled', p, { reason: 'closed' })));
          await writeAudit(trx, clock, ctx, { action: 'permit_window.closed', subjectType: 'permit_window', subjectId: w.id, data: { reason: input.reason, revoked: ended.length, bookings: bookings.length } });
        }
        return { closed: windows.length, revoked, notified: told };
      });
    },
  };
}
