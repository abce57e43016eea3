import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { samplePackage } from '../catalogue/index.ts';

let t: TestApp;
let ministry: Record<string, string>;
const pkgs: Record<string, string> = {};

// The test clock starts at 2026-05-01T08:00Z: registration. Preferences open on 10 May
// (within the bearer tokens' 30 days, so the test's sign-ins stay valid).
const calendar = {
  registrationOpens: '2026-04-01T00:00:00Z', preferenceOpens: '2026-05-10T00:00:00Z', preferenceCloses: '2026-06-01T00:00:00Z',
  drawAt: '2026-06-02T00:00:00Z', offersClose: '2026-06-20T00:00:00Z', openSaleAt: '2026-06-25T00:00:00Z', visaCutoff: '2026-09-01T00:00:00Z',
  referenceDate: '2027-05-15', arrivalDate: '2027-05-10', seasonEnd: '2027-05-25',
};
const IN_PREFERENCE = '2026-05-15T00:00:00Z';
const IN_REGISTRATION = '2026-05-01T08:00:00Z';

let serial = 0;
async function pilgrim(country = 'FR', extra: object = {}) {
  const p = await t.signInAs('pilgrim');
  const res = await t.app.inject({
    method: 'PUT', url: '/api/v1/pilgrim/profile', headers: p.headers,
    payload: {
      residenceCountry: country, nationality: country, givenNamesLatin: 'Test', familyNameLatin: `Pilgrim ${[...String(serial)].map((d) => 'abcdefghij'[Number(d)]).join('')}`, fullNameArabic: 'حاج تجريبي',
      dateOfBirth: '1980-01-01', gender: 'male', passportNumber: `PP${String(++serial).padStart(6, '0')}`, passportExpiry: '2031-01-01',
      meningococcalVaccination: '2026-10-01', ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return p;
}

const api = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { ...headers, 'accept-language': 'en' }, ...(payload !== undefined ? { payload: payload as object } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  ministry = (await t.signInAs('ministry_officer')).headers;
  expect((await api('PUT', '/seasons/1448H', ministry, calendar)).statusCode).toBe(200);
  await api('POST', '/seasons/1448H/quotas/import', { ...ministry, 'content-type': 'text/csv' }, 'country,seats\nFR,100\nGB,80\n' as never);
  const provider = await t.createLicensedProvider();
  for (const [name, input] of Object.entries({
    paris: samplePackage({ eligibleCountries: ['FR', 'GB'], capacity: 50 }),
    london: samplePackage({ eligibleCountries: ['GB'], capacity: 50 }),
    tiny: samplePackage({ eligibleCountries: ['FR'], capacity: 1 }),
    lyon: samplePackage({ eligibleCountries: ['FR'], capacity: 30 }),
  })) {
    const res = await api('POST', '/packages', provider.owner.headers, input);
    pkgs[name] = res.json().id;
    await api('POST', `/packages/${pkgs[name]}/publish`, provider.owner.headers);
  }
});
afterAll(async () => t?.close());

describe('family applications', () => {
  it('needs a profile first', async () => {
    const bare = await t.signInAs('pilgrim');
    expect((await api('POST', '/applications', bare.headers, { season: '1448H' })).json().code).toBe('pilgrim.profile_missing');
  });

  it('an admin starts it and adds members of the same country; members read it without changing it', async () => {
    const admin = await pilgrim('FR');
    const created = await api('POST', '/applications', admin.headers, { season: '1448H' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ country: 'FR', readOnly: false, eligible: true, members: [{ role: 'admin', eligible: true }] });

    const member = await pilgrim('FR');
    const added = await api('POST', `/applications/${id}/members`, admin.headers, { email: member.email });
    expect(added.json().members).toHaveLength(2);

    const asMember = await api('GET', '/applications/mine?season=1448H', member.headers);
    expect(asMember.json()).toMatchObject({ id, readOnly: true });
    const refused = await api('POST', `/applications/${id}/members`, member.headers, { email: admin.email });
    expect(refused.json().code).toBe('application.admin_only');

    const abroad = await pilgrim('GB');
    expect((await api('POST', `/applications/${id}/members`, admin.headers, { email: abroad.email })).json().code).toBe('application.family_rule');

    // One person, one application per season.
    const again = await api('POST', '/applications', member.headers, { season: '1448H' });
    expect(again.json().code).toBe('application.already_applied');
    const otherAdmin = await pilgrim('FR');
    const otherApp = (await api('POST', '/applications', otherAdmin.headers, { season: '1448H' })).json().id;
    expect((await api('POST', `/applications/${otherApp}/members`, otherAdmin.headers, { email: member.email })).json().code).toBe('application.already_applied');

    const removed = await api('DELETE', `/applications/${id}/members/${member.accountId}`, admin.headers);
    expect(removed.json().members).toHaveLength(1);
  });

  it('shows exactly which rule fails for whom, in the reader\'s language', async () => {
    const admin = await pilgrim('FR');
    const id = (await api('POST', '/applications', admin.headers, { season: '1448H' })).json().id;
    const young = await pilgrim('FR', { dateOfBirth: '2013-01-01', meningococcalVaccination: '2027-05-05' });
    const res = await api('POST', `/applications/${id}/members`, admin.headers, { email: young.email });
    const member = res.json().members.find((m: { accountId: string }) => m.accountId === young.accountId);
    expect(res.json().eligible).toBe(false);
    expect(member.failedRules.map((r: { code: string }) => r.code)).toEqual(['min_age', 'meningococcal_vaccination']);
    expect(member.failedRules[0].message).toBe('Must be at least 15 years old on the season reference date.');
  });
});

describe('ranking packages', () => {
  let admin: Awaited<ReturnType<typeof pilgrim>>;
  let id: string;
  beforeAll(async () => {
    admin = await pilgrim('FR');
    id = (await api('POST', '/applications', admin.headers, { season: '1448H' })).json().id;
    await api('POST', `/applications/${id}/members`, admin.headers, { email: (await pilgrim('FR')).email });
  });

  it('is refused before the preference phase opens', async () => {
    t.clock.set(IN_REGISTRATION);
    const res = await api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: [pkgs.paris] });
    expect(res.json()).toMatchObject({ code: 'season.phase_closed', title: 'This cannot be done now: the season is in its phase of registration.', params: { phase: 'registration' } });
  });

  it('accepts packages open to the country and big enough; refuses the others, naming them', async () => {
    t.clock.set(IN_PREFERENCE);
    const ok = await api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: [pkgs.lyon, pkgs.paris] });
    expect(ok.json().ranking.map((r: { packageId: string }) => r.packageId)).toEqual([pkgs.lyon, pkgs.paris]);
    for (const [ids, code, text] of [
      [[pkgs.london], 'not_open_to_country', `the package ${pkgs.london} is not open to your country of residence`],
      [[pkgs.tiny], 'too_small', `the package ${pkgs.tiny} has fewer seats than your family`],
      [[pkgs.paris, pkgs.paris], 'duplicate', 'a package appears twice'],
    ] as const) {
      const res = await api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: ids });
      expect(res.statusCode).toBe(400);
      expect(res.json().params.problem).toBe(code);
      expect(res.json().title).toContain(text);
    }
    expect((await api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: Array.from({ length: 6 }, () => pkgs.paris) })).statusCode).toBe(400);
    t.clock.set(IN_REGISTRATION);
  });

  it('two edits from the same version: one wins, the other is told, nothing is lost', async () => {
    t.clock.set(IN_PREFERENCE);
    const version = (await api('GET', `/applications/${id}`, admin.headers)).json().version;
    const [a, b] = await Promise.all([
      api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: [pkgs.paris], expectedVersion: version }),
      api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: [pkgs.lyon], expectedVersion: version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    t.clock.set(IN_REGISTRATION);
  });

  it('shows live popularity in seats against capacity', async () => {
    t.clock.set(IN_PREFERENCE);
    await api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: [pkgs.paris, pkgs.lyon] });
    const rows = (await api('GET', '/seasons/1448H/popularity', {})).json();
    const paris = rows.find((r: { packageId: string }) => r.packageId === pkgs.paris);
    expect(paris).toMatchObject({ capacity: 50, firstChoiceSeats: 2, anyChoiceSeats: 2, families: 1 });
    expect(rows.find((r: { packageId: string }) => r.packageId === pkgs.lyon)).toMatchObject({ firstChoiceSeats: 0, anyChoiceSeats: 2 });
    t.clock.set(IN_REGISTRATION);
  });
});

describe('live popularity counters', () => {
  const strip = (rows: { packageId: string; firstChoiceSeats: number; anyChoiceSeats: number; families: number }[]) =>
    rows.map(({ packageId, firstChoiceSeats, anyChoiceSeats, families }) => ({ packageId, firstChoiceSeats, anyChoiceSeats, families })).sort((a, b) => a.packageId.localeCompare(b.packageId));

  it('stay equal to a recount from the applications through rankings, re-rankings and family changes, even when 20 families rank at once', async () => {
    t.clock.set(IN_PREFERENCE);
    const families = [];
    for (let i = 0; i < 20; i++) {
      const admin = await pilgrim('FR');
      const id = (await api('POST', '/applications', admin.headers, { season: '1448H' })).json().id;
      families.push({ admin, id });
    }
    const orders = [[pkgs.paris, pkgs.lyon], [pkgs.lyon], [pkgs.lyon, pkgs.paris]];
    const results = await Promise.all(families.map((f, i) => api('PUT', `/applications/${f.id}/ranking`, f.admin.headers, { packageIds: orders[i % 3] })));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    // Re-rank some, grow one family, shrink it again.
    await api('PUT', `/applications/${families[0]!.id}/ranking`, families[0]!.admin.headers, { packageIds: [pkgs.lyon, pkgs.paris] });
    await api('PUT', `/applications/${families[1]!.id}/ranking`, families[1]!.admin.headers, { packageIds: [] });
    const relative = await pilgrim('FR');
    await api('POST', `/applications/${families[2]!.id}/members`, families[2]!.admin.headers, { email: relative.email });
    const extra = await pilgrim('FR');
    await api('POST', `/applications/${families[3]!.id}/members`, families[3]!.admin.headers, { email: extra.email });
    await api('DELETE', `/applications/${families[3]!.id}/members/${extra.accountId}`, families[3]!.admin.headers);

    const counters = await t.services.applications.popularity('1448H');
    expect(strip(counters)).toEqual(strip(await t.services.applications.popularityFromRecords('1448H')));
    expect(strip(await t.services.applications.popularity('1448H', 'FR'))).toEqual(strip(await t.services.applications.popularityFromRecords('1448H', 'FR')));
    expect(counters.find((c) => c.packageId === pkgs.lyon)!.families).toBeGreaterThanOrEqual(19);
    t.clock.set(IN_REGISTRATION);
  });
});

describe('rankings written together (group commit)', () => {
  it('judges each of many simultaneous rankings on its own: the valid ones land, each refused one gets its own rule and changes nothing', async () => {
    t.clock.set(IN_PREFERENCE);
    const family = async (size: number) => {
      const admin = await pilgrim('FR');
      const id: string = (await api('POST', '/applications', admin.headers, { season: '1448H' })).json().id;
      const members = [];
      for (let i = 1; i < size; i++) {
        const member = await pilgrim('FR');
        await api('POST', `/applications/${id}/members`, admin.headers, { email: member.email });
        members.push(member);
      }
      await api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: [pkgs.lyon] });
      const version: number = (await api('GET', `/applications/${id}`, admin.headers)).json().version;
      return { admin, id, members, version };
    };
    const [a, b, c, d, e, f] = [await family(1), await family(2), await family(2), await family(1), await family(1), await family(1)];
    const stranger = await pilgrim('FR');
    const rank = (who: { headers: Record<string, string> }, id: string, packageIds: unknown[], expectedVersion?: number) =>
      api('PUT', `/applications/${id}/ranking`, who.headers, { packageIds, ...(expectedVersion ? { expectedVersion } : {}) });
    const auditBefore = await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'application.ranked').executeTakeFirstOrThrow();

    const answers = await Promise.all([
      rank(a.admin, a.id, [pkgs.paris, pkgs.lyon]), // valid
      rank(b.admin, b.id, [pkgs.tiny]), // a family of 2 for a 1-seat package
      rank(c.members[0]!, c.id, [pkgs.paris]), // a member is not the admin
      rank(d.admin, d.id, [pkgs.paris], d.version - 1), // a stale version
      rank(e.admin, e.id, [pkgs.paris], e.version), // the same family twice: written in order
      rank(e.admin, e.id, [pkgs.paris, pkgs.lyon], e.version + 1),
      rank(stranger, a.id, [pkgs.lyon]), // not theirs
      rank(f.admin, f.id, [pkgs.lyon]), // the ranking it already has
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 400, 403, 409, 200, 200, 404, 200]);
    expect(answers.map((r) => r.json().code)).toEqual([undefined, 'application.ranking_rule', 'application.admin_only', 'application.version_conflict', undefined, undefined, 'application.not_found', undefined]);
    expect(answers[1]!.json().params.problem).toBe('too_small');
    expect(answers[4]!.json().version).toBe(e.version + 1);
    expect(answers[5]!.json().version).toBe(e.version + 2);

    const view = async (x: { admin: { headers: Record<string, string> }; id: string }) => (await api('GET', `/applications/${x.id}`, x.admin.headers)).json();
    expect((await view(a)).ranking.map((r: { packageId: string }) => r.packageId)).toEqual([pkgs.paris, pkgs.lyon]);
    expect((await view(e)).ranking.map((r: { packageId: string }) => r.packageId)).toEqual([pkgs.paris, pkgs.lyon]);
    for (const refused of [b, c, d]) expect(await view(refused)).toMatchObject({ version: refused.version, ranking: [{ packageId: pkgs.lyon }] });
    const auditAfter = await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'application.ranked').executeTakeFirstOrThrow();
    expect(Number(auditAfter.n) - Number(auditBefore.n)).toBe(4);
    const strip = (rows: { packageId: string; firstChoiceSeats: number; anyChoiceSeats: number; families: number }[]) =>
      rows.map(({ packageId, firstChoiceSeats, anyChoiceSeats, families }) => ({ packageId, firstChoiceSeats, anyChoiceSeats, families })).sort((x, y) => x.packageId.localeCompare(y.packageId));
    expect(strip(await t.services.applications.popularity('1448H'))).toEqual(strip(await t.services.applications.popularityFromRecords('1448H')));
    t.clock.set(IN_REGISTRATION);
  });

  it('writes the rankings that arrive together in one transaction', async () => {
    t.clock.set(IN_PREFERENCE);
    const families = [];
    for (let i = 0; i < 3; i++) {
      const admin = await pilgrim('FR');
      families.push({ admin, id: (await api('POST', '/applications', admin.headers, { season: '1448H' })).json().id as string });
    }
    await Promise.all(families.map((f) => t.services.applications.rank(actingAs(f.admin.accountId), f.id, [pkgs.paris!])));
    // Rows changed by one transaction carry its id (xmin).
    const rows = await sql<{ tx: string }>`select xmin::text as tx from applications where id = any(${families.map((f) => f.id)}::uuid[])`.execute(t.db.kysely);
    expect(rows.rows).toHaveLength(3);
    expect(new Set(rows.rows.map((r) => r.tx)).size).toBe(1);
    t.clock.set(IN_REGISTRATION);
  });
});

describe('mission portal', () => {
  it("a mission sees its own country's quota, demand and failures, and nothing of another country", async () => {
    const gbAdmin = await pilgrim('GB', { passportExpiry: '2027-06-01' });
    const gbApp = (await api('POST', '/applications', gbAdmin.headers, { season: '1448H' })).json().id;
    const fr = await t.signInAs('mission_officer', { countryCode: 'FR' });
    const gb = await t.signInAs('mission_officer', { countryCode: 'GB' });

    const frView = (await api('GET', '/missions/overview?season=1448H', fr.headers)).json();
    const gbView = (await api('GET', '/missions/overview?season=1448H', gb.headers)).json();
    expect(frView).toMatchObject({ country: 'FR', quota: 100 });
    expect(frView.failuresByRule).toMatchObject({ min_age: 1, meningococcal_vaccination: 1 });
    expect(frView.failuresByRule.passport_valid_after_season).toBeUndefined();
    expect(gbView).toMatchObject({ country: 'GB', quota: 80, applications: 1, pilgrims: 1, eligiblePilgrims: 0, failuresByRule: { passport_valid_after_season: 1 } });
    expect(frView.popularity.every((p: { packageId: string }) => [pkgs.paris, pkgs.lyon].includes(p.packageId))).toBe(true);

    // Another country's application is invisible, and no parameter can point the overview elsewhere.
    expect((await api('GET', `/applications/${gbApp}`, fr.headers)).statusCode).toBe(404);
    expect((await api('GET', `/applications/${gbApp}`, gb.headers)).statusCode).toBe(200);
    expect((await api('GET', '/missions/overview?season=1448H&country=GB', fr.headers)).statusCode).toBe(400);
    expect((await api('GET', '/missions/overview?season=1448H', ministry)).statusCode).toBe(403);
  });

  it('publishes requirements in several languages for everyone to read', async () => {
    const fr = await t.signInAs('mission_officer', { countryCode: 'FR' });
    await api('PUT', '/missions/requirements/fr', fr.headers, { body: 'Passeport valide six mois après le retour.' });
    await api('PUT', '/missions/requirements/ar', fr.headers, { body: 'جواز سفر ساري المفعول ستة أشهر بعد العودة.' });
    const res = await api('GET', '/missions/FR/requirements', {});
    expect(res.json().map((r: { language: string }) => r.language)).toEqual(['ar', 'fr']);
    expect((await api('GET', '/missions/GB/requirements', {})).json()).toEqual([]);
  });
});
