import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/principal.ts';
import { startChildServer } from '../../testing/child-server.ts';
import { createTestApp, testEngine, type TestApp } from '../../testing/harness.ts';
import { seasonAround } from '../seasons/index.ts';

/**
 * The waiting room with two server processes on one PostgreSQL database: the
 * queue, the opening's order and the admission key live in the database, so
 * both processes give the same places and accept each other's tokens.
 */
describe.runIf(testEngine === 'postgres')('the open sale across two server processes', () => {
  let t: TestApp;
  const servers: ChildProcess[] = [];
  const bases: string[] = [];
  const tokens: string[] = [];
  let opensAt: number;
  let code = '';

  async function startServer() {
    const { child, base } = await startChildServer({ ...process.env, DATABASE_URL: t.databaseUrl!, LOG_LEVEL: 'warn', MANASIK_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-proc-')) }, { path: '/health' });
    servers.push(child);
    return base;
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date()); // the processes run on the real clock
    const now = Date.now();
    const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
    const season = seasonAround(new Date(now), { registrationOpens: -10 / 24, preferenceOpens: -9 / 24, preferenceCloses: -8 / 24, drawAt: -7 / 24, offersClose: -6 / 24, openSaleAt: 1 / 24, visaCutoff: 1 });
    code = season.code;
    const calendar = (openSaleAt: string) => t.services.seasons.setCalendar(systemContext(), code, { ...season.input, openSaleAt, visaCutoff: at(24) });
    await calendar(at(1)); // not open while the servers start, however long that takes
    await t.services.sale.configure(systemContext(), code, { admitPerMinute: 1, firstBatch: 2, tokenMinutes: 5, holdMinutes: 30 });
    for (let i = 0; i < 6; i++) tokens.push((await t.signInAs('pilgrim')).token);
    bases.push(...(await Promise.all([startServer(), startServer()])));
    // Both servers are up: the sale opens in a few seconds (their one-second reference caches see the change at once).
    opensAt = Date.now() + 5_000;
    await calendar(new Date(opensAt).toISOString());
    await new Promise((r) => setTimeout(r, 1_200));
  }, 90_000);
  afterAll(async () => {
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r)))));
    await t?.close();
  });

  const call = (i: number, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${bases[i % 2]}/api/v1${url}`, { method, headers: { authorization: `Bearer ${tokens[i]}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body ? { body: JSON.stringify(body) } : {}) })
      .then(async (r) => ({ status: r.status, body: await r.json() }));

  it('queues arrivals from both processes, orders them once at the opening, and agrees on every place', async () => {
    for (let i = 0; i < 6; i++) expect((await call(i, 'POST', `/seasons/${code}/sale/queue`)).body).toMatchObject({ inQueue: true, position: null });
    await new Promise((r) => setTimeout(r, Math.max(0, opensAt - Date.now() + 200)));
    // Both processes race to open the sale; the order is made once.
    const fromA = await Promise.all(tokens.map((_, i) => call(i, 'GET', `/seasons/${code}/sale/queue`)));
    const fromB = await Promise.all(tokens.map((_, i) => fetch(`${bases[(i + 1) % 2]}/api/v1/seasons/${code}/sale/queue`, { headers: { authorization: `Bearer ${tokens[i]}` } }).then((r) => r.json())));
    const places = fromA.map((r) => r.body.position);
    expect([...places].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fromB.map((b) => b.position)).toEqual(places);
    const audit = await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'sale.opened').execute();
    expect(audit).toHaveLength(1);
  });

  it('accepts on one process the admission token issued by the other, and refuses without one', async () => {
    const statuses = await Promise.all(tokens.map((_, i) => call(i, 'GET', `/seasons/${code}/sale/queue`)));
    const admitted = statuses.findIndex((s) => s.body.admitted);
    expect(admitted).toBeGreaterThanOrEqual(0);
    const token = statuses[admitted]!.body.admissionToken as string;
    const other = admitted + 1; // the other process
    const withToken = await fetch(`${bases[other % 2]}/api/v1/seasons/${code}/sale/bookings`, {
      method: 'POST', headers: { authorization: `Bearer ${tokens[admitted]}`, 'content-type': 'application/json', 'admission-token': token }, body: JSON.stringify({ packageId: '00000000-0000-4000-8000-000000000000' }),
    }).then((r) => r.json());
    expect(withToken.code).toBe('application.not_found'); // past the admission check: this person never applied
    const without = await fetch(`${bases[other % 2]}/api/v1/seasons/${code}/sale/bookings`, {
      method: 'POST', headers: { authorization: `Bearer ${tokens[admitted]}`, 'content-type': 'application/json' }, body: JSON.stringify({ packageId: '00000000-0000-4000-8000-000000000000' }),
    }).then((r) => r.json());
    expect(without.code).toBe('sale.admission_required');
  });
});
