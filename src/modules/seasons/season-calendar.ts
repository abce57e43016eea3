import { AppError } from '../../core/errors.ts';
import { hijriOf, isValidDate } from '../../core/dates.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';
import type { Acting } from '../../core/policy.ts';
import { writeAudit } from '../audit/index.ts';
import type { SeasonContext } from './context.ts';
import { phaseAt, seasonDatesProblem, type Phase, type SeasonCalendar } from './domain/calendar.ts';
import { defaultRules } from './default-rules.ts';
import { seasonPolicy, type SeasonAction } from './policies.ts';
import { calendarOf, present, seasonResource, type SeasonInput, type SeasonView } from './presenters.ts';

/** A season's calendar: setting it, reading it, and the phase checks other modules make. */
export function calendarUseCases(c: SeasonContext) {
  const { db, clock, repo, cached, forget, load } = c;
  return {
    async list(who?: Acting): Promise<SeasonView[]> {
      const now = clock.now();
      return (await repo.list(db.kysely)).map((r) => present(r, now, who));
    },

    /** A season and its phase now (reference data, cached for a second), for reads outside a transaction. */
    async get(code: string, who?: Acting): Promise<SeasonView> {
      return present(await cached(`season:${code}`, () => load(db.kysely, code)), clock.now(), who);
    },

    /** A season and its phase now, read in the caller's transaction (never from the cache). */
    async read(executor: Executor, code: string, who?: Acting): Promise<SeasonView> {
      return present(await load(executor, code), clock.now(), who);
    },

    /** Refuses a season setting the caller may not change now (seasons/policies.ts), for this module and the ones that keep settings of a season. */
    async assertMay(who: Acting, action: SeasonAction, code: string) {
      const row = await cached(`season:${code}`, () => load(db.kysely, code));
      seasonPolicy.assert(who, action, seasonResource(row, clock.now()));
    },

    /**
     * Sets a season's calendar (creating the season, with the default
     * eligibility rules as version 1, the first time).
     * @example await seasons.setCalendar(ctx, '1448H', { registrationOpens: '2026-12-01T09:00:00+03:00', … })
     */
    async setCalendar(ctx: RequestContext, code: string, input: SeasonInput): Promise<SeasonView> {
      for (const date of [input.referenceDate, input.arrivalDate, input.seasonEnd]) {
        if (!isValidDate(date)) throw new AppError('season.invalid_date', { date });
      }
      const calendar: SeasonCalendar = {
        registrationOpens: new Date(input.registrationOpens),
        preferenceOpens: new Date(input.preferenceOpens),
        preferenceCloses: new Date(input.preferenceCloses),
        drawAt: new Date(input.drawAt),
        offersClose: new Date(input.offersClose),
        openSaleAt: new Date(input.openSaleAt),
        visaCutoff: new Date(input.visaCutoff),
      };
      const problem = seasonDatesProblem(code, calendar, input, (day) => hijriOf(day).year);
      if (problem?.kind === 'order') throw new AppError('season.calendar_out_of_order', { earlier: problem.earlier, later: problem.later });
      if (problem?.kind === 'hijri_year') throw new AppError('season.wrong_hijri_year', { season: code, year: problem.year, referenceDate: input.referenceDate });
      const view = await db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = {
          code,
          registration_opens: calendar.registrationOpens,
          preference_opens: calendar.preferenceOpens,
          preference_closes: calendar.preferenceCloses,
          draw_at: calendar.drawAt,
          offers_close: calendar.offersClose,
          open_sale_at: calendar.openSaleAt,
          visa_cutoff: calendar.visaCutoff,
          reference_date: input.referenceDate,
          arrival_date: input.arrivalDate,
          season_end: input.seasonEnd,
          created_at: now,
          updated_at: now,
        };
        forget();
        const created = await repo.upsert(trx, row);
        if (created) await repo.insertRules(trx, code, 1, defaultRules, ctx.actor?.accountId ?? null, now);
        await writeAudit(trx, clock, ctx, { action: created ? 'season.created' : 'season.calendar_changed', subjectType: 'season', subjectId: code, data: { ...input } });
        return present(row, now);
      });
      forget(); // again after commit, so nothing read meanwhile outlives the change
      return view;
    },

    /** Refuses an action outside the phases it belongs to. Later modules call this before acting. */
    async assertPhase(executor: Executor, code: string, allowed: Phase[]): Promise<Phase> {
      const phase = phaseAt(calendarOf(await cached(`season:${code}`, () => load(executor, code))), clock.now());
      if (!allowed.includes(phase)) throw new AppError('season.phase_closed', { phase });
      return phase;
    },

  };
}
