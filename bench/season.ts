import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/core/config.ts';
import { systemContext } from '../src/core/principal.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { copyChunkOf, cubeSql, generateSimulation, partitionOf, recordColumns } from '../src/modules/statistics/index.ts';
import { createServices } from '../src/services.ts';
import { benchDatabaseEnv, emit } from './support.ts';

const SEASON = '1444H';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const best = (xs: number[]) => Math.min(...xs);

/**
 * season: the whole 1444H season from data/hajj-seasons.json.
 * (a) generating its 1,845,045 records (`season.simulate.ms`);
 * (b) loading them through the simulator's own path (a fresh table, COPY, its
 *     index, attached as the season's partition, in one transaction) against
 *     the ceiling: the same rows as ready-made COPY text, streamed by a bare
 *     client into a table of the same shape, then the same index (`season.load.ms`);
 * (c) every table through the service (the cube's one statement, then every
 *     table shaped and checked to add up) against the ceiling: the same
 *     statement sent bare (`season.tabulate.ms`); the naive one-query-per-table
 *     time is reported beside it.
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/manasik_bench, recreated).
 */
export async function run() {
  process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/manasik_bench';
  const marginals = fs.readFileSync(path.resolve(import.meta.dirname, '../data/hajj-seasons.json'), 'utf8');

  const simulateRuns: number[] = [];
  let sim!: ReturnType<typeof generateSimulation>;
  for (let i = 0; i < 2; i++) {
    const start = process.hrtime.bigint();
    sim = generateSimulation(SEASON, marginals, 1444);
    simulateRuns.push(ms(start));
  }
  const records = sim.season.count;
  emit({ bench: 'season', metric: 'season.simulate.ms', value: Math.round(best(simulateRuns)), unit: 'ms', runs: simulateRuns.map(Math.round), records });

  const { env } = await benchDatabaseEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 });
  await migrate(db);
  const services = createServices({ config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: env.DATABASE_URL }), db });
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const columns = [...recordColumns, 'recorded_at'].join(', ');
  const text: string[] = [];
  for (let k = 0; k < records; k += 10_000) text.push(copyChunkOf(sim.season, k, Math.min(records, k + 10_000), '2026-01-01T00:00:00.000Z'));

  const load: number[] = [];
  const ceiling: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Both start from nothing: the season's table and the ceiling's dropped before the clock starts.
    await client.query(`drop table if exists hajj_records_ceiling; drop table if exists ${partitionOf(SEASON)}`);
    await sql`checkpoint`.execute(db.kysely);
    let start = process.hrtime.bigint();
    await services.statistics.load(systemContext('bench'), sim, { seed: 1444 });
    load.push(ms(start));
    await sql`checkpoint`.execute(db.kysely);
    start = process.hrtime.bigint();
    await client.query('begin');
    await client.query('create table hajj_records_ceiling (like hajj_records including defaults including constraints)');
    await pipeline(Readable.from(text), client.query(copyFrom(`copy hajj_records_ceiling (${columns}) from stdin`)));
    await client.query('alter table hajj_records_ceiling add primary key (season, person_key)');
    await client.query('commit');
    ceiling.push(ms(start));
  }
  const b = best(load);
  const c = best(ceiling);
  emit({ bench: 'season', metric: 'season.load.ms', value: Math.round(b), unit: 'ms', ceiling: Math.round(c), ratio: Number((c / b).toFixed(3)), goal: 'ratio ≥ 0.67', runs: load.map(Math.round), ceilingRuns: ceiling.map(Math.round), records, engine: 'postgres' });

  const tabulate: number[] = [];
  const bare: number[] = [];
  const naive: number[] = [];
  const statement = cubeSql(SEASON);
  const naiveQueries = [
    'select residence, count(*) from hajj_records where season = $1 group by 1',
    'select gender, count(*) from hajj_records where season = $1 group by 1',
    'select gender, residence, count(*) from hajj_records where season = $1 group by 1, 2',
    "select nationality, arrival_mode, count(*) from hajj_records where season = $1 and residence = 'foreign' group by 1, 2",
    "select makkah_route, count(*) from hajj_records where season = $1 and residence = 'foreign' group by 1",
    "select entry_port, arrival_date, count(*) from hajj_records where season = $1 and residence = 'foreign' group by 1, 2",
  ];
  for (let i = 0; i < RUNS; i++) {
    await sql`update statistics_seasons set tables_version = null`.execute(db.kysely); // count again, as after a change
    let start = process.hrtime.bigint();
    const result = await services.statistics.tables(SEASON, 'full');
    tabulate.push(ms(start));
    if (result.figures.total !== records) throw new Error('the tables do not count every record');
    start = process.hrtime.bigint();
    await client.query(statement);
    bare.push(ms(start));
    start = process.hrtime.bigint();
    for (const q of naiveQueries) await client.query(q, [SEASON]);
    naive.push(ms(start));
  }
  const tb = best(tabulate);
  const tc = best(bare);
  emit({ bench: 'season', metric: 'season.tabulate.ms', value: Math.round(tb), unit: 'ms', ceiling: Math.round(tc), ratio: Number((tc / tb).toFixed(3)), goal: 'ratio ≥ 0.67', runs: tabulate.map(Math.round), ceilingRuns: bare.map(Math.round), naiveQueriesMs: Math.round(best(naive)), records, engine: 'postgres' });
  await client.end();
  await db.close();
}
