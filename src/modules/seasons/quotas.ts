import { parse } from 'csv-parse/sync';
import { isCountry } from '../../core/countries.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';
import type { GuardMode } from '../../db/counters.ts';
import { writeAudit } from '../audit/index.ts';
import type { SeasonContext } from './context.ts';

/** Country quotas of a season: reading, setting (by form or CSV), and using seats of them. */
export function quotaUseCases(c: SeasonContext) {
  const { db, clock, repo, load } = c;
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

  return {
    quotas,
    setQuotas,

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

    /** Uses seats of a country's quota without ever passing it; answers the country that is full, or null. */
    useQuota: (executor: Executor, season: string, items: { country: string; seats: number }[], mode?: GuardMode) => repo.useQuota(executor, season, items, mode),
    releaseQuota: (executor: Executor, season: string, items: { country: string; seats: number }[]) => repo.releaseQuota(executor, season, items),
    /** Seats per country and how many are held or confirmed. */
    quotaUsage: (executor: Executor, season: string) => repo.quotaUsage(executor, season),

  };
}
