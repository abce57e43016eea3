import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../services.ts';
import { createTestApp, testEngine, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures, moments } from '../../testing/hajj-fixtures.ts';
import { raceTransactions } from '../../testing/race.ts';

/**
 * N families race for M < N seats, each in its own transaction, all at once
 * (docs/algorithms/capacity.md). With the conditional updates exactly M seats
 * are held; the control run, with the guard off, must oversell — proof that
 * this test can see an oversell. Real PostgreSQL runs them in parallel; PGlite
 * is one session, so there the race is serial and only the guarded run is
 * meaningful.
 */
let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let pkg: Record<string, string>;
const families: { id: string; adminId: string; country: string }[] = [];
const ctx = { requestId: 'race', actor: null };
const deadline = new Date('2026-05-20T00:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  ({ packages: pkg } = await fx.season({ FR: 1000, GB: 5 }, {
    guarded: { capacity: 10, countries: ['FR'] },
    control: { capacity: 10, countries: ['FR'] },
    late: { capacity: 10, countries: ['FR'] },
    roomy: { capacity: 500, countries: ['GB'] },
  }));
  t.clock.set(moments.preference);
  for (let i = 0; i < 30; i++) {
    const f = await fx.family(i < 24 ? 'FR' : 'GB', 1, []);
    families.push({ id: f.id, adminId: f.admin.accountId, country: f.country });
  }
}, 120_000);
afterAll(async () => t?.close());

type Services = ReturnType<typeof createServices>;
const offer = (f: (typeof families)[number], packageId: string) => ({ season: '1448H', applicationId: f.id, adminAccountId: f.adminId, packageId, seats: 1, country: f.country });
const seatsHeld = async (packageId: string) =>
  Number((await t.db.kysely.selectFrom('bookings').select((eb) => eb.fn.sum<number>('seats').as('n')).where('package_id', '=', packageId).where('status', '=', 'held').executeTakeFirstOrThrow()).n ?? 0);

const seatsOfCountry = async (country: string) =>
  Number((await t.db.kysely.selectFrom('bookings').select((eb) => eb.fn.sum<number>('seats').as('n')).where('country', '=', country).where('status', '=', 'held').executeTakeFirstOrThrow()).n ?? 0);

/** One family per transaction, all at once (the cascade's way of holding). */
async function race(services: Services, packageId: string, contenders: typeof families) {
  const outcomes = await Promise.all(contenders.map((f) =>
    t.db.kysely.transaction().execute((trx) => services.bookings.hold(ctx, trx, offer(f, packageId), 'cascade', deadline))
      .catch((error: { code?: string }) => ({ problem: error.code })),
  ));
  return { held: outcomes.filter((o) => 'booking' in o).length, seats: await seatsHeld(packageId) };
}

/** Batches of families in as many transactions at once, each batch taking seats in order as the open sale's group commit does (several processes, each with its batches). */
async function raceBatches(services: Services, packageId: string, contenders: typeof families, perBatch: number) {
  const batches = Array.from({ length: Math.ceil(contenders.length / perBatch) }, (_, b) => contenders.slice(b * perBatch, (b + 1) * perBatch));
  let held = 0;
  const outcomes = await raceTransactions(t.db, batches.length, async (trx, b) => {
    const facts = await services.catalogue.packageFacts(trx, [packageId]);
    const out = await services.bookings.holdInOrder(trx, '1448H', batches[b]!.map((f) => ({ ctx, offer: offer(f, packageId) })), 'open_sale', deadline, { facts, emails: () => [], inserts: () => [] });
    held += out.filter((o) => typeof o !== 'string').length;
  });
  expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
  return { held, seats: await seatsHeld(packageId) };
}

describe('capacity under concurrency', () => {
  const reset = async (packageId: string, seats: number) => {
    await t.db.kysely.deleteFrom('bookings').where('package_id', '=', packageId).execute();
    await t.db.kysely.updateTable('packages').set({ seats_taken: 0 }).where('id', '=', packageId).execute();
    await t.db.kysely.updateTable('country_quotas').set((eb) => ({ seats_used: eb('seats_used', '-', seats) })).where('country', '=', 'FR').execute();
  };

  it('holds exactly M seats when batches of bookings race for them, each batch taking seats in order as the open sale\'s group commit does', async () => {
    const { held, seats } = await raceBatches(t.services, pkg.late!, families.slice(0, 24), 4);
    expect(held).toBe(10);
    expect(seats).toBe(10);
    expect(await t.services.bookings.capacityViolations('1448H')).toEqual([]);
    await reset(pkg.late!, 10);
  });

  it.runIf(testEngine === 'postgres')('control: with the guard off (counters read without a lock) the batches oversell, and the invariant query sees it', async () => {
    const unguarded = createServices({ config: t.config, db: t.db, clock: t.clock, capacityGuard: 'unguarded' });
    const { held, seats } = await raceBatches(unguarded, pkg.late!, families.slice(0, 24), 4);
    expect(held).toBeGreaterThan(10);
    expect(seats).toBeGreaterThan(10);
    const violations = await t.services.bookings.capacityViolations('1448H');
    expect(violations.some((v) => v.kind === 'package' && v.key === pkg.late && v.booked > v.bound)).toBe(true);
    // Put the package back as it was: the invariant is the next test's subject.
    await t.db.kysely.deleteFrom('bookings').where('package_id', '=', pkg.late!).execute();
    await t.db.kysely.updateTable('packages').set({ seats_taken: 0 }).where('id', '=', pkg.late!).execute();
    const live = await seatsOfCountry('FR');
    await t.db.kysely.updateTable('country_quotas').set({ seats_used: live }).where('country', '=', 'FR').execute();
  });

  it('holds exactly M seats when N > M families race for them', async () => {
    const { held, seats } = await race(t.services, pkg.guarded!, families.slice(0, 24));
    expect(held).toBe(10);
    expect(seats).toBe(10);
    expect(await t.services.bookings.capacityViolations('1448H')).toEqual([]);
  });

  it('never passes a country quota either', async () => {
    const { held } = await race(t.services, pkg.roomy!, families.slice(24));
    expect(held).toBe(5);
    expect(await t.services.bookings.capacityViolations('1448H')).toEqual([]);
  });

  it.runIf(testEngine === 'postgres')('control: with the guard off the same race oversells, and the invariant query sees it', async () => {
    const unguarded = createServices({ config: t.config, db: t.db, clock: t.clock, capacityGuard: 'unguarded' });
    await t.db.kysely.deleteFrom('bookings').where('package_id', '=', pkg.guarded!).execute();
    const { seats } = await race(unguarded, pkg.control!, families.slice(0, 24));
    expect(seats).toBeGreaterThan(10);
    const violations = await t.services.bookings.capacityViolations('1448H');
    expect(violations.some((v) => v.kind === 'package' && v.key === pkg.control && v.booked > v.bound)).toBe(true);
  });
});
