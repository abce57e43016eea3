import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { PGliteDialect, SCRIPT_MARKER } from './pglite-dialect.ts';
import { CopyAwareClient } from './copy-aware-client.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type Engine = 'pglite' | 'postgres';
export type { Executor, Trx } from './types.ts';
import type { Executor } from './types.ts';

/** A handle on the platform's database, whichever engine is behind it. */
export interface Db {
  readonly engine: Engine;
  readonly kysely: Kysely<Database>;
  /** Runs a multi-statement SQL script (migrations) inside `executor`. */
  execScript(executor: Executor, script: string): Promise<void>;
  /** Cheap round-trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — when absent, the embedded PGlite engine is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent means in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL schema to work in (tests isolate each file in its own schema). */
  schema?: string | undefined;
  poolSize?: number;
}

const INT8 = 20;
const DATE = 1082;
// bigint counts and amounts in halalas fit in a double up to 2^53; dates stay 'YYYY-MM-DD'
// strings so that no time zone can shift a date of birth (a bug the real platform had).
const parseInt8 = (value: string) => Number(value);
const keepDate = (value: string) => value;

/**
 * Opens the database: PostgreSQL when `databaseUrl` is given, otherwise PGlite.
 *
 * @example const db = await openDatabase({ dataDir: '.manasik/pgdata' })
 */
export async function openDatabase(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // Two processes must never open one data directory (src/db/data-dir-lock.ts).
  const lock = dataDir ? lockDataDir(dataDir) : null;
  const pglite = await PGlite.create(dataDir, {
    parsers: { [INT8]: parseInt8, [DATE]: keepDate },
  }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    kysely,
    execScript: (executor, script) => sql.raw(SCRIPT_MARKER + script).execute(executor).then(() => {}),
    ping: () => sql`select 1`.execute(kysely).then(() => {}),
    close: () => kysely.destroy().finally(() => lock?.release()),
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Db> {
  if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`unsafe schema name ${options.schema}`);
  }
  const pool = new pg.Pool({
    Client: CopyAwareClient,
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === DATE) return keepDate;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    kysely,
    // node-postgres uses the simple protocol for a query without parameters,
    // which accepts several statements in one string.
    execScript: (executor, script) => sql.raw(script).execute(executor).then(() => {}),
    ping: () => sql`select 1`.execute(kysely).then(() => {}),
    close: () => kysely.destroy(),
  };
}

/** True for a unique-constraint violation (SQLSTATE 23505) on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
