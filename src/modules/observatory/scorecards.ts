import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeCsv } from '../../core/csv.ts';
import { writeAudit } from '../audit/index.ts';
import type { ObservatoryContext } from './context.ts';
import { emptyCounts, indicators, PRIVACY_MIN, PUBLISH_MIN, type GroupCounts } from './domain/indicators.ts';
import type { indicatorUseCases } from './indicators.ts';
import { observatoryPolicy } from './policies.ts';

/** A published scorecard: each figure only when its own n reaches 30; the counts it came from; the date. */
export function scorecardView(r: { provider_id: string; counts: GroupCounts; inspections: { n: number; meanScore: number | null }; computed_at: Date; reply?: string | null; reply_at?: Date | null }) {
  const i = indicators(r.counts);
  const pub = <T extends { publishable?: boolean; value: number | null }>(x: T) => (x.value !== null && x.publishable ? x : null);
  return {
    providerId: r.provider_id,
    computedAt: r.computed_at.toISOString(),
    csat: pub(i.csat), nps: pub(i.nps), adherence: pub(i.adherence), complaintsPerThousand: pub(i.complaintsPerThousand),
    inspections: r.inspections.n > 0 ? { n: r.inspections.n, meanScore: r.inspections.meanScore, label: 'field inspections (mystery shopper)' } : null,
    publishMin: PUBLISH_MIN,
    reply: r.reply ? { text: r.reply, at: r.reply_at!.toISOString() } : null,
  };
}
export type ScorecardView = ReturnType<typeof scorecardView>;

/** The counts as published: each family of counts withheld (null) when its base is below the privacy floor. */
export function anonymised(c: GroupCounts): { [K in keyof GroupCounts]: GroupCounts[K] | null } {
  const keep = <K extends keyof GroupCounts>(base: number, keys: K[]) => Object.fromEntries(keys.map((k) => [k, base >= PRIVACY_MIN ? c[k] : null]));
  return {
    ...keep(c.invited, ['invited', 'shown', 'responses']),
    ...keep(c.csatN, ['csatN', 'csatTop2']),
    ...keep(c.npsN, ['npsN', 'promoters', 'detractors']),
    ...keep(c.pilgrims, ['pilgrims', 'complaints']),
    ...keep(c.deadlinesOnTime + c.deadlinesLate, ['deadlinesOnTime', 'deadlinesLate']),
    ...keep(c.complaints, ['medianFirstAnswerMinutes', 'medianResolutionMinutes']),
  } as never;
}

/**
 * Public provider scorecards (docs/algorithms/scorecards.md): computed for every provider from
 * the counts (surveys, pilgrims served, complaints, inspections) and stored with the date;
 * published with the anonymised counts so anyone can recompute them; a provider may reply.
 */
export function scorecardUseCases(c: ObservatoryContext, ind: ReturnType<typeof indicatorUseCases>) {
  const { db, clock, repo } = c;
  return {
    /** Computes every provider's scorecard now (the ministry, the CLI, or the hourly poller). */
    async computeScorecards(ctx: RequestContext) {
      observatoryPolicy.assert(ctx, 'compute_scorecards', null);
      const [groups, inspections] = await Promise.all([ind.countsBy('provider', {}), repo.inspectionCounts(db.kysely)]);
      const insp = new Map(inspections.map((r) => [r.provider_id, { n: r.n, meanScore: r.mean === null ? null : Number(r.mean) }]));
      const now = clock.now();
      const rows = [...groups.entries()].filter(([key]) => key !== null).map(([key, counts]) => ({
        provider_id: key!, counts: JSON.stringify(counts), inspections: JSON.stringify(insp.get(key!) ?? { n: 0, meanScore: null }), computed_at: now,
      }));
      for (const [id, v] of insp) if (!groups.has(id)) rows.push({ provider_id: id, counts: JSON.stringify(emptyCounts()), inspections: JSON.stringify(v), computed_at: now });
      await repo.saveScorecards(db.kysely, rows);
      return { providers: rows.length, computedAt: now.toISOString() };
    },
    async scorecard(providerId: string) {
      const [r] = await repo.scorecards(db.kysely, [providerId]);
      return r ? scorecardView(r) : null;
    },
    /** Every published scorecard. */
    async scorecards() {
      return (await repo.scorecards(db.kysely)).map(scorecardView);
    },
    async scorecardsOf(providerIds: string[]) {
      return new Map((await repo.scorecards(db.kysely, providerIds)).map((r) => [r.provider_id, scorecardView(r)]));
    },
    /** The published counts, anonymised (per provider, no group below the privacy floor), as CSV or JSON. */
    async publishedCounts(format: 'csv' | 'json') {
      const rows = (await repo.scorecards(db.kysely)).map((r) => ({ providerId: r.provider_id, computedAt: r.computed_at.toISOString(), ...anonymised(r.counts), inspections: r.inspections.n, inspectionMeanScore: r.inspections.meanScore }));
      if (format === 'json') return rows;
      const cols = ['providerId', 'computedAt', 'invited', 'shown', 'responses', 'csatN', 'csatTop2', 'npsN', 'promoters', 'detractors', 'pilgrims', 'complaints', 'deadlinesOnTime', 'deadlinesLate', 'medianFirstAnswerMinutes', 'medianResolutionMinutes', 'inspections', 'inspectionMeanScore'] as const;
      return writeCsv(cols, rows.map((r) => cols.map((k) => (r as Record<string, unknown>)[k] ?? null)));
    },
    async reply(ctx: RequestContext, providerId: string, text: string) {
      observatoryPolicy.assert(ctx, 'reply_scorecard', null);
      if (ctx.actor!.providerId !== providerId) throw new AppError('auth.forbidden');
      await db.kysely.transaction().execute(async (trx) => {
        await repo.putReply(trx, providerId, text, clock.now());
        await writeAudit(trx, clock, ctx, { action: 'scorecard.replied', subjectType: 'provider', subjectId: providerId });
      });
      return this.scorecard(providerId);
    },
  };
}
