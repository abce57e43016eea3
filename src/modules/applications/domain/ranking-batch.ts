/**
 * Rankings are written in batches (group commit): every ranking that arrives
 * while the previous batch is being written goes into the next one, in one
 * transaction. These pure rules decide each request's fate within its batch,
 * exactly as if it had been written alone.
 */
import type { ErrorCode, ErrorParams } from '../../../core/errors.ts';
import { checkRanking, rankingProblemParams, type PackageFacts } from './family.ts';
import { mergeDeltas, rankingChange, type DemandDelta, type Ranked } from './demand.ts';

export interface RankingRequest {
  actorId: string | undefined;
  applicationId: string;
  packageIds: string[];
  expectedVersion?: number;
}

export interface LockedApplication {
  id: string;
  season: string;
  adminAccountId: string;
  country: string;
  version: number;
  members: string[];
  /** The ranking before this change: package ids, first choice first. */
  ranking: string[];
}

export type RankingVerdict = { ok: true } | { ok: false; code: ErrorCode; params: ErrorParams };

/**
 * Who may change an application: its admin (others, members included, are
 * told so; non-members do not learn it exists), at the version they saw.
 */
export function judgeChange(actorId: string | undefined, app: LockedApplication | undefined, expectedVersion: number | undefined): RankingVerdict {
  if (!app || actorId === undefined || !app.members.includes(actorId)) return { ok: false, code: 'application.not_found', params: {} };
  if (app.adminAccountId !== actorId) return { ok: false, code: 'application.admin_only', params: {} };
  if (expectedVersion !== undefined && expectedVersion !== app.version) {
    return { ok: false, code: 'application.version_conflict', params: { current: app.version } };
  }
  return { ok: true };
}

/**
 * The checks of a ranking, in the order a caller learns of them: the
 * application (hidden from non-members), its admin, the version they saw, the
 * season's phase, then the packages.
 *
 * @param phaseError the season's refusal when it is not in its preference phase
 */
export function judgeRanking(
  request: RankingRequest,
  app: LockedApplication | undefined,
  phaseError: { code: ErrorCode; params: ErrorParams } | null,
  packages: Map<string, PackageFacts>,
): RankingVerdict {
  const change = judgeChange(request.actorId, app, request.expectedVersion);
  if (!change.ok || !app) return change;
  if (phaseError) return { ok: false, ...phaseError };
  const problem = checkRanking(request.packageIds, { size: app.members.length, country: app.country, season: app.season }, packages);
  if (problem) {
    return { ok: false, code: 'application.ranking_rule', params: rankingProblemParams(problem) };
  }
  return { ok: true };
}

export interface CounterDelta extends DemandDelta {
  season: string;
  country: string;
  shard: number;
}

/**
 * The demand counters' moves for a whole batch: each family's change, added
 * per counter row, the ones that cancel out dropped, sorted by (package,
 * country, shard) — the one order in which every writer locks these rows.
 */
export function batchDemand(changes: readonly { season: string; country: string; shard: number; before: Ranked[]; after: Ranked[]; size: number }[]): CounterDelta[] {
  const byRow = new Map<string, { season: string; country: string; shard: number; deltas: DemandDelta[] }>();
  for (const c of changes) {
    const rowKey = `${c.season}:${c.country}:${c.shard}`;
    const entry = byRow.get(rowKey) ?? { season: c.season, country: c.country, shard: c.shard, deltas: [] };
    entry.deltas.push(...rankingChange(c.before, c.after, c.size));
    byRow.set(rowKey, entry);
  }
  const rows = [...byRow.values()].flatMap((e) => mergeDeltas(e.deltas).map((d) => ({ ...d, season: e.season, country: e.country, shard: e.shard })));
  return rows.sort(compareCounterRows);
}

function compareCounterRows(a: { packageId: string; country: string; shard: number }, b: { packageId: string; country: string; shard: number }): number {
  if (a.packageId !== b.packageId) return a.packageId < b.packageId ? -1 : 1;
  if (a.country !== b.country) return a.country < b.country ? -1 : 1;
  return a.shard - b.shard;
}
