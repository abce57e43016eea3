import type { Static } from '@sinclair/typebox';
import type { DrawSummarySchema } from './summary-schema.ts';
import type { Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor, Trx } from '../../db/database.ts';
import type { AccountService } from '../accounts/index.ts';
import type { ApplicationService } from '../applications/index.ts';
import { writeAudit } from '../audit/index.ts';
import type { BookingService } from '../bookings/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { poolsProblem, type DrawParameters, type PoolSpec } from './domain/allocate.ts';
import { drawPolicy, type DrawResource } from './policies.ts';
import { byApplicationId, canonicalRecord, type DrawEntry } from './domain/entries.ts';
import { fairnessAudit } from './domain/fairness.ts';
import { merkleProof, merkleRoot } from '../../shared/draw/merkle.ts';
import { nodeHasher } from './domain/node-hasher.ts';
import { drawSeed } from './domain/randomness.ts';
import { ALGORITHM, canonicalParameters, computeDraw, parametersHash, resultRecord, resultTables, type Commitment } from './domain/publication.ts';
import { resultEmail } from './emails.ts';
import { createDrawRepository, type EntryRow } from './repository.ts';
import type { DrawsTable } from './tables.ts';

/** The result tables and fairness audit stored when the draw ran (their schema: summary-schema.ts). */
type DrawSummary = Static<typeof DrawSummarySchema>;

/** Pool codes the platform knows how to fill; `general` is everyone else. */
export const poolCriteria = ['first_time', 'general'] as const;
export const defaultPools: PoolSpec[] = [{ code: 'first_time', share: 0.2 }, { code: 'general' }];
const CHUNK = 5000;

export type DrawDeps = {
  db: Db;
  clock: Clock;
  seasons: Pick<SeasonService, 'assertPhase' | 'evaluatorFor' | 'quotaUsage' | 'get'>;
  applications: Pick<ApplicationService, 'drawCandidates' | 'applicationOf'>;
  pilgrims: Pick<PilgrimService, 'factsFor'>;
  catalogue: Pick<CatalogueService, 'packageFacts' | 'titles'>;
  bookings: Pick<BookingService, 'forApplication'>;
  accounts: Pick<AccountService, 'contacts'>;
  notifications: Pick<NotificationService, 'enqueue'>;
};

const chunks = <T>(items: T[], size = CHUNK) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The draw of a season, step by step (docs/algorithms/draw.md): freeze and
 * commit, enter the public random value, run, publish. Each step is one
 * transaction with its audit record; running twice recomputes and compares.
 */
export function createDrawService(deps: DrawDeps) {
  const repo = createDrawRepository();
  const { db, clock } = deps;
  const leavesCache = new Map<string, Uint8Array[]>();
  const hasher = nodeHasher();

  async function load(executor: Executor, season: string, lock = false) {
    const draw = await repo.find(executor, season, lock);
    if (!draw) throw new AppError('draw.not_found');
    return draw;
  }
  /** The draw as its policy sees it (src/modules/draw/policies.ts): its state and the season's phase now. */
  const resource = async (season: string, draw: Pick<Selectable<DrawsTable>, 'status'> | undefined, executor?: Executor): Promise<DrawResource> =>
    ({ status: draw?.status ?? 'none', phase: (await deps.seasons.get(season, executor)).phase });

  /** Entries and parameters as frozen, ready for computeDraw. */
  async function inputs(executor: Executor, season: string) {
    const rows = await repo.entries(executor, season);
    const entries: DrawEntry[] = rows.map((r) => ({ applicationId: r.application_id, familySize: r.family_size, country: r.country, choices: r.choices, pool: r.pool }));
    return { rows, entries };
  }

  function commitment(draw: Selectable<DrawsTable>): Commitment {
    return { algorithm: ALGORITHM, season: draw.season, merkleRoot: draw.merkle_root, entryCount: draw.entry_count, parametersHash: draw.parameters_hash, frozenAt: draw.frozen_at.toISOString() };
  }

  async function leaves(season: string) {
    let cached = leavesCache.get(season);
    if (!cached) {
      cached = (await repo.records(db.kysely, season)).map((r) => hasher.leaf(r));
      leavesCache.set(season, cached);
    }
    return cached;
  }

  function view(draw: Selectable<DrawsTable>, ctx: RequestContext, state: DrawResource) {
    const params = draw.parameters as DrawParameters;
    return {
      season: draw.season,
      status: draw.status,
      commitment: commitment(draw),
      pools: params.pools,
      offerHours: draw.offer_hours,
      randomValue: draw.random_value,
      randomSource: draw.random_source,
      seed: draw.seed,
      seededAt: draw.seeded_at?.toISOString() ?? null,
      drawnAt: draw.drawn_at?.toISOString() ?? null,
      publishedAt: draw.published_at?.toISOString() ?? null,
      summary: draw.status === 'published' || drawPolicy.can(ctx, 'read_results', state) ? ((draw.summary ?? null) as DrawSummary | null) : null,
      allowedActions: drawPolicy.allowed(ctx, state),
    };
  }

  return {
    /** Every season that has a draw, newest first. */
    list: () => repo.list(db.kysely),

    async get(ctx: RequestContext, season: string) {
      const draw = await load(db.kysely, season);
      return view(draw, ctx, await resource(season, draw));
    },

    /** Where the season's draw stands, and the steps the caller may take now (also before the freeze: `none`). */
    async status(ctx: RequestContext, season: string) {
      const state = await resource(season, await repo.find(db.kysely, season));
      return { season, ...state, allowedActions: drawPolicy.allowed(ctx, state) };
    },

    /**
     * Freezes the season's eligible applications (every member eligible, at least one
     * ranked package) and publishes the commitment. Only after the preference phase.
     */
    async freeze(ctx: RequestContext, season: string, options: { pools?: PoolSpec[] | undefined; offerHours?: number | undefined }) {
      const pools = options.pools ?? defaultPools;
      const unknown = pools.find((p) => !(poolCriteria as readonly string[]).includes(p.code));
      const problem = poolsProblem(pools) ?? (unknown ? { problem: 'unknown_pool' as const, pool: unknown.code } : null);
      if (problem) throw new AppError('draw.bad_pools', problem);
      const evaluator = await deps.seasons.evaluatorFor(season, 'en');
      const draw = await db.kysely.transaction().execute(async (trx) => {
        drawPolicy.assert(ctx, 'freeze', await resource(season, await repo.find(trx, season, true), trx));
        const quotas = (await deps.seasons.quotaUsage(trx, season)).filter((q) => q.seats > 0);
        if (quotas.length === 0) throw new AppError('draw.no_quotas');
        const candidates = await deps.applications.drawCandidates(trx, season);
        const facts = new Map((await Promise.all(chunks(candidates.flatMap((c) => c.members)).map((ids) => deps.pilgrims.factsFor(trx, ids)))).flatMap((m) => [...m]));
        const reserved = pools.filter((p) => p.share !== undefined).map((p) => p.code);
        const rows: Omit<EntryRow, 'leafIndex' | 'record'>[] = [];
        for (const c of candidates) {
          const people = c.members.map((m) => facts.get(m));
          if (people.some((p) => !p || evaluator.evaluate(p.person).some((r) => !r.passed))) continue;
          const pool = reserved.includes('first_time') && people.every((p) => !p!.performedHajj) ? 'first_time' : 'general';
          rows.push({ applicationId: c.id, adminAccountId: c.admin_account_id, familySize: c.members.length, country: c.country, choices: c.choices, pool, submittedAt: c.created_at });
        }
        rows.sort((a, b) => byApplicationId({ applicationId: a.applicationId } as DrawEntry, { applicationId: b.applicationId } as DrawEntry));
        const entries = rows.map((r, leafIndex) => ({ ...r, leafIndex, record: canonicalRecord(r) }));
        const packageIds = [...new Set(rows.flatMap((r) => r.choices))];
        const onSale = new Map<string, { seatsLeft: number }>();
        for (const ids of chunks(packageIds)) for (const [k, v] of await deps.catalogue.packageFacts(trx, ids)) onSale.set(k, v);
        // A package no longer on sale at the freeze takes part with no seats.
        const parameters = canonicalParameters({
          packages: packageIds.map((id) => ({ id, capacity: Math.max(0, onSale.get(id)?.seatsLeft ?? 0) })),
          quotas: quotas.map((q) => ({ country: q.country, seats: Math.max(0, q.seats - q.seats_used) })),
          pools,
        });
        const root = merkleRoot(entries.map((e) => hasher.leaf(e.record)), hasher);
        const now = clock.now();
        const row = {
          season, status: 'frozen' as const, parameters: JSON.stringify(parameters), parameters_hash: parametersHash(parameters), merkle_root: root,
          entry_count: entries.length, offer_hours: options.offerHours ?? 72, frozen_at: now, frozen_by: ctx.actor?.accountId ?? null,
        };
        await repo.insert(trx, row);
        await repo.insertEntries(trx, season, entries);
        await writeAudit(trx, clock, ctx, { action: 'draw.frozen', subjectType: 'draw', subjectId: season, data: { merkleRoot: root, entries: entries.length, excluded: candidates.length - entries.length } });
        return load(trx, season);
      });
      return view(draw, ctx, await resource(season, draw));
    },

    /**
     * Enters the public random value (after the freeze, once). A second attempt
     * is refused and the attempt itself is recorded.
     */
    async setRandomValue(ctx: RequestContext, season: string, value: string, source: string) {
      const refused = await db.kysely.transaction().execute(async (trx) => {
        const draw = await load(trx, season, true);
        if (draw.random_value !== null) {
          await writeAudit(trx, clock, ctx, { action: 'draw.random_value_refused', subjectType: 'draw', subjectId: season, data: { attempted: value, source, kept: draw.random_value } });
          return true;
        }
        drawPolicy.assert(ctx, 'set_random_value', await resource(season, draw, trx));
        const seed = drawSeed(draw.merkle_root, value);
        await repo.update(trx, season, { status: 'seeded', random_value: value, random_source: source, seed, seeded_at: clock.now(), seeded_by: ctx.actor?.accountId ?? null });
        await writeAudit(trx, clock, ctx, { action: 'draw.seeded', subjectType: 'draw', subjectId: season, data: { value, source, seed } });
        return false;
      });
      if (refused) throw new AppError('draw.random_value_set');
      const seeded = await load(db.kysely, season);
      return view(seeded, ctx, await resource(season, seeded));
    },

    /**
     * Runs the draw and writes every result in one transaction (all or nothing).
     * Running it again recomputes from the frozen inputs and compares.
     */
    async run(ctx: RequestContext, season: string) {
      const draw = await load(db.kysely, season);
      const state = await resource(season, draw);
      drawPolicy.assert(ctx, 'run', state);
      const { rows, entries } = await inputs(db.kysely, season);
      const parameters = draw.parameters as DrawParameters;
      const { placements } = computeDraw(entries, parameters, draw.random_value!);
      if (draw.status !== 'seeded') {
        const stored = await repo.results(db.kysely, season);
        const identical = stored.length === placements.length && stored.every((s, i) => s.application_id === entries[placements[i]!.entry]!.applicationId && s.outcome === placements[i]!.outcome && s.package_id === placements[i]!.packageId);
        return { rerun: true, identical, ...view(draw, ctx, state) };
      }
      const summary = {
        tables: resultTables(entries, placements, parameters),
        fairness: fairnessAudit(placements.map((p) => ({ position: p.position, won: p.outcome === 'won', submittedAt: rows[p.entry]!.submitted_at.getTime(), familySize: entries[p.entry]!.familySize, country: entries[p.entry]!.country }))),
      };
      const done = await db.kysely.transaction().execute(async (trx) => {
        const locked = await load(trx, season, true);
        // A concurrent run got there first: this one is refused as a run of a draw already drawn would not be (it compares).
        if (locked.status !== 'seeded') throw new AppError('draw.wrong_state', { state: locked.status, needed: 'seeded' });
        await repo.insertResults(trx, season, placements.map((p) => ({ position: p.position, applicationId: entries[p.entry]!.applicationId, outcome: p.outcome, packageId: p.packageId, choiceRank: p.choiceRank, phase: p.phase, waitlistPosition: p.waitlistPosition })));
        await repo.update(trx, season, { status: 'drawn', drawn_at: clock.now(), summary: JSON.stringify(summary) });
        await writeAudit(trx, clock, ctx, { action: 'draw.run', subjectType: 'draw', subjectId: season, data: { winners: summary.tables.winners, waiting: summary.tables.waiting, flagged: summary.fairness.filter((f) => f.flagged).map((f) => f.factor) } });
        return load(trx, season);
      });
      return { rerun: false, identical: true, ...view(done, ctx, await resource(season, done)) };
    },

    /**
     * Publication, first step (src/workflows/publish-draw.ts): the draw locked and allowed
     * to publish, the offers' deadline (the offer hours, capped at the close of offers),
     * every family's outcome and the winners' offers.
     */
    async publication(ctx: RequestContext, trx: Trx, season: string) {
      const draw = await load(trx, season, true);
      drawPolicy.assert(ctx, 'publish', await resource(season, draw, trx));
      const calendar = await deps.seasons.get(season, trx);
      const deadline = new Date(Math.min(clock.now().getTime() + draw.offer_hours * 3_600_000, new Date(calendar.offersClose).getTime()));
      const outcomes = await repo.outcomes(trx, season);
      const winners = await repo.winners(trx, season);
      const admins = new Map(outcomes.map((o) => [o.application_id, o.admin_account_id]));
      const offers = winners.map((w) => ({ season, applicationId: w.application_id, adminAccountId: admins.get(w.application_id)!, packageId: w.package_id!, seats: w.family_size, country: w.country }));
      return { deadline, outcomes, offers };
    },

    /** Publication, last step: every family told its outcome in its language; the draw published and audited. */
    async announce(ctx: RequestContext, trx: Trx, season: string, p: { deadline: Date; outcomes: Awaited<ReturnType<typeof repo.outcomes>>; offers: unknown[] }) {
      const { deadline, outcomes } = p;
      for (const batch of chunks(outcomes, 1000)) {
        const contacts = await deps.accounts.contacts(trx, batch.map((o) => o.admin_account_id));
        const packageIds = batch.flatMap((o) => (o.package_id ? [o.package_id] : []));
        const titles = { ar: await deps.catalogue.titles(trx, packageIds, 'ar'), en: await deps.catalogue.titles(trx, packageIds, 'en') };
        for (const o of batch) {
          const c = contacts.get(o.admin_account_id);
          if (!c) continue;
          const email = resultEmail[c.locale]({ name: c.name, season, outcome: o.outcome, title: o.package_id ? (titles[c.locale].get(o.package_id) ?? '') : '', rank: o.choice_rank, waitlist: o.waitlist_position, deadline });
          await deps.notifications.enqueue(trx, { to: c.email, locale: c.locale, template: `draw_${o.outcome}`, ...email });
        }
      }
      await repo.update(trx, season, { status: 'published', published_at: clock.now(), published_by: ctx.actor?.accountId ?? null });
      await writeAudit(trx, clock, ctx, { action: 'draw.published', subjectType: 'draw', subjectId: season, data: { holds: p.offers.length, deadline: deadline.toISOString() } });
      const published = await load(trx, season);
      return view(published, ctx, await resource(season, published, trx));
    },

    /** One country's published outcomes (nothing before publication). */
    async countryOutcomes(season: string, country: string) {
      const draw = await repo.find(db.kysely, season);
      if (draw?.status !== 'published') return null;
      const rows = await repo.countryOutcomes(db.kysely, season, country);
      const of = (o: 'won' | 'waiting') => rows.find((r) => r.outcome === o);
      return { won: { families: Number(of('won')?.families ?? 0), pilgrims: Number(of('won')?.pilgrims ?? 0) }, waiting: { families: Number(of('waiting')?.families ?? 0), pilgrims: Number(of('waiting')?.pilgrims ?? 0) } };
    },

    /** A published file of the draw, as text (see docs/algorithms/draw.md for each). */
    async file(season: string, name: 'commitment.json' | 'parameters.json' | 'entries.ndjson' | 'seed.json' | 'results.ndjson') {
      const draw = await load(db.kysely, season);
      switch (name) {
        case 'commitment.json':
          return JSON.stringify(commitment(draw), null, 2);
        case 'parameters.json':
          return JSON.stringify(draw.parameters, null, 2);
        case 'entries.ndjson':
          return (await repo.records(db.kysely, season)).map((r) => `${r}\n`).join('');
        case 'seed.json':
          if (draw.seed === null) throw new AppError('draw.wrong_state', { state: draw.status, needed: 'seeded' });
          return JSON.stringify({ randomValue: draw.random_value, randomSource: draw.random_source, seed: draw.seed }, null, 2);
        case 'results.ndjson': {
          if (draw.status !== 'published') throw new AppError('draw.not_published');
          const { entries } = await inputs(db.kysely, season);
          const index = new Map(entries.map((e, i) => [e.applicationId, i]));
          const results = await repo.results(db.kysely, season);
          return results.map((r) => `${resultRecord({ entry: index.get(r.application_id)!, position: r.position, outcome: r.outcome, packageId: r.package_id, choiceRank: r.choice_rank, phase: r.phase, waitlistPosition: r.waitlist_position }, entries)}\n`).join('');
        }
      }
    },

    /** The record of an application as committed, with its Merkle proof against the root. */
    async proof(season: string, applicationId: string) {
      const draw = await load(db.kysely, season);
      const entry = await repo.entryOf(db.kysely, season, applicationId);
      if (!entry) throw new AppError('draw.not_entered');
      return { record: entry.record, leafIndex: entry.leaf_index, merkleRoot: draw.merkle_root, proof: merkleProof(await leaves(season), entry.leaf_index, hasher) };
    },

    /** The caller's family: whether it is in the draw, its result once published, its bookings. */
    async mine(ctx: RequestContext, season: string) {
      const draw = await load(db.kysely, season);
      const app = await deps.applications.applicationOf(db.kysely, season, ctx.actor!.accountId);
      if (!app) throw new AppError('application.not_found');
      const entry = await repo.entryOf(db.kysely, season, app.application_id);
      const result = draw.status === 'published' ? await repo.resultOf(db.kysely, season, app.application_id) : undefined;
      return {
        applicationId: app.application_id,
        status: draw.status,
        entered: Boolean(entry),
        record: entry?.record ?? null,
        result: result ? { position: result.position + 1, outcome: result.outcome, packageId: result.package_id, choiceRank: result.choice_rank, waitlistPosition: result.waitlist_position } : null,
        bookings: await deps.bookings.forApplication(season, app.application_id),
      };
    },
  };
}
export type DrawService = ReturnType<typeof createDrawService>;
