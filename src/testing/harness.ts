import type { Locale } from '../common/i18n.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Writable } from 'node:stream';
import { buildApp } from '../app.ts';
import { ManualClock } from '../core/clock.ts';
import { loadConfig, type Config } from '../core/config.ts';
import { createLogger } from '../core/logger.ts';
import { systemContext, type Role } from '../core/principal.ts';
import { openDatabase, type Db } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { scryptHasher } from '../modules/accounts/index.ts';
import { sampleApplication } from '../modules/providers/index.ts';
import type { ProviderApplication } from '../modules/providers/index.ts';

export const testEngine = (process.env.MANASIK_TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';
export const testDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Through a connection pooler in transaction mode (PgBouncer: `MANASIK_TEST_POOLER_URL`, with
 * `DATABASE_URL` the server itself), a connection cannot carry a `search_path` of its own: each
 * test then gets a database of its own, created and dropped on the server directly, and reached
 * through the pooler. Otherwise a schema of its own on `DATABASE_URL`.
 */
export const testPoolerUrl = process.env.MANASIK_TEST_POOLER_URL;

/**
 * A migrated, empty database of the engine under test: PGlite in memory, or a
 * fresh schema (or, through a pooler, a fresh database) on the PostgreSQL
 * server, dropped by `cleanup`. `databaseUrl` reaches it from another process.
 */
export async function createTestDb(options: { onDisk?: boolean } = {}): Promise<{ db: Db; cleanup: () => Promise<void>; schema?: string; databaseUrl?: string }> {
  if (testEngine === 'pglite') {
    // In memory by default; on disk for millions of rows (PGlite's in-memory files slow down more than linearly as they grow).
    const dir = options.onDisk ? fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-pglite-')) : undefined;
    const db = await openDatabase({ dataDir: dir && path.join(dir, 'pgdata') });
    await migrate(db);
    return { db, cleanup: () => db.close().catch(() => {}).finally(() => dir && fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: testDatabaseUrl, poolSize: 1 });
  if (testPoolerUrl) {
    await sql.raw(`create database ${name}`).execute(admin.kysely);
    const url = new URL(testPoolerUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
    await migrate(db);
    return {
      db,
      databaseUrl: url.toString(),
      cleanup: async () => {
        await db.close().catch(() => {});
        await sql.raw(`drop database ${name} with (force)`).execute(admin.kysely);
        await admin.close();
      },
    };
  }
  await sql.raw(`create schema ${name}`).execute(admin.kysely);
  const db = await openDatabase({ databaseUrl: testDatabaseUrl, schema: name, poolSize: 20 });
  await migrate(db);
  const url = new URL(testDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    db,
    schema: name,
    databaseUrl: url.toString(),
    cleanup: async () => {
      await db.close().catch(() => {}); // a test may have closed it already
      await sql.raw(`drop schema ${name} cascade`).execute(admin.kysely);
      await admin.close();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Collects log lines so tests can assert what reaches the logs. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines.push(chunk.toString());
    done();
  }
  get text() {
    return this.lines.join('');
  }
}

/**
 * The whole app on a fresh database of the engine under test, with a manual
 * clock, a cheap password hash and captured logs.
 */
export async function createTestApp(env: Record<string, string> = {}) {
  const { db, cleanup, schema, databaseUrl } = await createTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-test-'));
  const config: Config = loadConfig({ LOG_LEVEL: 'info', SIGN_IN_RATE_PER_MINUTE: '1000', MANASIK_DATA_DIR: dataDir, ...env });
  const clock = new ManualClock('2026-05-01T08:00:00Z');
  const logs = new LogCapture();
  // The simulated card gateway's webhooks come back into this app in process.
  const target: { inject?: (init: { method: 'POST'; url: string; headers: Record<string, string>; payload: string }) => Promise<{ statusCode: number; body: string }> } = {};
  const gatewayFetch = (async (url: string | URL, init?: RequestInit) => {
    const res = await target.inject!({ method: 'POST', url: new URL(String(url)).pathname, headers: init?.headers as Record<string, string>, payload: String(init?.body ?? '') });
    return new Response(res.body, { status: res.statusCode });
  }) as typeof fetch;
  const built = await buildApp({
    gatewayFetch,
    config,
    db,
    clock,
    hasher: scryptHasher({ N: 1024, r: 8, p: 1 }),
    logger: createLogger(config.logLevel, logs),
  });
  const { app, services } = built;
  target.inject = (init) => app.inject(init);

  /** Creates a ready account of `role` and returns a bearer token for it. */
  async function signInAs(
    role: Role,
    extra: { countryCode?: string; locale?: Locale } = {},
  ): Promise<{ token: string; accountId: string; email: string; headers: Record<string, string>; providerId: string | null }> {
    if (role === 'provider_staff') return (await createLicensedProvider()).owner;
    const email = `${role}.${randomBytes(4).toString('hex')}@example.org`;
    const account = await services.accounts.createDirect(
      systemContext(),
      {
        email,
        displayName: `Test ${role}`,
        role: role as never,
        locale: extra.locale ?? 'en',
        ...(role === 'mission_officer' ? { countryCode: extra.countryCode ?? 'FR' } : {}),
      },
      TEST_PASSWORD,
    );
    const { token } = await services.auth.signIn(systemContext(), { email, password: TEST_PASSWORD, kind: 'bearer' });
    return { token, accountId: account.id, email, headers: { authorization: `Bearer ${token}` }, providerId: null };
  }

  /**
   * A provider through the real flow: a person registers, applies, and the
   * ministry licenses it (unless `status` says otherwise). Returns the owner signed in.
   */
  async function createLicensedProvider(options: { status?: 'pending' | 'licensed'; application?: Partial<ProviderApplication> } = {}) {
    const applicant = await signInAs('pilgrim');
    const principal = await services.auth.authenticate(applicant.token);
    const provider = await services.providers.apply(
      { actor: principal, locale: 'en', requestId: 'fixture' },
      sampleApplication(options.application),
    );
    if ((options.status ?? 'licensed') === 'licensed') {
      const today = clock.now().toISOString().slice(0, 10);
      await services.workflows.decideLicence(systemContext(), provider.id, 'approve', { validFrom: today, validTo: '2099-12-31' });
    }
    const { token } = await services.auth.signIn(systemContext(), { email: applicant.email, password: TEST_PASSWORD, kind: 'bearer' });
    return {
      providerId: provider.id,
      owner: { ...applicant, token, headers: { authorization: `Bearer ${token}` }, providerId: provider.id },
    };
  }

  /** Row counts of every table: a bad request must leave them all unchanged (one statement for all of them). */
  let tableNames: string[] | undefined;
  async function tableCounts(): Promise<Record<string, number>> {
    tableNames ??= (await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db.kysely)).rows.map((r) => r.name);
    const rows = await sql<{ name: string; n: number }>`${sql.join(tableNames.map((name) => sql`select ${name}::text as name, count(*)::int as n from ${sql.table(name)}`), sql` union all `)}`.execute(db.kysely);
    return Object.fromEntries(rows.rows.map((r) => [r.name, Number(r.n)]));
  }

  return {
    ...built,
    db,
    /** The PostgreSQL schema of this test's database (undefined on PGlite, and through a pooler). */
    schema,
    /** The URL that reaches this test's database from another process (undefined on PGlite). */
    databaseUrl,
    clock,
    config,
    logs,
    signInAs,
    createLicensedProvider,
    tableCounts,
    close: async () => {
      await app.close();
      await cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
