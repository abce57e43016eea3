import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/principal.ts';
import { startChildServer } from '../../testing/child-server.ts';
import { createTestApp, testEngine, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures } from '../../testing/hajj-fixtures.ts';

/**
 * The server is killed with SIGKILL in the middle of a burst of payments, then
 * started again: every payment either happened completely (ledger legs, paid
 * amount, confirmation, idempotency record) or not at all, `manasik ledger
 * check` passes, and retrying every request with its key pays nothing twice.
 */
describe.runIf(testEngine === 'postgres')('a server killed during a burst of payments', () => {
  let t: TestApp;
  let url: string;
  let server: ChildProcess | undefined;
  const families: { token: string; booking: string; due: number }[] = [];
  const env = () => {
    return { ...process.env, DATABASE_URL: t.databaseUrl!, LOG_LEVEL: 'fatal', MANASIK_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-crash-')) };
  };
  async function start() {
    ({ child: server, base: url } = await startChildServer(env()));
  }
  const pay = (f: (typeof families)[number], i: number) =>
    fetch(`${url}/api/v1/bookings/${f.booking}/pay`, { method: 'POST', headers: { authorization: `Bearer ${f.token}`, 'content-type': 'application/json', 'idempotency-key': `crash-${i}-0001` }, body: JSON.stringify({ amount: Math.floor(f.due / 2) }) })
      .then((r) => r.status, () => 0);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date()); // the server runs on the real clock
    const fx = hajjFixtures(t);
    const now = Date.now();
    const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
    const { packages } = await fx.season({ FR: 500 }, { a: { capacity: 200, countries: ['FR'] } });
    await t.services.seasons.setCalendar(systemContext(), '1448H', {
      registrationOpens: at(-10), preferenceOpens: at(-1), preferenceCloses: at(20), drawAt: at(21), offersClose: at(30), openSaleAt: at(35), visaCutoff: at(90),
      referenceDate: '2027-05-15', arrivalDate: '2027-05-10', seasonEnd: '2027-05-25',
    });
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const f = await fx.family('FR', 1, []);
      const held = await t.db.kysely.transaction().execute((trx) => t.services.bookings.hold({ requestId: 'crash', actor: null }, trx, { season: '1448H', applicationId: f.id, adminAccountId: f.admin.accountId, packageId: packages.a!, seats: 1, country: 'FR' }, 'draw', new Date(at(5))));
      if (!('booking' in held) || !held.booking) throw new Error('no room');
      const reference = (await t.db.kysely.transaction().execute((trx) => t.services.ledger.wallet(trx, f.admin.accountId))).bank_reference!;
      lines.push(`2026-11-01,${reference},${(held.booking.amount_due / 100).toFixed(2)},TX-${i}`);
      families.push({ token: f.admin.token, booking: held.booking.id, due: held.booking.amount_due });
    }
    await t.services.wallet.importStatement(systemContext(), `date,reference,amount,transaction_id\n${lines.join('\n')}\n`);
  }, 120_000);
  afterAll(async () => {
    server?.kill('SIGKILL');
    await t?.close();
  });

  it('keeps the books whole across the kill, and retries pay nothing twice', async () => {
    await start();
    const burst = families.map((f, i) => pay(f, i));
    // Kill once the first payments have answered, while the rest are in flight.
    await Promise.race(burst);
    server!.kill('SIGKILL');
    const statuses = await Promise.all(burst);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0); // cut off by the kill

    const check = () => spawnSync(process.execPath, ['bin/manasik.mjs', 'ledger', 'check'], { env: env(), encoding: 'utf8' });
    const afterKill = check();
    expect(afterKill.stdout).toContain('ledger check: OK');
    expect(afterKill.status).toBe(0);

    await start();
    const retried = await Promise.all(families.map((f, i) => pay(f, i)));
    expect(retried.every((s) => s === 200)).toBe(true);
    const again = await Promise.all(families.map((f, i) => pay(f, i)));
    expect(again.every((s) => s === 200)).toBe(true);
    const paid = await t.db.kysely.selectFrom('bookings').select(['id', 'amount_paid']).where('id', 'in', families.map((f) => f.booking)).execute();
    for (const f of families) expect(paid.find((p) => p.id === f.booking)!.amount_paid).toBe(Math.floor(f.due / 2));
    server!.kill('SIGTERM');
    expect(check().status).toBe(0);
  }, 120_000);
});
