import { sql } from 'kysely';
import { copyBinaryChunks, copyChunks, copyRows, type CopyChunks } from '../../db/copy.ts';
import type { Executor, Trx } from '../../db/database.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import type { Insertable } from 'kysely';
import { cubeColumns, groupingSets, setOfMask, type CubeRow } from './domain/tabulate.ts';
import { recordColumns } from './domain/records.ts';
import type { HajjRecordsTable, StatisticsBatchesTable } from './tables.ts';

// What this module's constraints mean when a race breaks one (src/db/constraint-errors.ts).
explainConstraints({ hajj_records_pkey: 'statistics.already_recorded' });

/** The table holding one season's records (a partition of hajj_records); the code is checked, so the name is safe. */
export function partitionOf(season: string): string {
  if (!/^1[3-5][0-9]{2}H$/.test(season)) throw new Error(`not a season code: ${season}`);
  return `hajj_records_${season.toLowerCase()}`;
}
const allColumns = [...recordColumns, 'recorded_at'];

export type RecordRow = Insertable<HajjRecordsTable>;

/** The only place that queries hajj_records, statistics_seasons and statistics_batches. */
export function createStatisticsRepository() {
  /** Whether the season's table exists, and whether it is attached (a partition) or a build left half-way. */
  async function partitionState(db: Executor, season: string): Promise<'none' | 'attached' | 'detached'> {
    const row = await sql<{ attached: boolean }>`select c.relispartition as attached from pg_class c
      where c.relname = ${partitionOf(season)} and c.relnamespace = current_schema()::regnamespace`.execute(db);
    return row.rows[0] ? (row.rows[0].attached ? 'attached' : 'detached') : 'none';
  }

  return {
    partitionState,

    /** Creates the season's partition if it has none (under a lock: two first writers at once create it once). */
    async ensurePartition(trx: Trx, season: string) {
      await sql`select pg_advisory_xact_lock(727020, hashtext(${season}))`.execute(trx);
      if ((await partitionState(trx, season)) === 'attached') return;
      await sql.raw(`create table ${partitionOf(season)} partition of hajj_records for values in ('${season}')`).execute(trx);
    },

    /** Drops the season's records (its whole table): what replacing a simulated season does. */
    async dropSeason(trx: Trx, season: string) {
      await sql.raw(`drop table if exists ${partitionOf(season)}`).execute(trx);
    },

    /**
     * Bulk load, step 1: a fresh table of the records' shape without its index (a
     * B-tree filled at once after the load is several times faster than one grown row by row).
     */
    async createLoadTable(trx: Trx, season: string, options: { indexFirst?: boolean } = {}) {
      const table = partitionOf(season);
      await sql.raw(`create table ${table} (like hajj_records including defaults including constraints)`).execute(trx);
      if (options.indexFirst) await sql.raw(`alter table ${table} add primary key (season, person_key)`).execute(trx);
    },
    /** Bulk load, step 2: COPY text already written (whole lines), in `recordColumns` order then `recorded_at`. */
    copyInto: (trx: Executor, season: string, chunks: CopyChunks) => copyChunks(trx, partitionOf(season), allColumns, chunks),
    /** Bulk load, step 2 in COPY's binary format: whole tuples, in the same column order (see copy-records.ts). */
    copyBinaryInto: (trx: Executor, season: string, chunks: CopyChunks) => copyBinaryChunks(trx, partitionOf(season), allColumns, chunks),
    /** Bulk load, step 3: the index, the season's own check (so attaching need not scan it), and the attachment, at once. */
    async attachLoaded(trx: Trx, season: string, options: { indexed?: boolean } = {}) {
      const table = partitionOf(season);
      await sql.raw(`alter table ${table} add constraint ${table}_season check (season = '${season}')`).execute(trx);
      if (!options.indexed) await sql.raw(`alter table ${table} add primary key (season, person_key)`).execute(trx);
      await sql.raw(`alter table hajj_records attach partition ${table} for values in ('${season}')`).execute(trx);
    },

    /** Inserts records of the platform or of a batch (values escaped by copyRows). */
    insertRecords: (trx: Trx, rows: RecordRow[]) =>
      copyRows(trx, 'hajj_records', allColumns, rows.map((r) => allColumns.map((c) => (r as Record<string, unknown>)[c] ?? null))),

    /** The keys among `keys` already recorded in the season. */
    recordedKeys: async (db: Executor, season: string, keys: string[]) =>
      keys.length === 0 ? new Set<string>() : new Set((await db.selectFrom('hajj_records').select('person_key').where('season', '=', season).where('person_key', 'in', keys).execute()).map((r) => r.person_key)),

    /** What a departure needs to know of each recorded pilgrim. */
    arrivalsOf: async (db: Executor, season: string, keys: string[]) =>
      keys.length === 0 ? [] : db.selectFrom('hajj_records').select(['person_key', 'residence', 'arrival_date', 'departure_date']).where('season', '=', season).where('person_key', 'in', keys).forUpdate().execute(),

    async setDepartures(trx: Trx, season: string, rows: { key: string; port: string; date: string }[]) {
      if (rows.length === 0) return 0;
      const result = await sql`update hajj_records r set departure_port = u.port, departure_date = u.day::date
        from unnest(${rows.map((r) => r.key)}::uuid[], ${rows.map((r) => r.port)}::text[], ${rows.map((r) => r.date)}::text[]) as u(key, port, day)
        where r.season = ${season} and r.person_key = u.key and r.departure_date is null`.execute(trx);
      return Number(result.numAffectedRows ?? 0);
    },

    countRecords: async (db: Executor, season: string) =>
      Number((await db.selectFrom('hajj_records').select((eb) => eb.fn.countAll<number>().as('n')).where('season', '=', season).executeTakeFirstOrThrow()).n),

    /**
     * Every grouping set of the cube in one scan of the season's records (domain/tabulate.ts).
     * The same statement the benchmark sends bare as its ceiling (`cubeSql`).
     */
    async cube(db: Executor, season: string, options: { statementPerPart?: boolean } = {}): Promise<CubeRow[]> {
      const statements = options.statementPerPart ? cubeParts.map((sets) => cubeSql(season, sets)) : [cubeSql(season)];
      const rows = [];
      for (const statement of statements) rows.push(...(await sql.raw<Record<string, unknown> & { g: number; n: number }>(statement).execute(db)).rows);
      return rows.map((r) => {
        const set = setOfMask(Number(r.g))!;
        const row: CubeRow = { set, n: Number(r.n) };
        for (const c of groupingSets[set]) row[c] = r[c] as string | number | boolean | null;
        return row;
      });
    },

    /** Moves the season's version (in the transaction that changes its records), creating its row the first time. */
    async bumpVersion(trx: Trx, season: string) {
      await trx.insertInto('statistics_seasons').values({ season, version: 1, status: 'complete' })
        .onConflict((oc) => oc.column('season').doUpdateSet((eb) => ({ version: eb('statistics_seasons.version', '+', 1) }))).execute();
    },
    async setBuilding(db: Executor, season: string, total: number, done: number) {
      await db.insertInto('statistics_seasons').values({ season, version: 0, status: 'building', build_total: total, build_done: done })
        .onConflict((oc) => oc.column('season').doUpdateSet({ status: 'building', build_total: total, build_done: done })).execute();
    },
    async setBuilt(trx: Trx, season: string) {
      await trx.updateTable('statistics_seasons').set((eb) => ({ status: 'complete', build_total: null, build_done: null, version: eb('version', '+', 1) })).where('season', '=', season).execute();
    },
    season: (db: Executor, season: string) => db.selectFrom('statistics_seasons').selectAll().where('season', '=', season).executeTakeFirst(),
    seasons: (db: Executor) => db.selectFrom('statistics_seasons').select(['season', 'version', 'status', 'build_total', 'build_done', 'tables_version']).orderBy('season', 'desc').execute(),
    /** Keeps tables computed at `version`, unless the records moved on meanwhile. */
    async saveTables(db: Executor, season: string, version: number, tables: unknown, now: Date) {
      await db.updateTable('statistics_seasons').set({ tables: JSON.stringify(tables), tables_version: version, computed_at: now }).where('season', '=', season).where('version', '=', version).execute();
    },

    /** Claims a batch's digest; null when a batch with the same digest was recorded (it is not counted again). */
    claimBatch: async (trx: Trx, row: Insertable<StatisticsBatchesTable>) =>
      (await trx.insertInto('statistics_batches').values(row).onConflict((oc) => oc.columns(['season', 'digest']).doNothing()).returning('id').executeTakeFirst())?.id ?? null,
    batchByDigest: (db: Executor, season: string, digest: string) =>
      db.selectFrom('statistics_batches').selectAll().where('season', '=', season).where('digest', '=', digest).executeTakeFirst(),
    batches: (db: Executor, season: string) =>
      db.selectFrom('statistics_batches').select(['id', 'kind', 'source', 'records', 'submitted_at']).where('season', '=', season).orderBy('submitted_at', 'desc').limit(200).execute(),
  };
}
export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;

/** The cube in three statements of about equal work, for an engine that should not hold the thread for one long one. */
const cubeParts: (keyof typeof groupingSets)[][] = [['total', 'residence_gender', 'sources', 'departures'], ['foreign', 'nationality_age'], ['port_date', 'nationality_date']];

/**
 * The cube's one statement over a season's records, or over some of its grouping sets (the season
 * code is checked by `partitionOf`). `grouping()` is over every column either way, so a row's set is
 * read the same way.
 */
export function cubeSql(season: string, only: (keyof typeof groupingSets)[] = Object.keys(groupingSets) as (keyof typeof groupingSets)[]): string {
  partitionOf(season);
  const used = cubeColumns.filter((c) => only.some((set) => (groupingSets[set] as readonly string[]).includes(c)));
  const expr: Record<string, string> = { age_band: 'least(age / 5, 18)' };
  const select = used.map((c) => (expr[c] ? `${expr[c]} as ${c}` : c)).join(', ');
  const sets = only.map((set) => `(${(groupingSets[set] as readonly string[]).join(', ')})`).join(', ');
  // `grouping()` over the columns grouped here, widened to every cube column (1: not grouped by) so a row's set reads the same.
  const bits = cubeColumns.map((c, i) => {
    const j = used.indexOf(c);
    const weight = 1 << (cubeColumns.length - 1 - i);
    return j < 0 ? `${weight}` : `((grouping(${used.join(', ')}) >> ${used.length - 1 - j}) & 1) * ${weight}`;
  });
  return `select ${bits.join(' + ')} as g, ${cubeColumns.map((c) => (used.includes(c) ? c : `null as ${c}`)).join(', ')}, count(*)::int as n
    from (select ${select} from hajj_records where season = '${season}') r
    group by grouping sets (${sets})`;
}
