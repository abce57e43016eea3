import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeCsv } from '../../core/csv.ts';
import { addDays, riyadhDate, riyadhMidnight } from '../../core/dates.ts';
import type { ObservatoryContext } from './context.ts';
import { emptyCounts, indicators, PRIVACY_MIN, PUBLISH_MIN, type GroupCounts } from './domain/indicators.ts';
import { observatoryPolicy } from './policies.ts';
import { dimensions, type Dimension, type Filter } from './repository.ts';

/**
 * The observatory's indicators: per provider, package, stage, country or language, from the
 * survey counts and the complaints module's figures; a mission sees only its country; no group
 * of fewer than 10 people is shown at all; the daily series; CSV and JSON exports.
 */
export function indicatorUseCases(c: ObservatoryContext) {
  const { db, clock, repo, deps } = c;

  /** Every group's counts for a dimension: surveys, pilgrims served, complaints (where the dimension applies to them). */
  async function countsBy(by: Dimension, f: Filter): Promise<Map<string | null, GroupCounts>> {
    const complaintsBy = by === 'provider' || by === 'country' || by === 'language' ? by : null;
    const [surveys, complaints] = await Promise.all([
      repo.surveyCounts(db.kysely, by, f),
      complaintsBy ? deps.complaints.counts(complaintsBy, f) : Promise.resolve([]),
    ]);
    const out = new Map<string | null, GroupCounts>();
    const at = (key: string | null) => {
      let g = out.get(key);
      if (!g) out.set(key, (g = emptyCounts()));
      return g;
    };
    for (const s of surveys) Object.assign(at(s.key), { invited: s.invited, shown: s.shown, responses: s.responses, csatN: s.csatN, csatTop2: s.csatTop2, npsN: s.npsN, promoters: s.promoters, detractors: s.detractors, pilgrims: s.pilgrims });
    for (const k of complaints) Object.assign(at(k.key), { complaints: k.complaints, deadlinesOnTime: k.onTime, deadlinesLate: k.late, medianFirstAnswerMinutes: k.medianFirstAnswer, medianResolutionMinutes: k.medianResolution });
    return out;
  }

  /** A mission reads only its own country, whatever it asks for. */
  const scoped = (ctx: RequestContext, f: Filter): Filter => (ctx.actor?.role === 'mission_officer' ? { ...f, countryCode: ctx.actor.countryCode ?? '--' } : f);

  /** The groups a reader may see: none about fewer than 10 people (their counts are not shown either). */
  function visible(groups: Map<string | null, GroupCounts>) {
    return [...groups.entries()]
      .map(([key, counts]) => ({ key, counts, size: Math.max(counts.responses, counts.pilgrims, counts.complaints, counts.invited) }))
      .filter((g) => g.size >= PRIVACY_MIN)
      .sort((a, b) => b.size - a.size)
      .map(({ key, counts }) => ({ key, indicators: indicators(counts), counts: { responses: counts.responses, invited: counts.invited, shown: counts.shown, pilgrims: counts.pilgrims, complaints: counts.complaints } }));
  }

  return {
    countsBy,
    /**
     * Folds every past day not yet folded into the rollup, in order, a transaction per day
     * (the hourly poller, and the CLI); today stays live. Answers how many days it folded.
     */
    async foldDays() {
      const today = riyadhDate(clock.now());
      const horizon = await repo.foldHorizon(db.kysely);
      let day = horizon ? addDays(horizon, 1) : await repo.firstDay(db.kysely);
      let folded = 0;
      for (; day && day < today; day = addDays(day, 1)) {
        const d = day;
        if (await db.kysely.transaction().execute((trx) => repo.foldDay(trx, d, riyadhMidnight(d), riyadhMidnight(addDays(d, 1)), clock.now()))) folded++;
      }
      return folded;
    },
    async indicators(ctx: RequestContext, by: string, filter: Filter) {
      observatoryPolicy.assert(ctx, 'read_indicators', null);
      if (!(dimensions as readonly string[]).includes(by)) throw new AppError('observatory.unknown_dimension');
      const f = scoped(ctx, filter);
      const all = await countsBy(by as Dimension, f);
      const groups = visible(all);
      const hidden = all.size - groups.length;
      return { by, filter: f, computedAt: clock.now().toISOString(), privacyMin: PRIVACY_MIN, publishMin: PUBLISH_MIN, groups, withheldGroups: hidden };
    },
    /** The daily series (days with fewer than 10 responses withheld). */
    async series(ctx: RequestContext, filter: Filter) {
      observatoryPolicy.assert(ctx, 'read_indicators', null);
      const rows = await repo.daily(db.kysely, scoped(ctx, filter));
      return rows.map((r) => {
        const i = indicators({ ...emptyCounts(), ...r });
        return { day: r.day, responses: r.responses >= PRIVACY_MIN ? r.responses : null, csat: i.csat, nps: i.nps };
      });
    },
    /** The indicators as CSV: one line per group, figures with their intervals. */
    async csv(ctx: RequestContext, by: string, filter: Filter) {
      const r = await this.indicators(ctx, by, filter);
      const num = (x: { value: number | null; low?: number; high?: number; n?: number | null }) => [x.value, x.low ?? null, x.high ?? null, x.n ?? null];
      return writeCsv(
        [by, 'csat', 'csat_low', 'csat_high', 'csat_n', 'nps', 'nps_low', 'nps_high', 'nps_n', 'response_rate', 'response_rate_low', 'response_rate_high', 'invited', 'complaints_per_1000', 'adherence', 'adherence_low', 'adherence_high', 'adherence_n', 'median_first_answer_minutes', 'median_resolution_minutes'],
        r.groups.map((g) => [
          g.key ?? '', ...num(g.indicators.csat), ...num(g.indicators.nps), ...num(g.indicators.responseRate).slice(0, 3), g.counts.invited,
          g.indicators.complaintsPerThousand.value, ...num(g.indicators.adherence), g.indicators.medianFirstAnswerMinutes, g.indicators.medianResolutionMinutes,
        ]),
      );
    },
  };
}
