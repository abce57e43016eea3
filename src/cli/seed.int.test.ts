import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { actingAs } from '../core/principal.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { drawFileNames, verifyFiles } from '../modules/draw/index.ts';
import { demoAccounts } from './demo-data.ts';
import { DEMO_ROUND } from './seed-draw.ts';
import { demoSeasons, seedDemo, seedDemoIfEmpty } from './seed.ts';

const run = promisify(execFile);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date());
}, 60_000);
afterAll(async () => t?.close());

describe('the demo data', () => {
  it('seeds every demo account once, a season in its preference phase and a drawn season that verifies', async () => {
    expect(await seedDemo(t.services)).toBe(demoAccounts.length);
    expect(await seedDemo(t.services)).toBe(0); // idempotent
    const seasons = await t.services.seasons.list();
    const { drawn, preference } = demoSeasons(t.clock.now());
    expect(Object.fromEntries(seasons.map((s) => [s.code, s.phase]))).toEqual({ [preference.code]: 'preference', [drawn.code]: 'offers' });
    const files: Record<string, string> = Object.fromEntries(await Promise.all(drawFileNames.map(async (n) => [n, await t.services.draw.file(drawn.code, n)])));
    const verdict = verifyFiles(files);
    expect(verdict).toMatchObject({ identical: true, stage: 'published', entries: 23 });
    expect(JSON.parse(files['commitment.json']!).randomness).toMatchObject({ kind: 'drand', chain: 'quicknet', round: DEMO_ROUND });
    const results: { outcome: string }[] = files['results.ndjson']!.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.some((r) => r.outcome === 'waiting')).toBe(true);
    expect(await t.services.bookings.capacityViolations(drawn.code)).toEqual([]);
    // Documents to try the review queue with: some approved, some waiting.
    const officer = actingAs(randomUUID(), { role: 'ministry_officer' }, 'test');
    const waiting = await t.services.pilgrims.reviewQueue(officer, 50);
    expect(waiting.map((d) => d.type).sort()).toEqual(['passport_scan', 'photo']);
    expect(waiting.every((d) => d.allowedActions.includes('approve'))).toBe(true);
  }, 180_000);

  it('configures the coming Ramadan at the Grand Mosque and the Rawdah, with a pilgrim who holds a permit a gate can check', async () => {
    const sites = await t.services.permits.sites();
    expect(sites.map((s) => s.code)).toEqual(['grand-mosque-umrah', 'rawdah']);
    expect(sites[1]!.rules.map((r) => r.code).sort()).toEqual(['one-active-rawdah', 'rawdah-once-a-year']);
    const hannah = (await t.db.kysely.selectFrom('accounts').select('id').where('email', '=', 'hannah@manasik.demo').executeTakeFirstOrThrow()).id;
    const mine = await t.services.permits.mine({ actor: { accountId: hannah, role: 'pilgrim', providerId: null, countryCode: null, locale: 'en', credentialHash: 'x', credentialKind: 'bearer' }, locale: 'en', requestId: 't' });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ siteCode: 'rawdah', section: 'women', status: 'active', permits: [{ status: 'valid' }] });
    expect(await t.services.permits.capacityViolations()).toEqual([]);
  });
  it('is verified over HTTP by `manasik draw verify` (the beacon\'s signature checked offline) and by the Python verifier', async () => {
    const { drawn } = demoSeasons(t.clock.now());
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address}/api/v1/seasons/${drawn.code}/draw/files`;
    const manasik = await run(process.execPath, ['bin/manasik.mjs', 'draw', 'verify', url]);
    expect(manasik.stdout).toMatch(/^IDENTICAL\nchecked every file: 23 entries/);
    expect(manasik.stdout).toContain(`checked: the signature of round ${DEMO_ROUND} verifies against quicknet's public key (BLS12-381, offline)`);
    const python = await run('python3', ['tools/verify-draw/verify.py', url]);
    const summary = (out: string) => out.split('\n').slice(0, 2).map((l) => l.replace(/ \([0-9.]+ s\)$/, ''));
    expect(summary(python.stdout)).toEqual(summary(manasik.stdout));
  }, 180_000); // two verifiers in their own processes

  it('goes only into an empty database: never into one that holds data', async () => {
    const other = await createTestApp();
    try {
      await other.signInAs('ministry_admin'); // somebody's real data
      expect(await seedDemoIfEmpty(other.services)).toBe('refused');
      expect(await other.services.accounts.exists(demoAccounts[0]!.email)).toBe(false);
    } finally {
      await other.close();
    }
    expect(await seedDemoIfEmpty(t.services)).toBe('present'); // seeded above: left as it is
  });

  it.each([['today'], ['2027-04-20T12:00:00Z'], ['2031-09-09T12:00:00Z']])('keeps every demo date consistent with the day it starts (%s)', async (day) => {
    const other = await createTestApp();
    try {
      other.clock.set(day === 'today' ? new Date() : day);
      await seedDemo(other.services);
      const { drawn, preference } = demoSeasons(other.clock.now());
      for (const s of [drawn, preference]) {
        const season = await other.services.seasons.get(s.code);
        // Offers, the open sale and the visa cut-off all come before the pilgrims arrive.
        expect(new Date(season.visaCutoff).getTime()).toBeLessThan(new Date(`${season.arrivalDate}T00:00:00+03:00`).getTime());
      }
    } finally {
      await other.close();
    }
  }, 180_000); // seeds the whole demo: heavy on a loaded machine
});
