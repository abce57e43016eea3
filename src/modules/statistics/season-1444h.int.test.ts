import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testEngine } from '../../testing/harness.ts';

/**
 * The whole 1444H season at real scale, on each engine, through the commands
 * people run: `manasik simulate` builds its 1,845,045 records from
 * data/hajj-seasons.json into a fresh database, and `manasik stats` gives every
 * official figure back exactly. The commands run in their own process (the
 * embedded engine runs on the JavaScript thread, which would starve the test
 * runner for minutes).
 */
const root = path.resolve(import.meta.dirname, '../../..');
const figuresFile = path.join(root, 'data/hajj-seasons.json');
const entry = (JSON.parse(fs.readFileSync(figuresFile, 'utf8')) as { seasons: unknown[] }).seasons[0];
const run = promisify(execFile);
let env: Record<string, string>;
let cleanup: () => Promise<void> = async () => {};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-1444h-'));

beforeAll(async () => {
  if (testEngine === 'pglite') {
    env = { MANASIK_DATA_DIR: dir };
  } else {
    // A fresh schema, migrated; the command reaches it through the connection's search_path.
    const t = await createTestDb();
    await t.db.close();
    cleanup = t.cleanup;
    env = { DATABASE_URL: t.databaseUrl! };
  }
}, 300_000);
afterAll(async () => {
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** The command's environment: this engine's only. CI exports DATABASE_URL, which would send the embedded run to PostgreSQL. */
function commandEnv(): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.MANASIK_DATA_DIR;
  return { ...inherited, ...env, LOG_LEVEL: 'silent' };
}
const manasik = (...args: string[]) =>
  run(process.execPath, [path.join(root, 'bin/manasik.mjs'), ...args], { env: commandEnv(), maxBuffer: 64 * 1024 * 1024, cwd: root });

describe(`1444H at full scale on ${testEngine}`, () => {
  it('builds the season from the official figures, and stats gives every one of them back exactly', async () => {
    const started = Date.now();
    // The season is built where this engine keeps it, nowhere else.
    expect(commandEnv().DATABASE_URL === undefined).toBe(testEngine === 'pglite');
    await manasik('migrate');
    await manasik('simulate', '--season', '1444H', '--marginals', figuresFile, '--seed', '1444');
    const loaded = Date.now();
    const { stdout } = await manasik('stats', '--season', '1444H', '--format', 'json');
    expect(JSON.parse(stdout)).toEqual(entry);
    const csv = (await manasik('stats', '--season', '1444H', '--format', 'csv')).stdout;
    for (const table of ['gender_by_residence', 'nationality_by_arrival', 'port_by_date', 'age_by_gender']) expect(csv).toContain(`1444H,${table},`);
    console.warn(`1444H on ${testEngine}: built in ${((loaded - started) / 1000).toFixed(1)} s, stats in ${((Date.now() - loaded) / 1000).toFixed(1)} s`);
  }, 1_500_000);

  it.runIf(testEngine === 'pglite')('writes byte-identical records for the same seed (--out)', async () => {
    const hash = async (out: string) => {
      await manasik('simulate', '--season', '1444H', '--marginals', figuresFile, '--seed', '7', '--out', out);
      const file = path.join(out, 'hajj-records-1444H.csv');
      const digest = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      const lines = fs.readFileSync(file, 'utf8').split('\r\n').length - 2;
      fs.rmSync(out, { recursive: true, force: true });
      return { digest, lines };
    };
    const first = await hash(path.join(dir, 'a'));
    expect(first.lines).toBe(1_845_045);
    expect(await hash(path.join(dir, 'b'))).toEqual(first);
  }, 600_000);
});
