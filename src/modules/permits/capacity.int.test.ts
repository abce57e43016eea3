import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { createServices } from '../../services.ts';
import { createTestApp, testEngine, type TestApp } from '../../testing/harness.ts';
import { beforeRamadan, permitFixtures } from '../../testing/permit-fixtures.ts';
import { raceTransactions } from '../../testing/race.ts';

/**
 * N people race for M < N places of one window, each in its own transaction,
 * all at once (docs/algorithms/permits.md); and N accounts holding one
 * document race for N windows under a once-a-year rule. Guarded: exactly M
 * permits, exactly one. The control runs, with the guard off (no locks, the
 * counter read and written back), must oversell and break the rule: proof
 * that these tests can see both. PGlite is one session, so there the race is
 * serial and only the guarded runs are meaningful.
 */
let t: TestApp;
let fx: ReturnType<typeof permitFixtures>;
let site: Awaited<ReturnType<ReturnType<typeof permitFixtures>['site']>>;
const racers: { accountId: string; self: string; headers: Record<string, string> }[] = [];
const shared: { accountId: string; person: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(beforeRamadan);
  fx = permitFixtures(t);
  const officer = (await t.signInAs('ministry_officer')).headers;
  site = await fx.site(officer, {
    code: 'rawdah-race', kind: 'rawdah', capacity: 10, windowMinutes: 20, hours: [{ from: 360, to: 480 }],
    range: { calendar: 'gregorian', from: '2027-02-10', to: '2027-02-16' }, rules: [{ code: 'rawdah-365', kind: 'per_days', days: 365, maxCount: 1 }],
  });
  for (let i = 0; i < 24; i++) {
    const p = await fx.pilgrim('male');
    racers.push({ accountId: p.accountId, self: p.self, headers: p.headers });
  }
  // Twelve accounts that proved the same passport: one person.
  const first = await fx.pilgrim('female');
  shared.push({ accountId: first.accountId, person: first.self });
  for (let i = 0; i < 11; i++) {
    const other = await t.signInAs('pilgrim');
    const res = await fx.api('POST', '/me/permit-people', other.headers, { kind: 'passport', number: first.number, nationality: 'FR', visaNumber: '6000000123', self: true });
    shared.push({ accountId: other.accountId, person: res.json().id });
  }
}, 180_000);
afterAll(async () => t?.close());

type Services = ReturnType<typeof createServices>;
async function race(services: Services, entries: { accountId: string; windowId: string; personIds: string[] }[]) {
  const prepared = await Promise.all(entries.map(async (e) => {
    const ctx = actingAs(e.accountId, {}, 'race');
    const input = { windowId: e.windowId, personIds: e.personIds };
    return { ctx, input, p: await services.permits.prepareBook(ctx) };
  }));
  const outcomes = await raceTransactions(t.db, prepared.length, (trx, i) => services.permits.bookIn(trx, prepared[i]!.ctx, prepared[i]!.input, prepared[i]!.p));
  return outcomes;
}
const windowsOf = async (day: string, section: 'men' | 'women') => (await fx.windows(site.siteId, day, section)).map((w) => w.id);
const permitsIn = async (windowId: string) => Number((await t.db.kysely.selectFrom('permits').select((eb) => eb.fn.countAll<number>().as('n')).where('window_id', '=', windowId).where('status', '=', 'valid').executeTakeFirstOrThrow()).n);

describe('capacity under concurrency', () => {
  it('issues exactly M permits when N > M people race for one window', async () => {
    const [w] = await windowsOf('2027-02-10', 'men');
    const outcomes = await race(t.services, racers.map((r) => ({ accountId: r.accountId, windowId: w!, personIds: [r.self] })));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'permit.window_full')).toBe(true);
    expect(await permitsIn(w!)).toBe(10);
    expect(await t.services.permits.capacityViolations()).toEqual([]);
  });

  it('issues exactly M through the API too, where requests that arrive together share one transaction (group commit)', async () => {
    const [, w] = await windowsOf('2027-02-11', 'men');
    const answers = await Promise.all(racers.map((r) => fx.api('POST', '/permits/bookings', r.headers, { windowId: w!, personIds: [r.self] })));
    // The ten who won above meet the once-a-year rule; the fourteen others race for ten places.
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(10);
    const codes = answers.filter((a) => a.statusCode !== 201).map((a) => a.json().code as string).sort();
    expect(codes).toEqual([...Array(10).fill('permit.rule_broken'), ...Array(4).fill('permit.window_full')]);
    expect(await permitsIn(w!)).toBe(10);
    expect(await t.services.permits.capacityViolations()).toEqual([]);
  });

  it('lets one person (twelve accounts, one document) win one window of many under a once-a-year rule', async () => {
    const ws = await windowsOf('2027-02-12', 'women');
    const outcomes = await race(t.services, shared.map((s, i) => ({ accountId: s.accountId, windowId: ws[i % ws.length]!, personIds: [s.person] })));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'permit.rule_broken')).toBe(true);
  });

  it.runIf(testEngine === 'postgres')('control: with the guard off the same races oversell and break the rule, and the invariant query sees it', async () => {
    const unguarded = createServices({ config: t.config, db: t.db, clock: t.clock, capacityGuard: 'unguarded' });
    // Everyone starts again with no permit (so only capacity stands between them and the window).
    await t.db.kysely.updateTable('permits').set({ status: 'cancelled' }).where('person_id', 'in', racers.map((r) => r.self)).execute();
    const [w] = await windowsOf('2027-02-13', 'men');
    await race(unguarded, racers.map((r) => ({ accountId: r.accountId, windowId: w!, personIds: [r.self] })));
    expect(await permitsIn(w!)).toBeGreaterThan(10);
    expect((await t.services.permits.capacityViolations()).some((v) => v.windowId === w && v.taken > v.capacity)).toBe(true);
    await t.db.kysely.updateTable('permits').set({ status: 'cancelled' }).where('person_id', '=', shared[0]!.person).execute();
    // Twelve windows, one per account (one person may hold one permit per window whatever the guard).
    const ws = [...(await windowsOf('2027-02-14', 'women')), ...(await windowsOf('2027-02-15', 'women'))];
    const outcomes = await race(unguarded, shared.map((s, i) => ({ accountId: s.accountId, windowId: ws[i % ws.length]!, personIds: [s.person] })));
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(1);
  });
});
