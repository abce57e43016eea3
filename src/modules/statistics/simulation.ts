import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { chunksFromWorker } from '../../core/worker-chunks.ts';
import type { Db } from '../../db/database.ts';
import { regions } from '../../common/statistics.ts';
import { writeAudit } from '../audit/index.ts';
import { binaryChunks, RECORDS_PER_CHUNK } from './copy-records.ts';
import type { CopyRecordsJob } from './copy-records-worker.ts';
import { completeFigures, readMarginals, type Marginals } from './domain/figures.ts';
import { csvLineOf, recordColumns } from './domain/records.ts';
import { seasonDays } from './domain/season.ts';
import { simulateSeason, type SimulatedSeason } from './domain/simulate.ts';
import { reference, type Reference } from './reference.ts';
import type { StatisticsRepository } from './repository.ts';

export interface Simulation {
  marginals: Marginals;
  season: SimulatedSeason;
}
export type Progress = (done: number, total: number) => void;

/**
 * Generates a whole season from a marginals file (the format of
 * data/hajj-seasons.json): the season code must be a Hijri year and the file
 * must hold it, every breakdown adding up.
 *
 * @example generate('1444H', fs.readFileSync('data/hajj-seasons.json', 'utf8'), 1)
 */
export function generateSimulation(season: string, marginalsText: string, seed: number): Simulation {
  const days = seasonDays(season);
  const marginals = readMarginals(marginalsText, season);
  const ref = reference();
  const regionWeights = Object.fromEntries(regions.map((r) => [r, ref.countriesOf(r).reduce((s, c) => s + (ref.simulation.nationalityWeights[c] ?? 0), 0)])) as Record<(typeof regions)[number], number>;
  const simulated = simulateSeason({
    figures: completeFigures(marginals, regionWeights), seed, profile: ref.simulation, ports: ref.ports, regionOf: ref.regionOf, countriesOf: ref.countriesOf,
    makkahRouteCountries: ref.makkahRouteCountries(season), arafah: days.arafah, arrivalsFrom: days.arrivalsFrom,
  });
  return { marginals, season: simulated };
}


/** Writes the generated records as CSV (`--out DIR`): hajj-records-<season>.csv, with a header. */
export async function writeSimulationCsv(sim: Simulation, dir: string, progress?: Progress) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `hajj-records-${sim.season.season}.csv`);
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${recordColumns.join(',')}\r\n`);
  const s = sim.season;
  for (let from = 0; from < s.count; from += 10_000) {
    let text = '';
    for (let i = from; i < Math.min(s.count, from + 10_000); i++) text += `${csvLineOf(s, i)}\r\n`;
    await write(text);
    progress?.(Math.min(s.count, from + 10_000), s.count);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return file;
}

/** The simulator's use cases: generate a season from a marginals file, load it, or write it as CSV. */
export function simulationUseCases(deps: { db: Db; clock: Clock; repo: StatisticsRepository; reference: () => Reference }) {
  const { db, clock, repo } = deps;
  /**
   * PostgreSQL builds the key once after the load (several times faster); PGlite
   * grows it with the load instead, because PGlite runs on the JavaScript thread
   * and one statement sorting two million keys would hold it for a minute.
   */
  const indexFirst = () => db.engine === 'pglite';

  /**
   * Records `from` to `to` as tuples of COPY's binary format (PostgreSQL reads
   * them markedly faster than text, on either engine), 10,000 to a chunk.
   * `ahead`: written in a worker thread a few chunks ahead of the COPY that
   * streams them, so that writing overlaps PostgreSQL's work and this thread
   * only forwards bytes; otherwise written here, each while COPY takes the previous one.
   */
  async function* tuples(s: SimulatedSeason, from: number, to: number, recordedAt: string, options: { ahead: boolean; progress?: Progress | undefined }) {
    const job: CopyRecordsJob = { season: s, from, to, recordedAt };
    const chunks = options.ahead ? chunksFromWorker(new URL('./copy-records-worker.ts', import.meta.url), job) : binaryChunks(s, from, to, recordedAt);
    let done = from;
    for await (const chunk of chunks) {
      yield chunk;
      done = Math.min(to, done + RECORDS_PER_CHUNK);
      options.progress?.(done, s.count);
    }
  }

  /** Refuses a season that holds records (unless `replace`), and clears a build left half-way. */
  async function prepare(season: string, replace: boolean) {
    const state = await repo.partitionState(db.kysely, season);
    if (state === 'attached' && !replace) {
      const records = await repo.countRecords(db.kysely, season);
      if (records > 0) throw new AppError('statistics.season_has_records', { season, records });
    }
    return state;
  }

  return {
    generate: generateSimulation,

    /**
     * Loads a generated season in one transaction: a fresh table filled by
     * COPY, indexed, and attached as the season's partition at once (what
     * the benchmark times as `season.load.ms`). `replace` drops the season's
     * records first.
     */
    async load(ctx: RequestContext, sim: Simulation, options: { replace?: boolean; seed: number; progress?: Progress }) {
      const season = sim.season.season;
      await prepare(season, options.replace ?? false);
      const recordedAt = clock.now().toISOString();
      await db.kysely.transaction().execute(async (trx) => {
        await repo.dropSeason(trx, season);
        await repo.createLoadTable(trx, season, { indexFirst: indexFirst() });
        if (db.engine === 'postgres') {
          // One COPY of the whole season, in binary, its tuples written ahead in a worker thread.
          await repo.copyBinaryInto(trx, season, tuples(sim.season, 0, sim.season.count, recordedAt, { ahead: true, progress: options.progress }));
        } else {
          // PGlite runs on this thread and takes each COPY whole, so a worker would gain little:
          // one COPY per 100,000 records (it slows down more than linearly on a single COPY of millions).
          for (let from = 0; from < sim.season.count; from += 100_000) {
            await repo.copyBinaryInto(trx, season, tuples(sim.season, from, Math.min(sim.season.count, from + 100_000), recordedAt, { ahead: false, progress: options.progress }));
          }
        }
        await repo.attachLoaded(trx, season, { indexed: indexFirst() });
        await repo.bumpVersion(trx, season);
        await writeAudit(trx, clock, ctx, { action: 'statistics.season_simulated', subjectType: 'season', subjectId: season, data: { records: sim.season.count, seed: options.seed } });
      });
      return { season, records: sim.season.count };
    },

    /**
     * The same load in steps of `chunk` records, each its own transaction, for
     * building a season while the server answers (PGlite serves one
     * transaction at a time): the season reads as `building` until its
     * records are attached at once at the end; a build cut short is started
     * again from nothing.
     */
    async loadInSteps(ctx: RequestContext, sim: Simulation, options: { seed: number; chunk?: number; progress?: Progress }) {
      const season = sim.season.season;
      const total = sim.season.count;
      const chunk = options.chunk ?? 50_000;
      if ((await prepare(season, false)) !== 'none') await db.kysely.transaction().execute((trx) => repo.dropSeason(trx, season));
      const recordedAt = clock.now().toISOString();
      await db.kysely.transaction().execute(async (trx) => {
        await repo.createLoadTable(trx, season, { indexFirst: indexFirst() });
        await repo.setBuilding(trx, season, total, 0);
      });
      for (let from = 0; from < total; from += chunk) {
        const to = Math.min(total, from + chunk);
        await db.kysely.transaction().execute(async (trx) => {
          // Written here: a worker per step would cost more than it saves.
          await repo.copyBinaryInto(trx, season, tuples(sim.season, from, to, recordedAt, { ahead: false, progress: options.progress }));
          await repo.setBuilding(trx, season, total, to);
        });
      }
      await db.kysely.transaction().execute(async (trx) => {
        await repo.attachLoaded(trx, season, { indexed: indexFirst() });
        await repo.setBuilt(trx, season);
        await writeAudit(trx, clock, ctx, { action: 'statistics.season_simulated', subjectType: 'season', subjectId: season, data: { records: total, seed: options.seed } });
      });
      return { season, records: total };
    },

    writeCsv: writeSimulationCsv,
  };
}
