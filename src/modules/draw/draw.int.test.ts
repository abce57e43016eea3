import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures, moments } from '../../testing/hajj-fixtures.ts';
import { verifyProof } from '../../shared/draw/merkle.ts';
import { verifyFiles, type DrawFiles } from './domain/publication.ts';

let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let ministry: Record<string, string>;
let pkg: Record<string, string>;
const families: Awaited<ReturnType<ReturnType<typeof hajjFixtures>['family']>>[] = [];
let excluded: string[] = [];

async function files(): Promise<DrawFiles> {
  const get = async (name: string) => (await fx.api('GET', `/seasons/1448H/draw/files/${name}`, {})).body;
  const lines = (text: string) => text.split('\n').filter(Boolean);
  return {
    commitment: JSON.parse(await get('commitment.json')),
    parameters: JSON.parse(await get('parameters.json')),
    entries: lines(await get('entries.ndjson')),
    seed: JSON.parse(await get('seed.json')),
    results: lines(await get('results.ndjson')),
  };
}
const bookings = () => t.db.kysely.selectFrom('bookings').selectAll().orderBy('created_at').execute();

beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  ({ ministry, packages: pkg } = await fx.season({ FR: 14, GB: 8 }, {
    alpha: { capacity: 6, countries: ['FR', 'GB'] },
    beta: { capacity: 5, countries: ['FR'] },
    gamma: { capacity: 8, countries: ['GB'] },
  }));
  t.clock.set(moments.preference);
  const plan: [string, number, string[]][] = [
    ['FR', 3, ['alpha', 'beta']], ['FR', 2, ['beta']], ['FR', 4, ['alpha']], ['FR', 1, ['beta', 'alpha']], ['FR', 2, ['alpha', 'beta']],
    ['FR', 5, ['beta', 'alpha']], ['FR', 1, ['alpha']], ['GB', 2, ['gamma', 'alpha']], ['GB', 3, ['gamma']], ['GB', 2, ['alpha']], ['GB', 1, ['gamma']],
    ['FR', 1, ['beta', 'alpha']], ['FR', 1, ['alpha', 'beta']], ['GB', 1, ['gamma', 'alpha']], ['GB', 1, ['alpha', 'gamma']],
    // More single pilgrims in France who take either package than France can ever get seats (11):
    // whatever the draw, one waits, so some declined offer always cascades.
    ...Array.from({ length: 9 }, (_, i): [string, number, string[]] => ['FR', 1, i % 2 ? ['alpha', 'beta'] : ['beta', 'alpha']]),
  ];
  for (const [country, size, choices] of plan) families.push(await fx.family(country, size, choices.map((c) => pkg[c]!), { locale: families.length % 2 ? 'ar' : 'en' }));
  // Not in the draw: a family with no ranking, and one whose member's passport expires too soon.
  const unranked = await fx.family('FR', 1, []);
  const expired = await fx.family('FR', 2, [pkg.alpha!], { memberExtra: { passportExpiry: '2027-06-01' } });
  excluded = [unranked.id, expired.id];
});
afterAll(async () => t?.close());

describe('the draw, from freeze to cascade', () => {
  it('cannot be frozen while families may still rank', async () => {
    expect((await fx.api('POST', '/seasons/1448H/draw/freeze', ministry, {})).json().code).toBe('season.phase_closed');
  });

  it('freezes the eligible, ranked applications and commits to them', async () => {
    t.clock.set(moments.frozen);
    const res = await fx.api('POST', '/seasons/1448H/draw/freeze', ministry, { pools: [{ code: 'first_time', share: 0.25 }, { code: 'general' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'frozen', commitment: { entryCount: families.length, merkleRoot: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    for (const id of excluded) expect((await fx.api('GET', `/seasons/1448H/draw/proof/${id}`, {})).json().code).toBe('draw.not_entered');
    expect((await fx.api('POST', '/seasons/1448H/draw/freeze', ministry, {})).json().code).toBe('draw.already_frozen');
  });

  it('refuses changes to applications after the freeze', async () => {
    const f = families[0]!;
    const res = await fx.api('PUT', `/applications/${f.id}/ranking`, f.admin.headers, { packageIds: [pkg.beta] });
    expect(res.json().code).toBe('season.phase_closed');
  });

  it('gives every family a proof of inclusion that checks against the published root', async () => {
    const commitment = (await fx.api('GET', '/seasons/1448H/draw', {})).json().commitment;
    for (const f of families) {
      const p = (await fx.api('GET', `/seasons/1448H/draw/proof/${f.id}`, {})).json();
      expect(JSON.parse(p.record)).toMatchObject({ id: f.id, size: f.size, country: f.country, choices: f.choices });
      expect(verifyProof(p.record, p.proof, commitment.merkleRoot)).toBe(true);
    }
  });

  it('cannot run before the public random value, which is entered once and never changed', async () => {
    expect((await fx.api('POST', '/seasons/1448H/draw/run', ministry)).json().code).toBe('draw.wrong_state');
    const seeded = await fx.api('POST', '/seasons/1448H/draw/random-value', ministry, { value: 'drand round 4821337: 9f2c…', source: 'drand mainnet round 4821337, published 2026-05-08T13:00Z' });
    expect(seeded.json()).toMatchObject({ status: 'seeded', seed: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = await fx.api('POST', '/seasons/1448H/draw/random-value', ministry, { value: 'a friendlier number', source: 'someone' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('draw.random_value_set');
    expect((await fx.api('GET', '/seasons/1448H/draw', {})).json().randomValue).toBe('drand round 4821337: 9f2c…');
    const refusals = await t.db.kysely.selectFrom('audit_log').select('data').where('action', '=', 'draw.random_value_refused').execute();
    expect(refusals).toHaveLength(1);
  });

  it('runs, and running again gives the same result without writing twice', async () => {
    const run = await fx.api('POST', '/seasons/1448H/draw/run', ministry);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ status: 'drawn', rerun: false });
    const summary = run.json().summary;
    expect(summary.tables.entries).toBe(families.length);
    expect(summary.fairness.map((f: { factor: string }) => f.factor)).toEqual(['submission_time', 'family_size', 'country']);
    const again = await fx.api('POST', '/seasons/1448H/draw/run', ministry);
    expect(again.json()).toMatchObject({ rerun: true, identical: true });
    const rows = await t.db.kysely.selectFrom('draw_results').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(families.length);
    // Before publication the public sees neither the results nor the audit.
    expect((await fx.api('GET', '/seasons/1448H/draw', {})).json().summary).toBeNull();
    expect((await fx.api('GET', '/seasons/1448H/draw/files/results.ndjson', {})).json().code).toBe('draw.not_published');
  });

  it('publishes: winners hold seats, every family is told in its language, and the files verify', async () => {
    const res = await fx.api('POST', '/seasons/1448H/draw/publish', ministry);
    expect(res.statusCode, res.body).toBe(200);
    const published = await files();
    const verdict = verifyFiles(published);
    expect(verdict).toMatchObject({ identical: true, entries: families.length });
    const winners = published.results.map((l) => JSON.parse(l)).filter((r) => r.outcome === 'won');
    const held = await bookings();
    expect(held.map((b) => b.application_id).sort()).toEqual(winners.map((w) => w.id).sort());
    expect(held.every((b) => b.status === 'held' && b.source === 'draw' && b.hold_deadline!.toISOString() === '2026-05-11T12:00:00.000Z')).toBe(true);
    expect((await fx.api('GET', '/seasons/1448H/capacity-check', ministry)).json()).toEqual([]);
    const mail = await t.db.kysely.selectFrom('outbox_messages').select(['template', 'locale', 'subject']).where('template', 'like', 'draw_%').execute();
    expect(mail).toHaveLength(families.length);
    expect(mail.filter((m) => m.locale === 'ar').every((m) => m.subject.startsWith('قرعة'))).toBe(true);
    expect((await fx.api('POST', '/seasons/1448H/draw/publish', ministry)).json().code).toBe('draw.wrong_state');
  });

  it('is verified by `manasik draw verify` from the files alone, and a tampered file is caught', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-draw-'));
    for (const name of ['commitment.json', 'parameters.json', 'entries.ndjson', 'seed.json', 'results.ndjson'] as const) fs.writeFileSync(path.join(dir, name), await t.services.draw.file('1448H', name));
    const verify = () => spawnSync(process.execPath, ['bin/manasik.mjs', 'draw', 'verify', dir], { encoding: 'utf8' });
    const ok = verify();
    expect(ok.stdout).toContain(`IDENTICAL — ${families.length} entries`);
    expect(ok.status).toBe(0);
    const results = fs.readFileSync(path.join(dir, 'results.ndjson'), 'utf8').split('\n');
    [results[0], results[1]] = [results[1]!, results[0]!];
    fs.writeFileSync(path.join(dir, 'results.ndjson'), results.join('\n'));
    const tampered = verify();
    expect(tampered.stdout).toContain('DIFFERENT — line 1 of the results differs');
    expect(tampered.status).toBe(1);
    fs.rmSync(dir, { recursive: true });
  });

  it('shows each mission its own country\'s outcomes and bookings, and nothing of another', async () => {
    const results = (await files()).results.map((l) => JSON.parse(l));
    for (const country of ['FR', 'GB']) {
      const mission = (await t.signInAs('mission_officer', { countryCode: country })).headers;
      const overview = (await fx.api('GET', '/missions/overview?season=1448H', mission)).json();
      const mine = families.filter((f) => f.country === country);
      const won = mine.filter((f) => results.find((r) => r.id === f.id).outcome === 'won');
      expect(overview.draw).toEqual({
        won: { families: won.length, pilgrims: won.reduce((n, f) => n + f.size, 0) },
        waiting: { families: mine.length - won.length, pilgrims: mine.reduce((n, f) => n + f.size, 0) - won.reduce((n, f) => n + f.size, 0) },
      });
      expect(overview.bookings).toEqual({ held: { families: won.length, seats: won.reduce((n, f) => n + f.size, 0) } });
    }
  });

  it('shows a family its result, place and offer', async () => {
    const results = (await files()).results.map((l) => JSON.parse(l));
    for (const f of families.slice(0, 4)) {
      const mine = (await fx.api('GET', '/seasons/1448H/draw/mine', f.admin.headers)).json();
      const r = results.find((x) => x.id === f.id);
      expect(mine.result).toMatchObject({ position: r.position + 1, outcome: r.outcome, waitlistPosition: r.waitlist });
      expect(mine.bookings).toHaveLength(r.outcome === 'won' ? 1 : 0);
    }
  });

  it('cascades a declined offer to the next waiting families in draw order that fit', async () => {
    t.clock.set(moments.offers);
    const results = (await files()).results.map((l) => JSON.parse(l));
    const before = await bookings();
    // A winner whose seats, once freed, some waiting family can use (the oracle says who).
    const offer = before.find((b) => expectedCascade(results, before.filter((x) => x.id !== b.id)).length > 0)!;
    expect(offer).toBeDefined();
    const winner = families.find((f) => f.id === offer.application_id)!;
    const declined = await fx.api('POST', `/bookings/${offer.id}/decline`, winner.admin.headers);
    expect(declined.statusCode, declined.body).toBe(200);
    const after = await bookings();
    const cascaded = after.filter((b) => b.source === 'cascade');
    expect(cascaded.map((b) => b.application_id)).toEqual(expectedCascade(results, before.filter((b) => b.id !== offer.id)));
    expect(cascaded.length).toBeGreaterThan(0);
    expect((await fx.api('GET', '/seasons/1448H/capacity-check', ministry)).json()).toEqual([]);
    expect((await fx.api('POST', `/bookings/${offer.id}/decline`, winner.admin.headers)).json().code).toBe('booking.not_held');
  });

  it('expires unpaid holds at their deadline and cascades their seats, exactly once', async () => {
    t.clock.set('2026-05-11T12:00:01Z');
    const expired = await t.services.workflows.expireHolds(100);
    expect(expired).toBeGreaterThan(0);
    expect(await t.services.workflows.expireHolds(100)).toBe(0);
    const all = await bookings();
    expect(all.filter((b) => b.source === 'draw').every((b) => b.status !== 'held')).toBe(true);
    expect((await fx.api('GET', '/seasons/1448H/capacity-check', ministry)).json()).toEqual([]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('subject_id').where('action', '=', 'booking.expired').execute();
    expect(audit).toHaveLength(expired);
  });

  it('confirms a held offer once it is paid in full from the wallet, and refuses to after its deadline', async () => {
    const held = (await bookings()).filter((b) => b.status === 'held');
    expect(held.length).toBeGreaterThan(0);
    const admin = (await t.signInAs('ministry_admin')).headers;
    const familyOf = (b: { application_id: string }) => families.find((f) => f.id === b.application_id)!;
    const fund = async (b: { application_id: string; amount_due: number }, tx: string) => {
      const { bankReference } = (await fx.api('GET', '/wallet', familyOf(b).admin.headers)).json();
      await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n2026-05-09,${bankReference},${(b.amount_due / 100).toFixed(2)},${tx}\n` as never);
    };
    await fund(held[0]!, 'TX-CONFIRM-0');
    const paid = await fx.api('POST', `/bookings/${held[0]!.id}/pay`, familyOf(held[0]!).admin.headers, {});
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().booking.status).toBe('confirmed');
    if (held[1]) {
      await fund(held[1], 'TX-CONFIRM-1');
      t.clock.set(new Date(held[1].hold_deadline!.getTime() + 1000));
      expect((await fx.api('POST', `/bookings/${held[1].id}/pay`, familyOf(held[1]).admin.headers, {})).json().code).toBe('booking.deadline_passed');
    }
  });
});

/**
 * The cascade's rule, restated as an oracle: walk the waiting list in draw order; a family that
 * never had an offer takes its highest-ranked package with seats for all of it and room in its quota.
 */
function expectedCascade(results: { id: string; outcome: string }[], live: { application_id: string; package_id: string; seats: number; country: string }[]) {
  const seatsLeft = new Map<string, number>([[pkg.alpha!, 6], [pkg.beta!, 5], [pkg.gamma!, 8]]);
  const quotaLeft = new Map([['FR', 14], ['GB', 8]]);
  for (const b of live) {
    seatsLeft.set(b.package_id, seatsLeft.get(b.package_id)! - b.seats);
    quotaLeft.set(b.country, quotaLeft.get(b.country)! - b.seats);
  }
  const offered = new Set(live.map((b) => b.application_id));
  const out: string[] = [];
  for (const r of results.filter((x) => x.outcome === 'waiting')) {
    const f = families.find((x) => x.id === r.id)!;
    if (offered.has(f.id) || quotaLeft.get(f.country)! < f.size) continue;
    const choice = f.choices.find((p) => seatsLeft.get(p)! >= f.size);
    if (!choice) continue;
    seatsLeft.set(choice, seatsLeft.get(choice)! - f.size);
    quotaLeft.set(f.country, quotaLeft.get(f.country)! - f.size);
    out.push(f.id);
  }
  return out;
}
