import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { scryptHasher } from '../src/modules/accounts/index.ts';
import { createServices } from '../src/services.ts';

export interface Line {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  ceiling?: number;
  ratio?: number;
  [context: string]: unknown;
}

export function emit(line: Line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const root = path.resolve(import.meta.dirname, '..');

/**
 * The database a benchmark server runs on: PGlite in a temporary folder by
 * default (what `npm start` uses), or PostgreSQL when BENCH_DATABASE_URL is
 * set (a dedicated database, recreated for the run).
 */
export async function benchDatabaseEnv(): Promise<{ env: Record<string, string>; engine: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-bench-'));
    return { env: { MANASIK_DATA_DIR: dir }, engine: 'pglite' };
  }
  const target = new URL(url);
  const dbName = target.pathname.slice(1) || 'manasik_bench';
  const admin = new pg.Client({ connectionString: new URL('/postgres', url).toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName}`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  return { env: { DATABASE_URL: url }, engine: 'postgres' };
}

/**
 * A fresh PostgreSQL benchmark database (BENCH_DATABASE_URL, by default
 * manasik_bench, recreated), migrated, with the platform's services on it for
 * seeding; passwords hashed with a light scrypt, since seeding signs in thousands.
 */
export async function benchServices() {
  process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/manasik_bench';
  const { env, engine } = await benchDatabaseEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL });
  await migrate(db);
  const services = createServices({ config: loadConfig({ ...process.env, ...env }), db, hasher: scryptHasher({ N: 1024, r: 8, p: 1 }) });
  return { env, engine, db, services };
}

/** Runs the `manasik` CLI to completion. */
export async function cli(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [path.join(root, 'bin/manasik.mjs'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`manasik ${args.join(' ')} exited ${code}`);
}

/** Starts the server in its own process and waits until /ready answers. */
export async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const workers = process.env.BENCH_WORKERS ?? '1';
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin/manasik.mjs'), 'start', '--no-demo', '--workers', workers], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the server did not become ready');
}

/** Stops the server gracefully and waits until it has finished its last requests. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Loads one URL with `connections` concurrent connections for `seconds`. */
export async function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }) {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

/**
 * Sends exactly `options.amount` requests and answers autocannon's result with the seconds from
 * the start to the last answer. (autocannon notices that the amount is reached only at its next
 * one-second sample, so its own end — and anything timed around it — is rounded up to a whole
 * second, which understated a 9-second run's rate by up to a tenth.)
 */
export async function fireAmount(options: autocannon.Options & { amount: number }): Promise<{ result: autocannon.Result; seconds: number }> {
  const started = process.hrtime.bigint();
  let last = started;
  // Without a callback autocannon answers its tracker, an event emitter that is also a promise (lib/init.js).
  const instance = autocannon(options) as Promise<autocannon.Result> & { on(event: 'response', listener: () => void): void };
  instance.on('response', () => { last = process.hrtime.bigint(); });
  const result = await instance;
  return { result, seconds: Number(last - started) / 1e9 };
}

/** Runs `total` jobs from `concurrency` workers at once; answers the seconds it took. */
export async function drain(total: number, concurrency: number, job: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < total; i = next++) await job(i);
  }));
  return Number(process.hrtime.bigint() - start) / 1e9;
}
