import { parse } from 'csv-parse/sync';
import { isCountry } from '../../core/countries.ts';
import type { Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { shortCache } from '../../core/short-cache.ts';
import { AppError } from '../../core/errors.ts';
import type { Locale } from '../../common/i18n.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { GuardMode } from '../../db/counters.ts';
import { writeAudit } from '../audit/index.ts';
import { phaseAt, seasonDatesProblem, type Phase, type SeasonCalendar } from './domain/calendar.ts';
import { hijriOf, isValidDate, riyadhDate } from '../../core/dates.ts';
import type { Acting } from '../../core/policy.ts';
import { seasonPolicy, type SeasonAction, type SeasonResource } from './policies.ts';
import { defaultRules, evaluate, type EligibilityRule, type Person } from './domain/eligibility.ts';
import { createSeasonsRepository } from './repository.ts';
import type { SeasonsTable } from './tables.ts';

export interface SeasonInput {
  registrationOpens: string;
  preferenceOpens: string;
  preferenceCloses: string;
  drawAt: string;
  offersClose: string;
  openSaleAt: string;
  visaCutoff: string;
  referenceDate: string;
  arrivalDate: string;
  seasonEnd: string;
}

function calendarOf(row: Selectable<SeasonsTable>): SeasonCalendar {
  return {
    registrationOpens: row.registration_opens,
    preferenceOpens: row.preference_opens,
    preferenceCloses: row.preference_closes,
    drawAt: row.draw_at,
    offersClose: row.offers_close,
    openSaleAt: row.open_sale_at,
    visaCutoff: row.visa_cutoff,
  };
}

/** A season as everyone reads it; `who` (the caller) gives the settings they may change now. */
function present(row: Selectable<SeasonsTable>, now: Date, who: Acting = { actor: null }) {
  const c = calendarOf(row);
  return {
    code: row.code,
    phase: phaseAt(c, now),
    ...(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.toISOString()])) as Record<keyof SeasonCalendar, string>),
    referenceDate: row.reference_date,
    arrivalDate: row.arrival_date,
    seasonEnd: row.season_end,
    allowedActions: seasonPolicy.allowed(who, seasonResource(row, now)),
  };
}
const seasonResource = (row: Pick<Selectable<SeasonsTable>, 'code' | 'season_end'>, now: Date): SeasonResource => ({ code: row.code, seasonEnd: row.season_end, over: riyadhDate(now) > row.season_end });
export type SeasonView = ReturnType<typeof present>;

/** The season calendar, the programme's countries and quotas, and the eligibility rules. */
export function createSeasonService(deps: { db: Db; clock: Clock }) {
  const repo = createSeasonsRepository();
  const { db, clock } = deps;

  /**
   * Reference data (a season's calendar, its rules, the programme countries)
   * is read on every programme action and changes rarely: each process keeps
   * it for a second. A change made here clears it at once; another process
   * sees it within a second. Phases are still computed from the live clock.
   */
  const reference = shortCache(1000);
  const cached = reference.get;
  const forget = reference.clear;

  async function load(executor: Executor, code: string) {
    const row = await repo.find(executor, code);
    if (!row) throw new AppError('season.not_found');
    return row;
  }

  async function quotas(season: string) {
    await load(db.kysely, season);
    const rows = await repo.quotas(db.kysely, season);
    return rows.map((r) => ({ country: r.country, seats: r.seats, updatedAt: r.updated_at.toISOString() }));
  }

  /** Sets seats for some countries of the programme, all or nothing. */
  async function setQuotas(ctx: RequestContext, season: string, rows: { country: string; seats: number }[], source: 'form' | 'csv' = 'form') {
    await db.kysely.transaction().execute(async (trx) => {
      await load(trx, season);
      const programme = new Set(await repo.programmeCountries(trx));
      const outside = rows.find((r) => !programme.has(r.country));
      if (outside) throw new AppError('season.country_not_in_programme', { country: outside.country });
      await repo.setQuotas(trx, season, rows, clock.now());
      await writeAudit(trx, clock, ctx, {
        action: 'season.quotas_set',
        subjectType: 'season',
        subjectId: season,
        data: { source, countries: rows.length, seats: rows.reduce((s, r) => s + r.seats, 0) },
      });
    });
    return quotas(season);
  }

  const versioned = (row: { version: number; rules: EligibilityRule[] } | undefined) => (row ? { version: row.version, rules: row.rules } : { version: 0, rules: [] as EligibilityRule[] });

  async function rules(season: string): Promise<{ version: number; rules: EligibilityRule[] }> {
    await load(db.kysely, season);
    return versioned(await repo.latestRules(db.kysely, season));
  }

  /** Loads a season's rules and facts once (cached for a second), for evaluating many people. */
  async function evaluatorFor(season: string, locale: Locale) {
    const [row, latest, programme] = await Promise.all([
      cached(`season:${season}`, () => load(db.kysely, season)),
      cached(`rules:${season}`, () => repo.latestRules(db.kysely, season)),
      cached('programme', () => repo.programmeCountries(db.kysely)),
    ]);
    const current = versioned(latest);
    const facts = { referenceDate: row.reference_date, arrivalDate: row.arrival_date, seasonEnd: row.season_end, programmeCountries: new Set(programme) };
    return { version: current.version, evaluate: (person: Person) => evaluate(current.rules, person, facts, locale) };
  }

  return {
    quotas,
    setQuotas,
    rules,

    async list(who?: Acting): Promise<SeasonView[]> {
      const now = clock.now();
      return (await repo.list(db.kysely)).map((r) => present(r, now, who));
    },

    /** A season and its phase now; pass the caller's transaction when inside one. */
    async get(code: string, executor?: Executor, who?: Acting): Promise<SeasonView> {
      const row = executor ? await load(executor, code) : await cached(`season:${code}`, () => load(db.kysely, code));
      return present(row, clock.now(), who);
    },

    /** Refuses a season setting the caller may not change now (seasons/policies.ts), for this module and the ones that keep settings of a season. */
    async assertMay(who: Acting, action: SeasonAction, code: string, executor?: Executor) {
      const row = executor ? await load(executor, code) : await cached(`season:${code}`, () => load(db.kysely, code));
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

    /** Uses seats of a country's quota without ever passing it; answers the country that is full, or null. */
    useQuota: (executor: Executor, season: string, items: { country: string; seats: number }[], mode?: GuardMode) => repo.useQuota(executor, season, items, mode),
    releaseQuota: (executor: Executor, season: string, items: { country: string; seats: number }[]) => repo.releaseQuota(executor, season, items),
    /** Seats per country and how many are held or confirmed. */
    quotaUsage: (executor: Executor, season: string) => repo.quotaUsage(executor, season),

    /** Refuses an action outside the phases it belongs to. Later modules call this before acting. */
    async assertPhase(executor: Executor, code: string, allowed: Phase[]): Promise<Phase> {
      const phase = phaseAt(calendarOf(await cached(`season:${code}`, () => load(executor, code))), clock.now());
      if (!allowed.includes(phase)) throw new AppError('season.phase_closed', { phase });
      return phase;
    },

    programmeCountries: () => cached('programme', () => repo.programmeCountries(db.kysely)),

    async addCountry(ctx: RequestContext, code: string): Promise<void> {
      if (!isCountry(code)) throw new AppError('account.unknown_country', { country: code });
      await db.kysely.transaction().execute(async (trx) => {
        forget();
        await repo.addCountry(trx, code, clock.now());
        await writeAudit(trx, clock, ctx, { action: 'programme.country_added', subjectType: 'country', subjectId: code });
      });
      forget();
    },

    /** Removes a country from the programme, unless a season still gives it seats. */
    async removeCountry(ctx: RequestContext, code: string): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        const held = await repo.seatsHeldBy(trx, code);
        if (held) throw new AppError('season.country_has_quota', { country: code, season: held.season });
        forget();
        if (!(await repo.removeCountry(trx, code))) throw new AppError('season.country_not_in_programme', { country: code });
        await writeAudit(trx, clock, ctx, { action: 'programme.country_removed', subjectType: 'country', subjectId: code });
      });
      forget();
    },

    /**
     * Imports quotas from CSV (`country,seats` with a header line; ISO codes).
     * Any bad line refuses the whole file, naming the line.
     */
    async importQuotas(ctx: RequestContext, season: string, csv: string) {
      let records: string[][];
      try {
        records = parse(csv, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
      } catch (error) {
        throw new AppError('season.invalid_csv', { line: (error as { lines?: number }).lines ?? 1, problem: 'not_csv' });
      }
      const [header, ...lines] = records;
      if (!header || header.map((h) => h.toLowerCase()).join(',') !== 'country,seats') {
        throw new AppError('season.invalid_csv', { line: 1, problem: 'bad_header' });
      }
      const seen = new Set<string>();
      const rows = lines.map(([country = '', seats = ''], i) => {
        const line = i + 2;
        const code = country.toUpperCase();
        if (!/^[A-Z]{2}$/.test(code) || !isCountry(code)) throw new AppError('season.invalid_csv', { line, problem: 'unknown_country', value: country });
        if (!/^\d{1,7}$/.test(seats) || Number(seats) > 1_000_000) throw new AppError('season.invalid_csv', { line, problem: 'bad_seats', value: seats });
        if (seen.has(code)) throw new AppError('season.invalid_csv', { line, problem: 'duplicate_country', value: code });
        seen.add(code);
        return { country: code, seats: Number(seats) };
      });
      return setQuotas(ctx, season, rows, 'csv');
    },

    /** A new version of the season's rules; earlier evaluations keep naming the version they used. */
    async setRules(ctx: RequestContext, season: string, next: EligibilityRule[]) {
      const result = await db.kysely.transaction().execute(async (trx) => {
        await load(trx, season);
        const latest = await repo.latestRules(trx, season);
        const version = (latest?.version ?? 0) + 1;
        forget();
        await repo.insertRules(trx, season, version, next, ctx.actor?.accountId ?? null, clock.now());
        await writeAudit(trx, clock, ctx, { action: 'season.rules_changed', subjectType: 'season', subjectId: season, data: { version, codes: next.map((r) => r.code) } });
        return { version, rules: next };
      });
      forget();
      return result;
    },

    evaluatorFor,

    /** Checks one person against the season's current rules; nothing is stored. */
    async checkEligibility(season: string, person: Person, locale: Locale) {
      const evaluator = await evaluatorFor(season, locale);
      const results = evaluator.evaluate(person);
      return { version: evaluator.version, eligible: results.every((r) => r.passed), results };
    },
  };
}
export type SeasonService = ReturnType<typeof createSeasonService>;
