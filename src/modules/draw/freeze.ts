import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { chainNamed, quicknet } from '../../common/draw/beacon.ts';
import { writeAudit } from '../audit/index.ts';
import { poolsProblem, shareToBps, type PoolSpec } from './domain/allocate.ts';
import { byApplicationId, canonicalRecord, type DrawEntry } from './domain/entries.ts';
import { ALGORITHM } from './domain/files.ts';
import { commitFiles, namedSource, type SourceChoice } from './domain/publish.ts';
import type { DrawContext } from './context.ts';
import { drawPolicy } from './policies.ts';
import type { EntryRow } from './repository.ts';

/** Pool codes the platform knows how to fill; `general` is everyone else. */
export const poolCriteria = ['first_time', 'general'] as const;
export const defaultPools: PoolSpec[] = [{ code: 'first_time', shareBps: 2000 }, { code: 'general' }];
/** Ten minutes: the named round is published well after the commitment is. */
export const defaultDelaySeconds = 600;
const CHUNK = 5000;
export const chunks = <T>(items: T[], size = CHUNK) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** A pool as the API takes it: its share as basis points, or as a fraction with an exact basis-point value. */
export type PoolInput = { code: string; share?: number | undefined; shareBps?: number | undefined };
export type SourceInput =
  | { kind: 'drand'; chain?: string | undefined; delaySeconds?: number | undefined }
  | { kind: 'declared'; description: string; notBefore: string };

function poolsOf(input: PoolInput[] | undefined): PoolSpec[] {
  if (!input) return defaultPools;
  return input.map((p) => {
    if (p.share !== undefined && p.shareBps !== undefined) throw new AppError('draw.bad_pools', { problem: 'two_shares', pool: p.code });
    if (p.share === undefined) return p.shareBps === undefined ? { code: p.code } : { code: p.code, shareBps: p.shareBps };
    const shareBps = shareToBps(p.share);
    if (shareBps === null) throw new AppError('draw.bad_pools', { problem: 'inexact_share', pool: p.code });
    return { code: p.code, shareBps };
  });
}

/** Freezing the season's applications and publishing the commitment (docs/algorithms/draw.md §4). */
export function freezeUseCases(c: DrawContext) {
  const { deps, db, clock, repo } = c;

  function sourceChoice(input: SourceInput | undefined, now: Date): SourceChoice {
    if (input?.kind === 'declared') {
      const notBefore = new Date(input.notBefore);
      if (!(notBefore.getTime() > now.getTime())) throw new AppError('draw.source_in_past', { at: input.notBefore });
      return { kind: 'declared', description: input.description, notBefore };
    }
    const chain = chainNamed(input?.chain ?? quicknet.name);
    if (!chain) throw new AppError('draw.unknown_beacon', { chain: input!.chain! });
    return { kind: 'drand', chain, delaySeconds: input?.delaySeconds ?? defaultDelaySeconds };
  }

  return {
    /**
     * Freezes the season's eligible applications (every member eligible, at least one ranked
     * package) and publishes the commitment, which names the random value to come. Only after
     * the preference phase.
     */
    async freeze(ctx: RequestContext, season: string, options: { pools?: PoolInput[] | undefined; offerHours?: number | undefined; randomness?: SourceInput | undefined }) {
      const pools = poolsOf(options.pools);
      const unknown = pools.find((p) => !(poolCriteria as readonly string[]).includes(p.code));
      const problem = poolsProblem(pools) ?? (unknown ? { problem: 'unknown_pool' as const, pool: unknown.code } : null);
      if (problem) throw new AppError('draw.bad_pools', problem);
      const evaluator = await deps.seasons.evaluatorFor(season, 'en');
      const draw = await db.kysely.transaction().execute(async (trx) => {
        drawPolicy.assert(ctx, 'freeze', await c.resource(season, await repo.find(trx, season, true), trx));
        const now = clock.now();
        const source = namedSource(sourceChoice(options.randomness, now), now.getTime());
        const quotas = (await deps.seasons.quotaUsage(trx, season)).filter((q) => q.seats > 0);
        if (quotas.length === 0) throw new AppError('draw.no_quotas');
        const candidates = await deps.applications.drawCandidates(trx, season);
        const facts = new Map((await Promise.all(chunks(candidates.flatMap((a) => a.members)).map((ids) => deps.pilgrims.factsFor(trx, ids)))).flatMap((m) => [...m]));
        const reserved = pools.filter((p) => p.shareBps !== undefined).map((p) => p.code);
        const rows: Omit<EntryRow, 'leafIndex' | 'record'>[] = [];
        for (const a of candidates) {
          const people = a.members.map((m) => facts.get(m));
          if (people.some((p) => !p || evaluator.evaluate(p.person).some((r) => !r.passed))) continue;
          const pool = reserved.includes('first_time') && people.every((p) => !p!.performedHajj) ? 'first_time' : 'general';
          rows.push({ applicationId: a.id, adminAccountId: a.admin_account_id, familySize: a.members.length, country: a.country, choices: a.choices, pool, submittedAt: a.created_at });
        }
        rows.sort((a, b) => byApplicationId(a as DrawEntry, b as DrawEntry));
        const entries = rows.map((r, leafIndex) => ({ ...r, leafIndex, record: canonicalRecord(r) }));
        const packageIds = [...new Set(rows.flatMap((r) => r.choices))];
        const onSale = new Map<string, { seatsLeft: number }>();
        for (const ids of chunks(packageIds)) for (const [k, v] of await deps.catalogue.packageFacts(trx, ids)) onSale.set(k, v);
        // A package no longer on sale at the freeze takes part with no seats.
        const parameters = {
          packages: packageIds.map((id) => ({ id, seats: Math.max(0, onSale.get(id)?.seatsLeft ?? 0) })),
          pools,
          quotas: quotas.map((q) => ({ country: q.country, seats: Math.max(0, q.seats - q.seats_used) })),
        };
        const { commitment } = commitFiles({ season, frozenAtMs: now.getTime(), entries, parameters, source });
        await repo.insert(trx, {
          season, algorithm: ALGORITHM, status: 'frozen', parameters: JSON.stringify(parameters), parameters_hash: commitment.parametersHash,
          merkle_root: commitment.merkleRoot, entries_hash: commitment.entriesHash, randomness_source: JSON.stringify(source),
          entry_count: entries.length, offer_hours: options.offerHours ?? 72, frozen_at: now, frozen_by: ctx.actor?.accountId ?? null,
        });
        await repo.insertEntries(trx, season, entries);
        await writeAudit(trx, clock, ctx, {
          action: 'draw.frozen', subjectType: 'draw', subjectId: season,
          data: { merkleRoot: commitment.merkleRoot, entries: entries.length, excluded: candidates.length - entries.length, randomness: source },
        });
        return c.load(trx, season);
      });
      return c.view(draw, ctx, await c.resource(season, draw));
    },
  };
}
