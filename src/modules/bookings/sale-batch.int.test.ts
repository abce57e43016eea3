import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures, moments } from '../../testing/hajj-fixtures.ts';

/**
 * The open sale's group commit through the API: bookings that arrive together
 * are written in one batch, and each caller still gets its own answer — its
 * booking, or its own precise refusal — with seats given in order of arrival,
 * every booking audited and announced, and Idempotency-Keys kept.
 */
let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let pkg: Record<string, string>;
type Family = Awaited<ReturnType<ReturnType<typeof hajjFixtures>['family']>>;
const families: Family[] = [];
let pair: Family;
let awaiting: Family;
let late: Family;
const tokens = new Map<string, string>();

const book = (f: Family, packageId: string, key?: string, headers = f.admin.headers) =>
  fx.api('POST', '/seasons/1448H/sale/bookings', { ...headers, 'admission-token': tokens.get(f.admin.accountId)!, ...(key ? { 'idempotency-key': key } : {}) }, { packageId });

beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  let ministry: Record<string, string>;
  ({ ministry, packages: pkg } = await fx.season({ FR: 100 }, { hot: { capacity: 6, countries: ['FR'] }, gb: { capacity: 40, countries: ['GB'] }, spare: { capacity: 10, countries: ['FR'] } }));
  t.clock.set(moments.preference);
  for (let i = 0; i < 8; i++) families.push(await fx.family('FR', 1, []));
  pair = await fx.family('FR', 2, []);
  awaiting = await fx.family('FR', 1, [], { documents: 'none' });
  late = await fx.family('FR', 1, []);
  expect((await fx.api('PUT', '/seasons/1448H/sale', ministry, { admitPerMinute: 1000, firstBatch: 100, tokenMinutes: 60, holdMinutes: 30 })).statusCode).toBe(200);
  t.clock.set(moments.openSale);
  for (const f of [...families, pair, awaiting, late]) {
    const res = await fx.api('POST', '/seasons/1448H/sale/queue', f.admin.headers);
    tokens.set(f.admin.accountId, res.json().admissionToken);
  }
}, 120_000);
afterAll(async () => t?.close());

describe('bookings that arrive together in the open sale', () => {
  it('give each caller its own answer: seats to the first to fit, a precise refusal to the others, nothing oversold', async () => {
    const before = await t.tableCounts();
    const [pairAnswer, ...answers] = await Promise.all([
      book(pair, pkg.hot!),
      ...families.map((f) => book(f, pkg.hot!)),
      book(families[0]!, pkg.hot!), // the same family twice at once
      book(families[1]!, pkg.gb!), // not open to FR
      book(awaiting, pkg.hot!), // documents awaited
      fx.api('POST', '/seasons/1448H/sale/bookings', { ...families[2]!.admin.headers, 'admission-token': tokens.get(pair.admin.accountId)! }, { packageId: pkg.hot! }), // someone else's admission
    ]);
    const codes = [pairAnswer!, ...answers].map((r) => (r.statusCode === 201 ? 'booked' : r.json().code));
    for (const r of [pairAnswer!, ...answers]) if (r.statusCode !== 201) expect(r.headers['content-type']).toContain('application/problem+json');
    expect(codes.slice(-3)).toEqual(['booking.package_unsuitable', 'pilgrim.documents_awaited', 'sale.admission_required']);
    const seats = [pairAnswer!, ...answers].filter((r) => r.statusCode === 201).reduce((n, r) => n + (r.json().seats as number), 0);
    expect(seats).toBe(6);
    expect(codes.filter((c) => c === 'booking.already_booked').length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => ['booked', 'booking.sold_out', 'booking.already_booked', 'booking.package_unsuitable', 'pilgrim.documents_awaited', 'sale.admission_required'].includes(c))).toBe(true);
    expect(await t.services.bookings.capacityViolations('1448H')).toEqual([]);

    // Every booking with its audit record, its event for the provider and its email, in the same commit.
    const booked = codes.filter((c) => c === 'booked').length;
    const after = await t.tableCounts();
    expect(after.bookings! - before.bookings!).toBe(booked);
    const held = await t.db.kysely.selectFrom('audit_log').select('subject_id').where('action', '=', 'booking.held').execute();
    expect(held).toHaveLength(booked);
    const events = await t.db.kysely.selectFrom('domain_events').select('id').where('type', '=', 'booking.created').execute();
    expect(events).toHaveLength(booked);
    const emails = await t.db.kysely.selectFrom('outbox_messages').select('id').where('template', '=', 'booking_offered').execute();
    expect(emails).toHaveLength(booked);
  });

  it('gives a retry with the same Idempotency-Key the first answer, also when the retries arrive together', async () => {
    const [first, again] = await Promise.all([book(late, pkg.spare!, 'batch-key-0001'), book(late, pkg.spare!, 'batch-key-0001')]);
    // One is written; the other waited for it and was given its answer again, or was told it is still in flight.
    const written = [first!, again!].filter((r) => r.statusCode === 201 && r.headers['idempotent-replayed'] !== 'true');
    expect(written).toHaveLength(1);
    const other = [first!, again!].find((r) => r !== written[0])!;
    expect(other.statusCode === 201 ? other.headers['idempotent-replayed'] : other.json().code).toBe(other.statusCode === 201 ? 'true' : 'idempotency.in_flight');
    const settled = await book(late, pkg.spare!, 'batch-key-0001');
    expect(settled.statusCode).toBe(201);
    expect(settled.headers['idempotent-replayed']).toBe('true');
    expect(settled.json()).toEqual(written[0]!.json());
    expect((await book(late, pkg.gb!, 'batch-key-0001')).json().code).toBe('idempotency.key_reused');
    // A refusal is kept under its key too.
    const refused = await book(late, pkg.hot!, 'batch-key-0002');
    expect(refused.json().code).toBe('booking.already_booked');
    const refusedAgain = await book(late, pkg.hot!, 'batch-key-0002');
    expect(refusedAgain.headers['idempotent-replayed']).toBe('true');
    expect(refusedAgain.json().code).toBe('booking.already_booked');
  });
});
