import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures, moments } from '../../testing/hajj-fixtures.ts';
import { createHmac, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { platformSecret } from '../../db/platform-secrets.ts';
import { locales } from '../../common/i18n.ts';
import { readInvoiceQr, signClaim } from '../documents/index.ts';
import { liveStatuses } from '../bookings/index.ts';
import { samplePackage } from '../catalogue/index.ts';

let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let admin: Record<string, string>;
let pkg: Record<string, string>;
let provider: Record<string, string>;
type Family = Awaited<ReturnType<ReturnType<typeof hajjFixtures>['family']>>;
let rich: Family;
let poor: Family;
let late: Family;
const bookingOf: Record<string, { id: string; amountDue: number }> = {};
const ctx = { requestId: 'test', actor: null };
let planFamily: Family;
const approveVisaDocuments = (accountId: string) => fx.approveDocuments(accountId, ['residence_proof', 'vaccination_certificate']);

async function hold(f: Family, deadline: string, packageId = pkg.a!) {
  const row = await t.db.kysely.transaction().execute((trx) =>
    t.services.bookings.hold(ctx, trx, { season: '1448H', applicationId: f.id, adminAccountId: f.admin.accountId, packageId, seats: f.size, country: 'FR' }, 'draw', new Date(deadline)));
  if (!('booking' in row) || !row.booking) throw new Error('no room');
  return { id: row.booking.id, amountDue: row.booking.amount_due };
}
const transfers = async () => Number((await sql<{ n: number }>`select count(*)::int as n from ledger_transfers`.execute(t.db.kysely)).rows[0]!.n);
const riyals = (halalas: number) => (halalas / 100).toFixed(2);

beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  ({ ministry: admin, packages: pkg, provider } = await fx.season({ FR: 100 }, { a: { capacity: 50, countries: ['FR'] } }));
  t.clock.set(moments.preference);
  rich = await fx.family('FR', 2, []);
  poor = await fx.family('FR', 1, []);
  late = await fx.family('FR', 1, []);
  bookingOf.rich = await hold(rich, '2026-05-20T00:00:00Z');
  bookingOf.poor = await hold(poor, '2026-05-20T00:00:00Z');
  bookingOf.late = await hold(late, '2026-05-04T00:00:00Z');
}, 60_000);
afterAll(async () => t?.close());

describe('the wallet', () => {
  let reference = '';
  it('has a bank reference and starts empty', async () => {
    const w = (await fx.api('GET', '/wallet', rich.admin.headers)).json();
    expect(w).toMatchObject({ balance: 0, available: 0, history: [] });
    expect(w.bankReference).toMatch(/^MN[A-Z2-9]{8}$/);
    reference = w.bankReference;
    await fx.api('GET', '/wallet', late.admin.headers); // late's wallet exists too
  });

  it('is topped up from a bank statement: each transaction once, unknown references reported, never guessed', async () => {
    const lateRef = (await fx.api('GET', '/wallet', late.admin.headers)).json().bankReference;
    const csv = `date,reference,amount,transaction_id\n2026-05-03,${reference},${riyals(bookingOf.rich!.amountDue + 10_000)},TX-1001\n2026-05-03,${reference},${riyals(bookingOf.rich!.amountDue + 10_000)},TX-1001\n2026-05-03,MNNOSUCHREF,50.00,TX-1002\n2026-05-03,${lateRef.toLowerCase()},${riyals(bookingOf.late!.amountDue)},TX-1003\n`;
    const res = await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, csv as never);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ credited: [{ line: 2 }, { line: 5 }], duplicates: [3], unmatched: [{ line: 4, reference: 'MNNOSUCHREF', amount: 5000 }] });
    const again = (await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, csv as never)).json();
    expect(again).toMatchObject({ credited: [], duplicates: [2, 3, 5] });
    expect((await fx.api('GET', '/wallet', rich.admin.headers)).json().balance).toBe(bookingOf.rich!.amountDue + 10_000);
  });

  it('refuses a statement it cannot read, crediting nothing', async () => {
    const before = await transfers();
    const res = await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n2026-05-03,${reference},12.345,TX-2001\n` as never);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'wallet.bad_statement' });
    expect(await transfers()).toBe(before);
  });
});

describe('paying a booking', () => {
  it('takes an instalment once, however often a double-clicked button sends it', async () => {
    const half = Math.floor(bookingOf.rich!.amountDue / 2);
    const headers = { ...rich.admin.headers, 'idempotency-key': 'pay-rich-0001' };
    const before = await transfers();
    const first = await fx.api('POST', `/bookings/${bookingOf.rich!.id}/pay`, headers, { amount: half });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().booking).toMatchObject({ status: 'held', amountPaid: half });
    const second = await fx.api('POST', `/bookings/${bookingOf.rich!.id}/pay`, headers, { amount: half });
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await transfers()).toBe(before + 2); // provider and VAT legs, once
    const other = await fx.api('POST', `/bookings/${bookingOf.rich!.id}/pay`, headers, { amount: half + 1 });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency.key_reused');
    expect((await fx.api('POST', `/bookings/${bookingOf.rich!.id}/pay`, { ...rich.admin.headers, 'idempotency-key': 'x' }, {})).json().code).toBe('idempotency.bad_key');
  });

  it('confirms the booking with the payment that completes it, splitting VAT to the halala', async () => {
    const res = await fx.api('POST', `/bookings/${bookingOf.rich!.id}/pay`, { ...rich.admin.headers, 'idempotency-key': 'pay-rich-0002' }, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().booking).toMatchObject({ status: 'confirmed', amountPaid: bookingOf.rich!.amountDue });
    expect(res.json().wallet.balance).toBe(10_000);
    const legs = await sql<{ kind: string; total: number }>`select kind, sum(amount)::bigint as total from ledger_transfers where booking_id = ${bookingOf.rich!.id} group by kind order by kind`.execute(t.db.kysely);
    const price = (await t.services.catalogue.priceOf(t.db.kysely, pkg.a!, 1))!;
    expect(legs.rows.map((r) => [r.kind, Number(r.total)])).toEqual([['booking_payment', price.subtotal * 2], ['booking_vat', price.vat * 2]]);
    expect((await fx.api('POST', `/bookings/${bookingOf.rich!.id}/pay`, rich.admin.headers, {})).json().code).toBe('booking.not_held'); // confirmed: nothing is owed
  });

  it('refuses a payment the wallet cannot cover, and changes nothing', async () => {
    const before = await t.tableCounts();
    const res = await fx.api('POST', `/bookings/${bookingOf.poor!.id}/pay`, { ...poor.admin.headers, 'idempotency-key': 'pay-poor-0001' }, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('wallet.insufficient_funds');
    // It says how much is missing, in words and as a value a client can offer as the top-up.
    expect(res.json().params).toEqual({ missing: bookingOf.poor!.amountDue, available: 0, needed: bookingOf.poor!.amountDue });
    expect(res.json().title.replace(/\s/g, ' ')).toContain(`SAR ${(bookingOf.poor!.amountDue / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`);
    const after = await t.tableCounts();
    expect({ ...after, idempotency_keys: 0, ledger_accounts: 0 }).toEqual({ ...before, idempotency_keys: 0, ledger_accounts: 0 });
  });

  it('refuses to pay after the deadline: the money stays in the wallet', async () => {
    t.clock.set('2026-05-04T00:00:01Z');
    const res = await fx.api('POST', `/bookings/${bookingOf.late!.id}/pay`, late.admin.headers, {});
    expect(res.json().code).toBe('booking.deadline_passed');
    expect((await fx.api('GET', '/wallet', late.admin.headers)).json().balance).toBe(bookingOf.late!.amountDue);
  });

  it('follows the season\'s instalment plan: a completed step holds the seats until the next step\'s date', async () => {
    const bad = await fx.api('PUT', '/seasons/1448H/instalment-plan', admin, { steps: [{ percent: 30, daysBeforeArrival: null }, { percent: 60, daysBeforeArrival: 60 }] });
    expect(bad.json()).toMatchObject({ code: 'booking.bad_plan' });
    const set = await fx.api('PUT', '/seasons/1448H/instalment-plan', admin, { steps: [{ percent: 30, daysBeforeArrival: null }, { percent: 70, daysBeforeArrival: 60 }] });
    expect(set.statusCode, set.body).toBe(200);
    t.clock.set(moments.preference);
    const f = await fx.family('FR', 1, []);
    planFamily = f;
    t.clock.set('2026-05-03T00:00:00Z');
    const b = await hold(f, '2026-05-03T06:00:00Z');
    const reference = (await fx.api('GET', '/wallet', f.admin.headers)).json().bankReference;
    await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n2026-05-03,${reference},${riyals(b.amountDue)},TX-PLAN\n` as never);
    const before = (await fx.api('GET', `/bookings/${b.id}/schedule`, f.admin.headers)).json();
    expect(before).toEqual([
      { step: 1, amount: Math.floor(b.amountDue * 0.3), dueAt: '2026-05-03T06:00:00.000Z', paid: false },
      { step: 2, amount: b.amountDue - Math.floor(b.amountDue * 0.3), dueAt: '2027-03-10T21:00:00.000Z', paid: false },
    ]);
    const first = await fx.api('POST', `/bookings/${b.id}/pay`, f.admin.headers, { amount: Math.floor(b.amountDue * 0.3) });
    expect(first.json().booking).toMatchObject({ status: 'held', holdDeadline: '2027-03-10T21:00:00.000Z' });
    t.clock.set('2026-05-03T06:00:01Z'); // the offer's deadline passes: the booking stands
    expect(await t.services.workflows.expireHolds(10)).toBe(0);
    const rest = await fx.api('POST', `/bookings/${b.id}/pay`, f.admin.headers, {});
    expect(rest.json().booking).toMatchObject({ status: 'confirmed' });
    expect((await fx.api('GET', `/bookings/${b.id}/schedule`, f.admin.headers)).json().every((l: { paid: boolean }) => l.paid)).toBe(true);
    await fx.api('PUT', '/seasons/1448H/instalment-plan', admin, { steps: [{ percent: 100, daysBeforeArrival: null }] });
  });

  it('returns a paid instalment when the hold expires unpaid: no money without a booking', async () => {
    t.clock.set(moments.preference);
    const f = await fx.family('FR', 1, []);
    t.clock.set('2026-05-03T00:00:00Z');
    const b = await hold(f, '2026-05-03T12:00:00Z');
    const reference = (await fx.api('GET', '/wallet', f.admin.headers)).json().bankReference;
    await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n2026-05-03,${reference},${riyals(b.amountDue)},TX-EXP\n` as never);
    const instalment = Math.floor(b.amountDue / 3);
    expect((await fx.api('POST', `/bookings/${b.id}/pay`, f.admin.headers, { amount: instalment })).statusCode).toBe(200);
    expect((await fx.api('GET', '/wallet', f.admin.headers)).json().balance).toBe(b.amountDue - instalment);
    t.clock.set('2026-05-03T12:00:01Z');
    expect(await t.services.workflows.expireHolds(10)).toBeGreaterThanOrEqual(1);
    expect((await fx.api('GET', '/wallet', f.admin.headers)).json().balance).toBe(b.amountDue);
    expect(await t.db.kysely.selectFrom('bookings').select(['status', 'amount_paid']).where('id', '=', b.id).executeTakeFirstOrThrow()).toEqual({ status: 'expired', amount_paid: 0 });
    expect(await t.services.books.check()).toEqual([]);
  });

  it('lets only the family\'s admin pay', async () => {
    const stranger = await t.signInAs('pilgrim');
    expect((await fx.api('POST', `/bookings/${bookingOf.poor!.id}/pay`, stranger.headers, {})).json().code).toBe('booking.not_found');
  });
});

describe('the provider\'s side', () => {
  it('lists its bookings, exports the manifest of a package, and shows what it is owed', async () => {
    const list = await fx.api('GET', '/provider/bookings', provider);
    expect(list.statusCode, list.body).toBe(200);
    const listed = list.json() as { id: string; status: string; seats: number }[];
    expect(listed.map((b) => b.id)).toEqual(expect.arrayContaining([bookingOf.rich!.id, bookingOf.poor!.id, bookingOf.late!.id]));
    const live = listed.filter((b) => (liveStatuses as readonly string[]).includes(b.status));
    const manifest = await fx.api('GET', `/provider/packages/${pkg.a}/manifest.csv`, provider);
    expect(manifest.headers['content-type']).toMatch(/^text\/csv/);
    const lines = manifest.body.trim().split('\r\n');
    expect(lines[0]).toBe('booking,status,role,family_name,given_names,arabic_name,gender,date_of_birth,nationality,residence,passport_number,passport_expiry');
    expect(lines).toHaveLength(1 + live.reduce((n, b) => n + b.seats, 0)); // one line per pilgrim of a live booking
    expect(lines.filter((l) => l.startsWith(bookingOf.rich!.id))).toHaveLength(2);
    const price = (await t.services.catalogue.priceOf(t.db.kysely, pkg.a!, 1))!;
    expect((await fx.api('GET', '/provider/payouts', provider)).json()).toMatchObject({ owed: price.subtotal * 3 }); // rich (2 seats) and the family that paid by instalments (1)
    // Another provider sees none of it.
    const other = (await t.createLicensedProvider()).owner.headers;
    expect((await fx.api('GET', '/provider/bookings', other)).json()).toEqual([]);
    expect((await fx.api('GET', `/provider/packages/${pkg.a}/manifest.csv`, other)).json().code).toBe('package.not_found');
    expect((await fx.api('GET', '/provider/payouts', other)).json()).toEqual({ owed: 0, movements: [] });
  });
});

describe('booking documents', () => {
  it('issues the confirmation, a card per pilgrim and the receipt as PDF, in every language, to the family only', async () => {
    const members = (await t.db.kysely.selectFrom('application_members').select('account_id').where('application_id', '=', rich.id).execute()).map((m) => m.account_id);
    for (const url of [`/bookings/${bookingOf.rich!.id}/confirmation.pdf`, `/bookings/${bookingOf.rich!.id}/receipt.pdf`, ...members.map((m) => `/bookings/${bookingOf.rich!.id}/cards/${m}.pdf`)]) {
      for (const lang of locales) {
        const res = await fx.api('GET', url, { ...rich.admin.headers, 'accept-language': lang });
        expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        // The family's device may keep it for reading offline (the web app's worker never keeps a no-store answer); no shared cache may.
        expect(res.headers['cache-control']).toBe('private, no-cache');
        expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      }
    }
    expect((await fx.api('GET', `/bookings/${bookingOf.poor!.id}/confirmation.pdf`, poor.admin.headers)).json().code).toBe('booking.not_confirmed');
    expect((await fx.api('GET', `/bookings/${bookingOf.rich!.id}/receipt.pdf`, poor.admin.headers)).json().code).toBe('booking.not_found');
  });

  it('prints on a pilgrim card the photo, nationality and only the last four characters of the passport number', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const boundary = 'card-photo-boundary';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/v1/pilgrim/documents/photo', headers: { ...rich.admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const principal = await t.services.auth.authenticate(rich.admin.token);
    const { blocks } = await t.services.documents.cardContent({ actor: principal, locale: 'ar', requestId: 't' }, bookingOf.rich!.id, rich.admin.accountId);
    expect(blocks.find((b) => b.kind === 'photo')).toMatchObject({ kind: 'photo', bytes: png });
    const passport = (await t.db.kysely.selectFrom('pilgrim_profiles').select('passport_number').where('account_id', '=', rich.admin.accountId).executeTakeFirstOrThrow()).passport_number;
    const text = JSON.stringify(blocks.filter((b) => b.kind !== 'photo' && b.kind !== 'image'));
    expect(text).toContain('["الجنسية","فرنسا"]');
    expect(text).toContain(`•••• ${passport.slice(-4)}`);
    expect(text).not.toContain(passport);
    // A reviewer approves the new photo (the visa readiness below counts on it).
    await t.db.kysely.updateTable('pilgrim_documents').set({ status: 'approved', reviewed_at: t.clock.now() }).where('account_id', '=', rich.admin.accountId).where('type', '=', 'photo').where('status', '=', 'pending').execute();
  });

  it('makes the receipt a simplified tax invoice: seller and VAT number, buyer, lines with their VAT, totals, and the e-invoicing QR code', async () => {
    const principal = await t.services.auth.authenticate(rich.admin.token);
    const { blocks, qr } = await t.services.documents.invoice({ actor: principal, locale: 'en', requestId: 't' }, bookingOf.rich!.id);
    const text = JSON.stringify(blocks.filter((b) => b.kind !== 'image'));
    const price = (await t.services.catalogue.priceOf(t.db.kysely, pkg.a!, 1))!;
    const seller = (await t.services.providers.seller(t.db.kysely, price.providerId))!;
    expect(text).toContain('Simplified tax invoice');
    expect(text).toContain(seller.vatNumber);
    expect(text).toContain(seller.nameAr);
    expect(text).toContain('"Buyer","Test Pilgrim');
    const table = blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows.map((r) => r[3])).toEqual(price.lines.map((l) => (l.vatCategory === 'zero' ? '0%' : '15%')));
    const sar = (h: number) => `${(h / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} SAR`;
    expect(text).toContain(`["Total VAT","${sar(price.vat * 2)}"]`);
    expect(text).toContain(`["Total incl. VAT","${sar(price.total * 2)}"]`);
    expect(text).not.toMatch(/Net paid/);
    // The QR code: TLV of seller name, VAT number, time of issue, total with VAT, VAT total.
    const [name, vatNumber, at, total, vat] = readInvoiceQr(qr);
    expect({ name, vatNumber, total, vat }).toEqual({ name: seller.nameAr, vatNumber: seller.vatNumber, total: (price.total * 2 / 100).toFixed(2), vat: (price.vat * 2 / 100).toFixed(2) });
    expect(at).toBe(t.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z'));
  });

  it('lets a gate check a pilgrim card\'s code (Ed25519, public key only), and refuses a forged one', async () => {
    const gate = (await t.signInAs('gate_officer')).headers;
    const token = signClaim(await t.services.signing.signer(), { kind: 'pilgrim', bookingId: bookingOf.rich!.id, accountId: rich.admin.accountId, season: '1448H' }, t.clock.now());
    const keys = (await fx.api('GET', '/signing/keys', {})).json() as { keyId: number; publicKey: string }[];
    const payload = Buffer.from(token, 'base64url');
    const key = keys.find((k) => k.keyId === payload.readUInt16BE(2))!;
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.publicKey, 'base64url')]);
    expect(verify(null, payload.subarray(0, -64), createPublicKey({ key: spki, format: 'der', type: 'spki' }), payload.subarray(-64))).toBe(true);
    expect((await fx.api('GET', `/documents/verify?token=${token}`, gate)).json()).toMatchObject({ valid: true, kind: 'pilgrim', confirmed: true, accountId: rich.admin.accountId, keyId: key.keyId });
    const stranger = generateKeyPairSync('ed25519');
    const forged = signClaim({ keyId: key.keyId, sign: (p) => new Uint8Array(sign(null, p, stranger.privateKey)) }, { kind: 'pilgrim', bookingId: bookingOf.rich!.id, accountId: rich.admin.accountId, season: '1448H' }, t.clock.now());
    expect((await fx.api('GET', `/documents/verify?token=${forged}`, gate)).json()).toEqual({ valid: false });
    // A code printed before the move (HMAC) is still checked online.
    const secret = await platformSecret(t.db.kysely, t.clock, 'document-token');
    const body = Buffer.from(JSON.stringify(['pilgrim', bookingOf.rich!.id, rich.admin.accountId, '1448H'])).toString('base64url');
    const legacy = `mnsk1.${body}.${createHmac('sha256', secret).update(`mnsk1.${body}`).digest('base64url')}`;
    expect((await fx.api('GET', `/documents/verify?token=${legacy}`, gate)).json()).toMatchObject({ valid: true, keyId: null, confirmed: true });
  });
});

describe('visa readiness', () => {
  it('shows each member of the country\'s bookings: confirmed, documents approved, vaccination valid', async () => {
    // The family admin's four visa documents were reviewed and approved (fixture rows).
    await approveVisaDocuments(rich.admin.accountId);
    const mission = (await t.signInAs('mission_officer', { countryCode: 'FR' })).headers;
    const rows = (await fx.api('GET', '/missions/visa-readiness?season=1448H', mission)).json() as { bookingId: string; accountId: string; bookingConfirmed: boolean; documentsApproved: boolean; vaccinationValid: boolean; ready: boolean }[];
    const richRows = rows.filter((r) => r.bookingId === bookingOf.rich!.id);
    expect(richRows).toHaveLength(2);
    expect(richRows.find((r) => r.accountId === rich.admin.accountId)).toMatchObject({ bookingConfirmed: true, documentsApproved: true, vaccinationValid: true, ready: true });
    expect(richRows.find((r) => r.accountId !== rich.admin.accountId)).toMatchObject({ bookingConfirmed: true, documentsApproved: false, ready: false });
    expect(rows.find((r) => r.bookingId === bookingOf.poor!.id)).toMatchObject({ bookingConfirmed: false, ready: false });
    const csv = await fx.api('GET', '/missions/visa-readiness.csv?season=1448H', mission);
    const csvLines = csv.body.trimEnd().split('\r\n');
    expect(csvLines[0]).toBe('booking,account,name,booking_confirmed,documents_approved,missing_documents,vaccination_valid,ready');
    const adminLine = csvLines.find((l) => l.includes(rich.admin.accountId))!.split(',');
    expect(adminLine.slice(3)).toEqual(['true', 'true', '', 'true', 'true']);
    expect(csvLines.find((l) => l.startsWith(bookingOf.poor!.id))!.split(',')[3]).toBe('false');
    const gb = (await t.signInAs('mission_officer', { countryCode: 'GB' })).headers;
    expect((await fx.api('GET', '/missions/visa-readiness?season=1448H', gb)).json()).toEqual([]);
  });

  it('lets the mission submit the families that are ready, and the season complete their bookings after it ends', async () => {
    const mission = (await t.signInAs('mission_officer', { countryCode: 'FR' })).headers;
    await approveVisaDocuments(planFamily.admin.accountId);
    const submitted = (await fx.api('POST', '/missions/visa-ready?season=1448H', mission)).json();
    expect(submitted.marked).toBe(1); // the family paid by instalments; the rich family's second member still lacks documents
    const planBooking = (await t.db.kysely.selectFrom('bookings').select(['id', 'status']).where('application_id', '=', planFamily.id).executeTakeFirstOrThrow());
    expect(planBooking.status).toBe('visa_ready');
    expect((await fx.api('GET', `/bookings/${planBooking.id}/confirmation.pdf`, planFamily.admin.headers)).statusCode).toBe(200);
    expect((await fx.api('POST', '/seasons/1448H/complete', admin)).json().code).toBe('booking.season_not_over');
    const now = t.clock.now();
    t.clock.set('2027-05-26T00:00:00Z'); // (the test's sign-ins have expired by then: the service directly)
    expect(await t.services.bookings.completeSeason({ requestId: 'test', actor: null, locale: 'en', system: true }, '1448H')).toEqual({ completed: 1 });
    t.clock.set(now);
    expect((await t.db.kysely.selectFrom('bookings').select('status').where('id', '=', planBooking.id).executeTakeFirstOrThrow()).status).toBe('completed');
    expect(await t.services.books.check()).toEqual([]);
  });
});

describe('cancelling', () => {
  it('previews and then refunds by the season\'s schedule, returning the seats', async () => {
    t.clock.set('2026-05-05T00:00:00Z');
    const schedule = await fx.api('PUT', '/seasons/1448H/refund-schedule', admin, { rules: [{ minDaysBefore: 400, feeBps: 0 }, { minDaysBefore: 300, feeBps: 1500 }] });
    expect(schedule.statusCode, schedule.body).toBe(200);
    const paid = bookingOf.rich!.amountDue;
    const preview = (await fx.api('GET', `/bookings/${bookingOf.rich!.id}/cancellation`, rich.admin.headers)).json();
    expect(preview).toMatchObject({ paid, fee: Math.floor(paid * 0.15), refund: paid - Math.floor(paid * 0.15), daysBefore: 369 });
    const taken = async () => (await t.db.kysely.selectFrom('packages').select('seats_taken').where('id', '=', pkg.a!).executeTakeFirstOrThrow()).seats_taken;
    const seatsBefore = await taken();
    const balanceBefore = (await fx.api('GET', '/wallet', rich.admin.headers)).json().balance;
    const res = await fx.api('POST', `/bookings/${bookingOf.rich!.id}/cancel`, { ...rich.admin.headers, 'idempotency-key': 'cancel-rich-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().wallet.balance).toBe(balanceBefore + preview.refund);
    expect(await taken()).toBe(seatsBefore - 2);
    const again = await fx.api('POST', `/bookings/${bookingOf.rich!.id}/cancel`, { ...rich.admin.headers, 'idempotency-key': 'cancel-rich-01' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await fx.api('POST', `/bookings/${bookingOf.rich!.id}/cancel`, rich.admin.headers)).json().code).toBe('booking.not_cancellable');
    expect(await t.services.books.check()).toEqual([]);
    // The provider's systems heard the whole story, once each.
    const events = await t.db.kysely.selectFrom('domain_events').select(['type', 'payload']).where('subject_id', '=', bookingOf.rich!.id).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['booking.created', 'booking.confirmed', 'booking.cancelled']);
    expect(events[2]!.payload).toMatchObject({ reason: 'pilgrim', seats: 2 });
  });

  it('refunds everything, at once, when the provider is suspended', async () => {
    const family = await (async () => {
      t.clock.set(moments.preference);
      const f = await fx.family('FR', 1, []);
      t.clock.set('2026-05-05T00:00:00Z');
      return f;
    })();
    const b = await hold(family, '2026-05-20T00:00:00Z');
    const reference = (await fx.api('GET', '/wallet', family.admin.headers)).json().bankReference;
    await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n2026-05-05,${reference},${riyals(b.amountDue)},TX-SUSP\n` as never);
    await fx.api('POST', `/bookings/${b.id}/pay`, family.admin.headers, { amount: 1000 });
    const providerId = (await t.db.kysely.selectFrom('packages').select('provider_id').where('id', '=', pkg.a!).executeTakeFirstOrThrow()).provider_id;
    await t.services.workflows.decideLicence({ requestId: 'test', actor: null, locale: 'en', system: true }, providerId, 'suspend', { reason: 'licence breach' });
    const after = await t.db.kysely.selectFrom('bookings').select(['status', 'amount_paid']).where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'cancelled', amount_paid: 0 });
    expect((await fx.api('GET', '/wallet', family.admin.headers)).json().balance).toBe(b.amountDue);
    expect(await t.services.books.check()).toEqual([]);
  });
});

describe('the ledger', () => {
  it('balances, and its check finds nothing wrong', async () => {
    expect(await t.services.books.check()).toEqual([]);
  });

  it('never changes a transfer', async () => {
    await expect(sql`update ledger_transfers set amount = amount + 1`.execute(t.db.kysely)).rejects.toThrow(/immutable/);
    await expect(sql`delete from ledger_transfers`.execute(t.db.kysely)).rejects.toThrow(/immutable/);
  });

  it('resolves a hold exactly once', async () => {
    const { ledger } = t.services;
    await t.db.kysely.transaction().execute(async (trx) => {
      const card = await ledger.platform(trx, 'card');
      const wallet = await ledger.wallet(trx, poor.admin.accountId);
      const id = await ledger.hold(trx, { debit: card.id, credit: wallet.id, amount: 500, kind: 'top_up_card' }, new Date('2026-06-01T00:00:00Z'));
      expect((await ledger.balance(trx, wallet.id))).toMatchObject({ posted: 0, pendingCredits: 500 });
      await ledger.resolve(trx, id, 'post');
      expect((await ledger.balance(trx, wallet.id))).toMatchObject({ posted: 500, pendingCredits: 0 });
    });
    const [pending] = await sql<{ id: string }>`select id from ledger_transfers where flags = 'pending'`.execute(t.db.kysely).then((r) => r.rows);
    await expect(t.db.kysely.transaction().execute((trx) => t.services.ledger.resolve(trx, pending!.id, 'void'))).rejects.toMatchObject({ code: 'ledger.already_resolved' });
  });

  it('reports a booking whose paid amount disagrees with its entries', async () => {
    await sql`update bookings set amount_paid = amount_paid + 1 where id = ${bookingOf.poor!.id}`.execute(t.db.kysely);
    const problems = await t.services.books.check();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(bookingOf.poor!.id);
    await sql`update bookings set amount_paid = amount_paid - 1 where id = ${bookingOf.poor!.id}`.execute(t.db.kysely);
  });

  it('keeps idempotency answers at least a day and forgets them after two', async () => {
    const count = async (since = '2000-01-01T00:00:00Z') => Number((await sql<{ n: number }>`select count(*)::int as n from idempotency_keys where created_at >= ${new Date(since)}`.execute(t.db.kysely)).rows[0]!.n);
    const recent = await count('2026-05-04T12:00:00Z');
    expect(recent).toBeGreaterThan(0);
    expect(await count()).toBeGreaterThan(recent);
    t.clock.set('2026-05-06T12:00:00Z');
    await t.services.payments.purgeIdempotencyKeys();
    expect(await count()).toBe(recent); // younger than two days: kept
    t.clock.set('2026-05-09T00:00:00Z'); // two days after the last
    await t.services.payments.purgeIdempotencyKeys();
    expect(await count()).toBe(0);
  });
});

describe('documents before paying', () => {
  it('refuses to pay an offer while a member\'s passport scan or photo awaits review, naming each member and document', async () => {
    const now = t.clock.now();
    t.clock.set(moments.preference);
    const waiting = await fx.family('FR', 2, [], { documents: 'none' });
    await fx.approveDocuments(waiting.admin.accountId, ['passport_scan']); // the admin's photo and the member's two documents still wait
    const seller = await t.createLicensedProvider();
    const created = await fx.api('POST', '/packages', seller.owner.headers, samplePackage({ eligibleCountries: ['FR'], capacity: 10 }));
    await fx.api('POST', `/packages/${created.json().id}/publish`, seller.owner.headers);
    const b = await hold(waiting, '2026-05-20T00:00:00Z', created.json().id);
    t.clock.set(now);
    const { bankReference } = (await fx.api('GET', '/wallet', waiting.admin.headers)).json();
    await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n2026-05-03,${bankReference},${riyals(b.amountDue)},TX-DOCS\n` as never);
    const before = await t.tableCounts();
    const res = await fx.api('POST', `/bookings/${b.id}/pay`, { ...waiting.admin.headers, 'idempotency-key': 'pay-docs-0001' }, {});
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('pilgrim.documents_awaited');
    const missing = res.json().params.missing as { label: string; items: string[] }[];
    expect(missing.map((m) => m.items)).toEqual([['photo'], ['passport_scan', 'photo']]);
    expect(res.json().title).toMatch(/^Before accepting or paying an offer, these documents must be approved: Test Pilgrim \w+ \(photo\); Test Pilgrim \w+ \(passport scan and photo\)/);
    const arabic = await fx.api('POST', `/bookings/${b.id}/pay`, { ...waiting.admin.headers, 'accept-language': 'ar' }, {});
    expect(arabic.json().title).toMatch(/صورة الجواز و\s?الصورة الشخصية/);
    expect({ ...(await t.tableCounts()), idempotency_keys: 0 }).toEqual({ ...before, idempotency_keys: 0 });
    // Once a reviewer approves them, the same payment goes through.
    await fx.approveDocuments(waiting.admin.accountId, ['photo']);
    const member = (await t.db.kysely.selectFrom('application_members').select('account_id').where('application_id', '=', waiting.id).where('account_id', '!=', waiting.admin.accountId).executeTakeFirstOrThrow()).account_id;
    await fx.approveDocuments(member, ['passport_scan', 'photo']);
    const paid = await fx.api('POST', `/bookings/${b.id}/pay`, { ...waiting.admin.headers, 'idempotency-key': 'pay-docs-0002' }, {});
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().booking.status).toBe('confirmed');
  });
});
