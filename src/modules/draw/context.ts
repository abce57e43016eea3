import type { Static } from '@sinclair/typebox';
import type { DrawSummarySchema } from './summary-schema.ts';
import type { Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { AccountService } from '../accounts/index.ts';
import type { ApplicationService } from '../applications/index.ts';
import type { BookingService } from '../bookings/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { WHOLE, type DrawParameters } from './domain/allocate.ts';
import type { DrawEntry } from './domain/entries.ts';
import { ALGORITHM, commitmentFile, sha256Hex, type Commitment, type SeedFile } from './domain/files.ts';
import { nodeHasher } from './domain/node-hasher.ts';
import { drawPolicy, type DrawResource } from './policies.ts';
import { createDrawRepository, type DrawRepository } from './repository.ts';
import type { DrawsTable } from './tables.ts';

export type DrawDeps = {
  db: Db;
  clock: Clock;
  seasons: Pick<SeasonService, 'assertPhase' | 'evaluatorFor' | 'quotaUsage' | 'get' | 'read'>;
  applications: Pick<ApplicationService, 'drawCandidates' | 'applicationOf'>;
  pilgrims: Pick<PilgrimService, 'factsFor'>;
  catalogue: Pick<CatalogueService, 'packageFacts' | 'titlesInAnyLanguage'>;
  bookings: Pick<BookingService, 'forApplication'>;
  accounts: Pick<AccountService, 'contacts'>;
  notifications: Pick<NotificationService, 'enqueue'>;
};

export type DrawRow = Selectable<DrawsTable>;

/**
 * A season's entries as frozen, read from draw_entries in leaf order, and the entries the draw
 * computes from, made from those rows in that order. What the run draws from; the draw's
 * benchmark loads its season through this too (bench/draw.ts).
 */
export async function frozenInputs(repo: DrawRepository, executor: Executor, season: string) {
  const rows = await repo.entries(executor, season);
  const entries: DrawEntry[] = rows.map((r) => ({ applicationId: r.application_id, familySize: r.family_size, country: r.country, choices: r.choices, pool: r.pool }));
  return { rows, entries };
}

/** The result tables and fairness audit stored when the draw ran (their schema: summary-schema.ts). */
type DrawSummary = Static<typeof DrawSummarySchema>;

/**
 * What every use case of the draw shares: its dependencies and repository,
 * the draw as its policy sees it, its frozen inputs, its published
 * commitment and seed, and its view in the API.
 */
export function createDrawContext(deps: DrawDeps) {
  const repo = createDrawRepository();
  const { db, clock } = deps;
  const hasher = nodeHasher();

  async function load(executor: Executor, season: string, lock = false) {
    const draw = await repo.find(executor, season, lock);
    if (!draw) throw new AppError('draw.not_found');
    return draw;
  }
  /** The draw as its policy sees it (policies.ts): its state and the season's phase now. */
  const resource = async (season: string, draw: Pick<DrawRow, 'status'> | undefined, executor?: Executor): Promise<DrawResource> =>
    ({ status: draw?.status ?? 'none', phase: (await (executor ? deps.seasons.read(executor, season) : deps.seasons.get(season))).phase });

  const inputs = (executor: Executor, season: string) => frozenInputs(repo, executor, season);

  /** A draw made before the published format was specified byte for byte: its files are not served (migrations/0018). */
  function assertCurrentFormat(draw: DrawRow) {
    if (draw.algorithm !== ALGORITHM) throw new AppError('draw.retired_format', { algorithm: draw.algorithm });
  }

  function commitment(draw: DrawRow): Commitment {
    assertCurrentFormat(draw);
    return {
      algorithm: ALGORITHM, season: draw.season, frozenAt: draw.frozen_at.toISOString(), entryCount: draw.entry_count,
      entriesHash: draw.entries_hash!, merkleRoot: draw.merkle_root, parametersHash: draw.parameters_hash, randomness: draw.randomness_source!,
    };
  }

  function seed(draw: DrawRow): SeedFile | null {
    if (draw.seed === null || draw.randomness === null) return null;
    return { season: draw.season, commitmentHash: sha256Hex(commitmentFile(commitment(draw))), randomness: draw.randomness, value: draw.random_value!, seed: draw.seed };
  }

  function view(draw: DrawRow, ctx: RequestContext, state: DrawResource) {
    const params = draw.parameters as DrawParameters;
    const current = draw.algorithm === ALGORITHM;
    return {
      season: draw.season,
      status: draw.status,
      algorithm: draw.algorithm,
      commitment: current ? commitment(draw) : null,
      pools: params.pools.map((p) => (p.shareBps === undefined ? { code: p.code } : { code: p.code, shareBps: p.shareBps, share: p.shareBps / WHOLE })),
      offerHours: draw.offer_hours,
      randomValue: draw.random_value,
      randomSource: draw.random_source,
      seedFile: current ? seed(draw) : null,
      seed: draw.seed,
      seededAt: draw.seeded_at?.toISOString() ?? null,
      drawnAt: draw.drawn_at?.toISOString() ?? null,
      publishedAt: draw.published_at?.toISOString() ?? null,
      summary: draw.status === 'published' || drawPolicy.can(ctx, 'read_results', state) ? ((draw.summary ?? null) as DrawSummary | null) : null,
      allowedActions: drawPolicy.allowed(ctx, state),
    };
  }

  return { deps, db, clock, repo, hasher, load, resource, inputs, commitment, seed, view, assertCurrentFormat };
}
export type DrawContext = ReturnType<typeof createDrawContext>;
