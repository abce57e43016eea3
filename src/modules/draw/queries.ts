import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { merkleProof } from '../../common/draw/merkle.ts';
import type { DrawParameters } from './domain/allocate.ts';
import { schemaDocument, type SchemaName } from './domain/file-schemas.ts';
import { commitmentFile, ndjson, parametersFile, resultLine, seedFile, type DrawFileName } from './domain/files.ts';
import type { DrawContext } from './context.ts';
import { drawPolicy } from './policies.ts';

/** Reading a draw: its state, its published files byte for byte, proofs, a family's result. */
export function drawQueries(c: DrawContext) {
  const { deps, db, repo, hasher } = c;
  const leavesCache = new Map<string, Uint8Array[]>();

  async function leaves(season: string) {
    let cached = leavesCache.get(season);
    if (!cached) {
      cached = (await repo.records(db.kysely, season)).map((r) => hasher.leaf(r));
      leavesCache.set(season, cached);
    }
    return cached;
  }

  return {
    /** Every season that has a draw, newest first. */
    list: () => repo.list(db.kysely),

    async get(ctx: RequestContext, season: string) {
      const draw = await c.load(db.kysely, season);
      return c.view(draw, ctx, await c.resource(season, draw));
    },

    /** Where the season's draw stands, and the steps the caller may take now (also before the freeze: `none`). */
    async status(ctx: RequestContext, season: string) {
      const state = await c.resource(season, await repo.find(db.kysely, season));
      return { season, ...state, allowedActions: drawPolicy.allowed(ctx, state) };
    },

    /** One country's published outcomes (nothing before publication). */
    async countryOutcomes(season: string, country: string) {
      const draw = await repo.find(db.kysely, season);
      if (draw?.status !== 'published') return null;
      const rows = await repo.countryOutcomes(db.kysely, season, country);
      const of = (o: 'won' | 'waiting') => rows.find((r) => r.outcome === o);
      return { won: { families: Number(of('won')?.families ?? 0), pilgrims: Number(of('won')?.pilgrims ?? 0) }, waiting: { families: Number(of('waiting')?.families ?? 0), pilgrims: Number(of('waiting')?.pilgrims ?? 0) } };
    },

    /** A published file of the draw: exactly the bytes that were hashed (docs/algorithms/draw.md §3). */
    async file(season: string, name: DrawFileName): Promise<string> {
      const draw = await c.load(db.kysely, season);
      c.assertCurrentFormat(draw);
      switch (name) {
        case 'commitment.json':
          return commitmentFile(c.commitment(draw));
        case 'parameters.json':
          return parametersFile(draw.parameters as DrawParameters);
        case 'entries.ndjson':
          return ndjson(await repo.records(db.kysely, season));
        case 'seed.json': {
          const seed = c.seed(draw);
          if (!seed) throw new AppError('draw.wrong_state', { state: draw.status, needed: 'seeded' });
          return seedFile(seed);
        }
        case 'results.ndjson': {
          if (draw.status !== 'published') throw new AppError('draw.not_published');
          const { entries } = await c.inputs(db.kysely, season);
          const index = new Map(entries.map((e, i) => [e.applicationId, i]));
          const results = await repo.results(db.kysely, season);
          return ndjson(results.map((r) => resultLine({ entry: index.get(r.application_id)!, position: r.position, outcome: r.outcome, packageId: r.package_id, choiceRank: r.choice_rank, phase: r.phase, waitlistPosition: r.waitlist_position }, entries)));
        }
      }
    },

    /** The JSON Schema of a published file (the same for every season). */
    schema: (name: SchemaName) => schemaDocument(name),

    /** The record of an application as committed, with its Merkle proof against the root. */
    async proof(season: string, applicationId: string) {
      const draw = await c.load(db.kysely, season);
      c.assertCurrentFormat(draw);
      const entry = await repo.entryOf(db.kysely, season, applicationId);
      if (!entry) throw new AppError('draw.not_entered');
      return { record: entry.record, leafIndex: entry.leaf_index, merkleRoot: draw.merkle_root, proof: merkleProof(await leaves(season), entry.leaf_index, hasher) };
    },

    /** The caller's family: whether it is in the draw, its result once published, its bookings. */
    async mine(ctx: RequestContext, season: string) {
      const draw = await c.load(db.kysely, season);
      const app = await deps.applications.applicationOf(db.kysely, season, ctx.actor!.accountId);
      if (!app) throw new AppError('application.not_found');
      const entry = await repo.entryOf(db.kysely, season, app.application_id);
      const result = draw.status === 'published' ? await repo.resultOf(db.kysely, season, app.application_id) : undefined;
      return {
        applicationId: app.application_id,
        status: draw.status,
        entered: Boolean(entry),
        record: entry?.record ?? null,
        result: result ? { place: result.position + 1, position: result.position + 1, outcome: result.outcome, packageId: result.package_id, choiceRank: result.choice_rank, waitlistPosition: result.waitlist_position } : null,
        bookings: await deps.bookings.forApplication(season, app.application_id),
      };
    },
  };
}
