import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import type { ApplicationService } from '../applications/index.ts';
import { writeAudit } from '../audit/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import type { DrawService } from '../draw/index.ts';
import type { BookingService } from '../bookings/index.ts';
import type { VisaReadiness } from './visa-readiness.ts';
import { createMissionsRepository } from './repository.ts';

/**
 * Jusoor: a country's Hajj mission sees its own country and nothing else.
 * The country comes from the officer's account, never from the request, so no
 * parameter can point it elsewhere.
 */
export function createMissionService(deps: {
  db: Db;
  clock: Clock;
  seasons: Pick<SeasonService, 'quotas' | 'evaluatorFor'>;
  applications: Pick<ApplicationService, 'countryApplications' | 'popularity'>;
  pilgrims: Pick<PilgrimService, 'factsFor'>;
  draw: Pick<DrawService, 'countryOutcomes'>;
  bookings: Pick<BookingService, 'countrySummary' | 'markVisaReady'>;
  readiness: VisaReadiness;
}) {
  const { db, clock } = deps;
  const repo = createMissionsRepository();
  const countryOf = (ctx: RequestContext) => {
    const country = ctx.actor?.role === 'mission_officer' ? ctx.actor.countryCode : null;
    if (!country) throw new AppError('auth.forbidden');
    return country;
  };

  return {
    /** Quota against demand, eligibility failures by rule, and the packages the country ranks. */
    async overview(ctx: RequestContext, season: string) {
      const country = countryOf(ctx);
      const quota = (await deps.seasons.quotas(season)).find((q) => q.country === country)?.seats ?? 0;
      const rows = await deps.applications.countryApplications(season, country);
      const accountIds = [...new Set(rows.map((r) => r.account_id))];
      const facts = await deps.pilgrims.factsFor(db.kysely, accountIds);
      const evaluator = await deps.seasons.evaluatorFor(season, ctx.locale);
      const failures: Record<string, number> = {};
      let eligible = 0;
      for (const id of accountIds) {
        const f = facts.get(id);
        if (!f) continue;
        const failed = evaluator.evaluate(f.person).filter((r) => !r.passed);
        if (failed.length === 0) eligible++;
        for (const r of failed) failures[r.code] = (failures[r.code] ?? 0) + 1;
      }
      return {
        country,
        season,
        quota,
        applications: new Set(rows.map((r) => r.id)).size,
        pilgrims: accountIds.length,
        eligiblePilgrims: eligible,
        failuresByRule: failures,
        rulesVersion: evaluator.version,
        popularity: await deps.applications.popularity(season, country, ctx.locale),
        draw: await deps.draw.countryOutcomes(season, country),
        bookings: await deps.bookings.countrySummary(season, country),
      };
    },

    /** Visa readiness of the officer's country, per member (JSON rows or CSV). */
    visaReadiness: (ctx: RequestContext, season: string) => deps.readiness.rows(season, countryOf(ctx), ctx.locale),
    visaReadinessCsv: (ctx: RequestContext, season: string) => deps.readiness.csv(season, countryOf(ctx), ctx.locale),

    /** Submits the country's confirmed bookings whose every member is ready: they become visa-ready. */
    async markVisaReady(ctx: RequestContext, season: string) {
      const rows = await deps.readiness.rows(season, countryOf(ctx), ctx.locale);
      const byBooking = new Map<string, boolean>();
      for (const r of rows) byBooking.set(r.bookingId, (byBooking.get(r.bookingId) ?? true) && r.ready);
      const ready = [...byBooking].filter(([, ok]) => ok).map(([id]) => id);
      return { marked: await deps.bookings.markVisaReady(ctx, ready), waiting: byBooking.size - ready.length };
    },

    /** Publishes the mission's requirements for its nationals in one language. */
    async setRequirements(ctx: RequestContext, language: string, body: string) {
      const country = countryOf(ctx);
      await db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        await repo.upsertRequirements(trx, { country, language, body, updated_by: ctx.actor!.accountId, updated_at: now });
        await writeAudit(trx, clock, ctx, { action: 'mission.requirements_published', subjectType: 'country', subjectId: country, data: { language } });
      });
    },

    /** Public: what a country's mission asks of its pilgrims, in every language it published. */
    async requirements(country: string) {
      const rows = await repo.requirements(db.kysely, country);
      return rows.map((r) => ({ language: r.language, body: r.body, updatedAt: r.updated_at.toISOString() }));
    },
  };
}
export type MissionService = ReturnType<typeof createMissionService>;
