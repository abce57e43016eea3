import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import { groupLoader, writeInRounds } from '../../db/group-loader.ts';
import { auditInsert } from '../audit/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { ranks, shardOf } from './domain/demand.ts';
import { batchDemand, judgeRanking, type RankingRequest } from './domain/ranking-batch.ts';
import { createApplicationsRepository } from './repository.ts';

export interface RankingResult {
  id: string;
  version: number;
  ranking: { rank: number; packageId: string; packageVersion: number }[];
}

interface Item {
  ctx: RequestContext;
  request: RankingRequest;
}

/**
 * Writes rankings by group commit. A ranking that arrives while others are
 * being written joins the next batch: one transaction locks the batch's
 * applications in id order, judges every request on its own (the same checks
 * as one at a time), and writes the accepted ones — previous rankings gone,
 * demand counters moved once per row, versions bumped, audit records, new
 * rankings — in two statements, then commits. Each caller gets its own answer
 * or its own error.
 *
 * A batch that fails as a whole (never a rule: those are judged per request)
 * is retried one request per transaction, so no request pays for another's.
 */
export function createRankingWriter(deps: {
  db: Db;
  clock: Clock;
  seasons: Pick<SeasonService, 'assertPhase'>;
  catalogue: Pick<CatalogueService, 'packageFacts'>;
}) {
  const repo = createApplicationsRepository();
  const { db, clock } = deps;

  async function phaseErrors(trx: Executor, seasons: Iterable<string>) {
    const errors = new Map<string, { code: AppError['code']; params: AppError['params'] } | null>();
    for (const season of seasons) {
      try {
        await deps.seasons.assertPhase(trx, season, ['preference']);
        errors.set(season, null);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        errors.set(season, { code: error.code, params: error.params });
      }
    }
    return errors;
  }

  /** One batch (each application at most once) in the caller's transaction. */
  async function write(trx: Executor, items: readonly Item[]): Promise<(RankingResult | AppError)[]> {
    const locked = await repo.lockMany(trx, [...new Set(items.map((i) => i.request.applicationId))]);
    const apps = new Map(locked.map((a) => [a.id, a]));
    const phases = await phaseErrors(trx, new Set(locked.map((a) => a.season)));
    const packages = await deps.catalogue.packageFacts(trx, [...new Set(items.flatMap((i) => i.request.packageIds))]);
    const verdicts = items.map((item) => {
      const app = apps.get(item.request.applicationId);
      return judgeRanking(item.request, app, app ? (phases.get(app.season) ?? null) : null, packages);
    });
    const accepted = items.flatMap((item, i) => (verdicts[i]!.ok ? [{ item, app: apps.get(item.request.applicationId)! }] : []));
    if (accepted.length > 0) {
      await repo.writeRankings(trx, {
        rankings: accepted.map(({ item }) => ({ applicationId: item.request.applicationId, ranking: item.request.packageIds.map((p) => ({ packageId: p, version: packages.get(p)!.version })) })),
        demand: batchDemand(accepted.map(({ item, app }) => ({
          season: app.season,
          country: app.country,
          shard: shardOf(app.id),
          before: ranks(app.ranking),
          after: ranks(item.request.packageIds),
          size: app.members.length,
        }))),
        audit: auditInsert(clock, accepted.map(({ item }) => ({
          ctx: item.ctx,
          entry: { action: 'application.ranked', subjectType: 'application', subjectId: item.request.applicationId, data: { packageIds: item.request.packageIds } },
        }))),
        now: clock.now(),
      });
    }
    return items.map((item, i) => {
      const verdict = verdicts[i]!;
      if (!verdict.ok) return new AppError(verdict.code, verdict.params);
      const app = apps.get(item.request.applicationId)!;
      return {
        id: app.id,
        version: app.version + 1,
        ranking: item.request.packageIds.map((packageId, r) => ({ rank: r + 1, packageId, packageVersion: packages.get(packageId)!.version })),
      };
    });
  }

  const inTransaction = (items: readonly Item[]) => db.kysely.transaction().execute((trx) => write(trx, items));

  // A family that submits twice in one batch has its second ranking written after its first.
  const batch = (items: readonly Item[]) => writeInRounds(items, (i) => i.request.applicationId, inTransaction);

  const loader = groupLoader<Item, RankingResult>(batch);

  return {
    /** Ranks packages for an application; resolves when the ranking is committed. */
    rank: (ctx: RequestContext, request: RankingRequest) => loader.load({ ctx, request }),
  };
}

