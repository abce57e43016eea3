import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { hajjFixtures, moments } from '../testing/hajj-fixtures.ts';
import { sampleApplication } from '../modules/providers/index.ts';

/**
 * The same request, sent several times at once (a double tap, a retrying
 * client, two clerks importing one file). Every rule that a read checks and a
 * constraint guards must answer the same precise way when the race is lost:
 * one request wins, the others get the rule's own answer — never a 500, never
 * the generic conflict — and the data holds exactly one copy.
 */
let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
}, 60_000);
afterAll(async () => t?.close());

const TIMES = 6;
const all = <T>(make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: TIMES }, (_, i) => make(i)));
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(t.db.kysely)).rows[0]!.n);

describe('the same request at once', () => {
  it('imports one bank statement six times at once: every answer 200, each transaction credited once, the rest reported as duplicates', async () => {
    const admin = (await t.signInAs('ministry_admin')).headers;
    const pilgrim = await t.signInAs('pilgrim');
    const { bankReference } = (await fx.api('GET', '/wallet', pilgrim.headers)).json();
    // An earlier statement: the bank's clearing account exists, so nothing but the lines themselves can order the imports.
    const earlier = await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n2026-05-02,${bankReference},1.00,TX-0\n` as never);
    expect(earlier.statusCode).toBe(200);
    const csv = `date,reference,amount,transaction_id\n2026-05-03,${bankReference},100.00,TX-B\n2026-05-03,${bankReference},50.00,TX-A\n2026-05-03,NOSUCHREF,5.00,TX-C\n`;
    const answers = await all(() => fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, csv as never));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const bodies = answers.map((a) => a.json() as { credited: unknown[]; duplicates: number[]; unmatched: unknown[] });
    expect(bodies.flatMap((b) => b.credited)).toHaveLength(2);
    expect(bodies.filter((b) => b.duplicates.length === 2)).toHaveLength(TIMES - 1);
    for (const b of bodies) expect(b.unmatched).toHaveLength(1);
    expect((await fx.api('GET', '/wallet', pilgrim.headers)).json().balance).toBe(15_100);
  });

  it('registers one account when the same email signs up six times at once; the others are told it is taken', async () => {
    const email = `twice.${Date.now()}@example.org`;
    const answers = await all(() => fx.api('POST', '/auth/register', {}, { email, password: 'a long enough passphrase 1', displayName: 'Twice' }));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) expect(a.json().code, a.body).toBe('account.email_taken');
    expect(await count(sql`select count(*)::int as n from accounts where email = ${email}`)).toBe(1);
  });

  it('keeps one passport on one account when six accounts claim it at once', async () => {
    const people = await all(() => t.signInAs('pilgrim'));
    const profile = {
      residenceCountry: 'FR', nationality: 'FR', givenNamesLatin: 'Same', familyNameLatin: 'Passport', fullNameArabic: 'جواز واحد',
      dateOfBirth: '1980-01-01', gender: 'male', passportNumber: 'SAME00001', passportExpiry: '2031-01-01',
    };
    const answers = await all((i) => fx.api('PUT', '/pilgrim/profile', people[i]!.headers, profile));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 200)) expect(a.json().code, a.body).toBe('pilgrim.passport_taken');
  });

  it('registers one provider when six applicants send the same commercial registration at once', async () => {
    const people = await all(() => t.signInAs('pilgrim'));
    const application = sampleApplication({ crNumber: '4030999999', licenceNumber: 'HJ-DUP-0001' });
    const answers = await all((i) => fx.api('POST', '/providers', people[i]!.headers, application));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) expect(a.json().code, a.body).toBe('provider.duplicate_registration');
  });

  it('opens one application when the same person applies six times at once', async () => {
    await fx.season({ FR: 10 }, {});
    t.clock.set(moments.preference);
    const person = await fx.pilgrim('FR');
    const answers = await all(() => fx.api('POST', '/applications', person.headers, { season: '1448H' }));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) expect(a.json().code, a.body).toBe('application.already_applied');
  });

  it('freezes a season once when six officers press freeze at once', async () => {
    t.clock.set(moments.frozen);
    const admin = (await t.signInAs('ministry_admin')).headers;
    const answers = await all(() => fx.api('POST', '/seasons/1448H/draw/freeze', admin, {}));
    expect(answers.filter((a) => a.statusCode < 300)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode >= 300)) expect(a.json().code, a.body).toBe('draw.already_frozen');
    expect(await count(sql`select count(*)::int as n from draws where season = '1448H'`)).toBe(1);
  });
});
