import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { drawRound, drawTimeline, hajjFixtures } from '../../testing/hajj-fixtures.ts';
import { verifyProof } from '../../common/draw/merkle.ts';
import { drawFileNames, type DrawFiles } from './domain/files.ts';
import { knownSignature } from './domain/known-rounds.ts';
import { verifyFiles } from './domain/verify.ts';

// The whole season runs at the moments that make its freeze name a real quicknet round (hajj-fixtures.ts).
const { calendar, moments, move } = drawTimeline;

let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let ministry: Record<string, string>;
let pkg: Record<string, string>;
const families: Awaited<ReturnType<ReturnType<typeof hajjFixtures>['family']>>[] = [];
let excluded: string[] = [];

/** The published files as served, byte for byte. */
async function files(): Promise<DrawFiles> {
  const out: DrawFiles = {};
  for (const name of drawFileNames) out[name] = (await fx.api('GET', `/seasons/1448H/draw/files/${name}`, {})).rawPayload;
  return out;
}
const results = async () => new TextDecoder().decode((await files())['results.ndjson'] as Uint8Array).trim().split('\n').map((l) => JSON.parse(l));
const bookings = () => t.db.kysely.selectFrom('bookings').selectAll().orderBy('created_at').execute();

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(moments.start);
  fx = hajjFixtures(t);
  ({ ministry, packages: pkg } = await fx.season({ FR: 14, GB: 8 }, {
    alpha: { capacity: 6, countries: ['FR', 'GB'] },
    beta: { capacity: 5, countries: ['FR'] },
    gamma: { capacity: 8, countries: ['GB'] },
  }, calendar));
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

  it('refuses a share it cannot represent exactly in basis points, or given twice', async () => {
    t.clock.set(moments.frozen);
    for (const [pool, problem] of [[{ code: 'first_time', share: 0.12345 }, 'inexact_share'], [{ code: 'first_time', share: 0.29, shareBps: 2900 }, 'two_shares'], [{ code: 'first_time', shareBps: 10_000 }, null]] as const) {
      const res = await fx.api('POST', '/seasons/1448H/draw/freeze', ministry, { pools: [pool, { code: 'general' }] });
      expect(res.statusCode).toBe(400);
      if (problem) expect(res.json()).toMatchObject({ code: 'draw.bad_pools', params: { problem } });
    }
    expect((await fx.api('GET', '/seasons/1448H/draw/status', ministry)).json().status).toBe('none');
  });

  it('freezes the eligible, ranked applications and commits to them and to the beacon round to come', async () => {
    const res = await fx.api('POST', '/seasons/1448H/draw/freeze', ministry, { pools: [{ code: 'first_time', share: 0.29 }, { code: 'general' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'frozen', algorithm: 'manasik-draw/2', pools: [{ code: 'first_time', shareBps: 2900, share: 0.29 }, { code: 'general' }],
      commitment: {
        entryCount: families.length, merkleRoot: expect.stringMatching(/^[0-9a-f]{64}$/), frozenAt: moments.frozen,
        randomness: { kind: 'drand', chain: 'quicknet', delaySeconds: 600, round: drawRound.round, roundTime: '2025-08-14T12:59:45.000Z' },
      },
    });
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

  it('cannot run before the named round is entered; refuses, and records, every other value', async () => {
    expect((await fx.api('POST', '/seasons/1448H/draw/run', ministry)).json().code).toBe('draw.wrong_state');
    const enter = (body: object) => fx.api('POST', '/seasons/1448H/draw/random-value', ministry, body);
    const refused: [object, number, string][] = [
      [{ value: 'drand round 4821337: 9f2c', source: 'drand mainnet' }, 400, 'draw.round_required'],
      [drawRound, 409, 'draw.round_not_published'], // the freeze's moment: the round is ten minutes away
    ];
    for (const [body, status, code] of refused) expect((await enter(body)).json(), code).toMatchObject({ status, code });
    t.clock.set(moments.roundOut);
    for (const [body, status, code] of [
      [{ round: 14517013, signature: knownSignature(14517013) }, 409, 'draw.wrong_round'], // a real round, not the one named
      [{ round: drawRound.round, signature: knownSignature(3) }, 422, 'draw.bad_signature'], // a real signature, of another round
    ] as const) expect((await enter(body)).json(), code).toMatchObject({ status, code });
    const seeded = await enter({ round: drawRound.round, signature: drawRound.signature.toUpperCase() });
    expect(seeded.statusCode, seeded.body).toBe(200);
    expect(seeded.json()).toMatchObject({
      status: 'seeded', randomValue: 'f4ad45db792e14676c62891989b804504e09bf0029cd472143d958649ab3c88a', seed: expect.stringMatching(/^[0-9a-f]{64}$/),
      seedFile: { randomness: { kind: 'drand', round: drawRound.round, signature: drawRound.signature } },
    });
    const again = await enter(drawRound);
    expect(again.json()).toMatchObject({ status: 409, code: 'draw.random_value_set' });
    const audit = await t.db.kysely.selectFrom('audit_log').select('data').where('action', '=', 'draw.random_value_refused').orderBy('id').execute();
    expect(audit.map((a) => (a.data as { reason: string }).reason)).toEqual(['draw.round_required', 'draw.round_not_published', 'draw.wrong_round', 'draw.bad_signature', 'draw.random_value_set']);
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
    const verdict = verifyFiles(await files());
    expect(verdict).toMatchObject({ identical: true, stage: 'published', entries: families.length });
    expect(verdict.identical && verdict.checks.find((c) => c.code === 'signature')).toMatchObject({ outcome: 'passed' });
    const winners = (await results()).filter((r) => r.outcome === 'won');
    const held = await bookings();
    expect(held.map((b) => b.application_id).sort()).toEqual(winners.map((w) => w.id).sort());
    expect(held.every((b) => b.status === 'held' && b.source === 'draw' && b.hold_deadline!.toISOString() === move('2026-05-11T12:11:00.000Z'))).toBe(true);
    expect((await fx.api('GET', '/seasons/1448H/capacity-check', ministry)).json()).toEqual([]);
    const mail = await t.db.kysely.selectFrom('outbox_messages').select(['template', 'locale', 'subject']).where('template', 'like', 'draw_%').execute();
    expect(mail).toHaveLength(families.length);
    expect(mail.filter((m) => m.locale === 'ar').every((m) => m.subject.startsWith('قرعة'))).toBe(true);
    expect((await fx.api('POST', '/seasons/1448H/draw/publish', ministry)).json().code).toBe('draw.wrong_state');
  });

  it('is verified by `manasik draw verify` from the files alone, the signature checked offline, and a tampered file is caught', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-draw-'));
    for (const name of drawFileNames) fs.writeFileSync(path.join(dir, name), await t.services.draw.file('1448H', name));
    const verify = () => spawnSync(process.execPath, ['bin/manasik.mjs', 'draw', 'verify', dir], { encoding: 'utf8' });
    const ok = verify();
    expect(ok.stdout).toMatch(new RegExp(`^IDENTICAL\nchecked every file: ${families.length} entries`));
    expect(ok.stdout).toContain(`checked: the signature of round ${drawRound.round} verifies against quicknet's public key`);
    expect(ok.status).toBe(0);
    const lines = fs.readFileSync(path.join(dir, 'results.ndjson'), 'utf8').split('\n');
    [lines[0], lines[1]] = [lines[1]!, lines[0]!];
    fs.writeFileSync(path.join(dir, 'results.ndjson'), lines.join('\n'));
    const tampered = verify();
    expect(tampered.stdout).toMatch(/^DIFFERENT: results\.ndjson line 1: expected /);
    expect(tampered.status).toBe(1);
    fs.rmSync(dir, { recursive: true });
  }, 120_000); // two runs of the command, each starting Node and TypeScript

  it('serves each file\'s JSON Schema beside it, the same as docs/algorithms/draw-schemas/', async () => {
    for (const stem of ['commitment', 'parameters', 'entries', 'seed', 'results', 'proof']) {
      const res = await fx.api('GET', `/seasons/1448H/draw/files/${stem}.schema.json`, {});
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/schema+json');
      expect(res.body).toBe(fs.readFileSync(`docs/algorithms/draw-schemas/${stem}.schema.json`, 'utf8'));
    }
  });

  it('shows each mission its own country\'s outcomes and bookings, and nothing of another', async () => {
    const published = await results();
    for (const country of ['FR', 'GB']) {
      const mission = (await t.signInAs('mission_officer', { countryCode: country })).headers;
      const overview = (await fx.api('GET', '/missions/overview?season=1448H', mission)).json();
      const mine = families.filter((f) => f.country === country);
      const won = mine.filter((f) => published.find((r) => r.id === f.id).outcome === 'won');
      expect(overview.draw).toEqual({
        won: { families: won.length, pilgrims: won.reduce((n, f) => n + f.size, 0) },
        waiting: { families: mine.length - won.length, pilgrims: mine.reduce((n, f) => n + f.size, 0) - won.reduce((n, f) => n + f.size, 0) },
      });
      expect(overview.bookings).toEqual({ held: { families: won.length, seats: won.reduce((n, f) => n + f.size, 0) } });
    }
  });

  it('shows a family its result, place (as published, from 1) and offer', async () => {
    const published = await results();
    for (const f of families.slice(0, 4)) {
      const mine = (await fx.api('GET', '/seasons/1448H/draw/mine', f.admin.headers)).json();
      const r = published.find((x) => x.id === f.id);
      expect(mine.result).toMatchObject({ place: r.place, position: r.place, outcome: r.outcome, waitlistPosition: r.waitlist });
      expect(mine.bookings).toHaveLength(r.outcome === 'won' ? 1 : 0);
    }
  });

  it('cascades a declined offer to the next waiting families in draw order that fit', async () => {
    t.clock.set(moments.offers);
    const published = await results();
    const before = await bookings();
    // A winner whose seats, once freed, some waiting family can use (the oracle says who).
    const offer = before.find((b) => expectedCascade(published, before.filter((x) => x.id !== b.id)).length > 0)!;
    expect(offer).toBeDefined();
    const winner = families.find((f) => f.id === offer.application_id)!;
    const declined = await fx.api('POST', `/bookings/${offer.id}/decline`, winner.admin.headers);
    expect(declined.statusCode, declined.body).toBe(200);
    const after = await bookings();
    const cascaded = after.filter((b) => b.source === 'cascade');
    expect(cascaded.map((b) => b.application_id)).toEqual(expectedCascade(published, before.filter((b) => b.id !== offer.id)));
    expect(cascaded.length).toBeGreaterThan(0);
    expect((await fx.api('GET', '/seasons/1448H/capacity-check', ministry)).json()).toEqual([]);
    expect((await fx.api('POST', `/bookings/${offer.id}/decline`, winner.admin.headers)).json().code).toBe('booking.not_held');
  });

  it('expires unpaid holds at their deadline and cascades their seats, exactly once', async () => {
    t.clock.set(move('2026-05-11T12:11:01Z')); // published when the round was entered (11 minutes after the freeze): 72 hours later
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
      await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n${move('2026-05-09T12:00:00Z').slice(0, 10)},${bankReference},${(b.amount_due / 100).toFixed(2)},${tx}\n` as never);
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
