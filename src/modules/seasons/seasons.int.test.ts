import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/principal.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let ministry: Record<string, string>;

// The test clock reads 2026-05-01T08:00Z.
const calendar = {
  registrationOpens: '2026-04-01T09:00:00+03:00',
  preferenceOpens: '2026-06-01T09:00:00+03:00',
  preferenceCloses: '2026-07-01T09:00:00+03:00',
  drawAt: '2026-07-02T09:00:00+03:00',
  offersClose: '2026-07-20T09:00:00+03:00',
  openSaleAt: '2026-07-25T09:00:00+03:00',
  visaCutoff: '2026-09-01T09:00:00+03:00',
  referenceDate: '2027-05-15',
  arrivalDate: '2027-05-10',
  seasonEnd: '2027-05-25',
};

beforeAll(async () => {
  t = await createTestApp();
  ministry = (await t.signInAs('ministry_officer')).headers;
  const res = await t.app.inject({ method: 'PUT', url: '/api/v1/seasons/1448H', headers: ministry, payload: calendar });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => t?.close());

const api = (method: string, url: string, headers: Record<string, string> = {}, payload?: unknown, contentType?: string) =>
  t.app.inject({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });

describe('season calendar', () => {
  it('shows the calendar and the phase it is in, to everyone', async () => {
    const res = await api('GET', '/seasons/1448H');
    expect(res.json()).toMatchObject({ code: '1448H', phase: 'registration', preferenceOpens: '2026-06-01T06:00:00.000Z', referenceDate: '2027-05-15' });
    t.clock.set('2026-06-15T00:00:00Z');
    expect((await api('GET', '/seasons')).json()[0].phase).toBe('preference');
    t.clock.set('2026-05-01T08:00:00Z');
  });

  it('refuses dates out of order, naming them, and changes nothing', async () => {
    const before = await t.tableCounts();
    const res = await api('PUT', '/seasons/1449H', { ...ministry, 'accept-language': 'en' }, { ...calendar, drawAt: '2026-06-15T00:00:00Z' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'season.calendar_out_of_order', title: 'The calendar is out of order: the close of preferences must come before the draw.' });
    const badDay = await api('PUT', '/seasons/1449H', ministry, { ...calendar, referenceDate: '2027-02-30' });
    expect(badDay.json().errors).toEqual([expect.objectContaining({ pointer: '/body/referenceDate' })]);
    expect(await t.tableCounts()).toEqual(before);
  });

  it('only the ministry sets it', async () => {
    const pilgrim = await t.signInAs('pilgrim');
    expect((await api('PUT', '/seasons/1448H', pilgrim.headers, calendar)).statusCode).toBe(403);
  });

  it('lets other modules refuse an action outside its phase', async () => {
    await expect(t.services.seasons.assertPhase(t.db.kysely, '1448H', ['registration'])).resolves.toBe('registration');
    await expect(t.services.seasons.assertPhase(t.db.kysely, '1448H', ['preference'])).rejects.toMatchObject({ code: 'season.phase_closed' });
  });
});

describe('programme countries and quotas', () => {
  it('starts from the default list of the direct programme', async () => {
    const countries = (await api('GET', '/programme/countries')).json();
    expect(countries).toEqual(expect.arrayContaining(['FR', 'GB', 'US', 'AU', 'BR']));
    expect(countries).toHaveLength(105);
  });

  it('sets one country\'s seats, and refuses a country outside the programme', async () => {
    expect((await api('PUT', '/seasons/1448H/quotas/FR', ministry, { seats: 3200 })).json()).toEqual([expect.objectContaining({ country: 'FR', seats: 3200 })]);
    const outside = await api('PUT', '/seasons/1448H/quotas/SA', ministry, { seats: 10 }); // residents of the Kingdom are domestic pilgrims
    expect(outside.json().code).toBe('season.country_not_in_programme');
  });

  it('imports a CSV all or nothing, naming the bad line', async () => {
    const good = 'country,seats\nGB,2500\nUS,4100\nde,1800\n';
    const res = await api('POST', '/seasons/1448H/quotas/import', ministry, good, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.fromEntries(res.json().map((q: { country: string; seats: number }) => [q.country, q.seats]))).toMatchObject({ GB: 2500, US: 4100, DE: 1800, FR: 3200 });

    for (const [csv, problem] of [
      ['country,seats\nGB,100\nXX,5\n', /Line 3 .*"XX" is not a country code/],
      ['country,seats\nGB,100\nGB,200\n', /GB appears twice/],
      ['country,seats\nGB,-5\n', /Line 2 .*whole number/],
      ['seats,country\n100,GB\n', /first line must be "country,seats"/],
      ['country,seats\nGB,"10\n', /not valid/],
    ] as const) {
      const before = await t.tableCounts();
      const bad = await api('POST', '/seasons/1448H/quotas/import', { ...ministry, 'accept-language': 'en' }, csv, 'text/csv');
      expect(bad.statusCode, csv).toBe(400);
      expect(bad.json().title).toMatch(problem);
      expect(await t.tableCounts()).toEqual(before);
    }
    expect((await api('GET', '/seasons/1448H/quotas')).json().find((q: { country: string }) => q.country === 'GB').seats).toBe(2500);
  });

  it('adds a country; refuses to remove one that still has seats', async () => {
    expect((await api('GET', '/programme/countries')).json()).not.toContain('ID');
    expect((await api('PUT', '/programme/countries/ID', ministry)).statusCode).toBe(204);
    expect((await api('PUT', '/seasons/1448H/quotas/ID', ministry, { seats: 40 })).statusCode).toBe(200);
    const held = await api('DELETE', '/programme/countries/ID', ministry);
    expect(held.json().code).toBe('season.country_has_quota');
    await api('PUT', '/seasons/1448H/quotas/ID', ministry, { seats: 0 });
    expect((await api('DELETE', '/programme/countries/ID', ministry)).statusCode).toBe(204);
    expect((await api('GET', '/programme/countries')).json()).not.toContain('ID');
    expect((await api('PUT', '/programme/countries/QQ', ministry)).json().code).toBe('account.unknown_country');
  });
});

describe('eligibility rules as data', () => {
  it('a new season starts with the published rules as version 1', async () => {
    const res = await api('GET', '/seasons/1448H/eligibility-rules');
    expect(res.json().version).toBe(1);
    expect(res.json().rules.map((r: { code: string }) => r.code)).toEqual([
      'min_age', 'passport_valid_after_season', 'meningococcal_vaccination', 'residence_in_programme', 'no_booking_this_season', 'health_exclusions',
    ]);
  });

  it('checks a person and names each failing rule in the reader\'s language', async () => {
    const person = { dateOfBirth: '2012-05-16', passportExpiry: '2028-06-01', meningococcalVaccination: '2027-05-05', residenceCountry: 'FR' };
    const ar = (await api('POST', '/seasons/1448H/eligibility-check', { 'accept-language': 'ar' }, person)).json();
    expect(ar.eligible).toBe(false);
    expect(ar.results.filter((r: { passed: boolean }) => !r.passed).map((r: { code: string }) => r.code)).toEqual(['min_age', 'meningococcal_vaccination']);
    expect(ar.results[0].message).toBe('يجب ألا يقل العمر عن 15 سنة في التاريخ المرجعي للموسم.');
    const ok = (await api('POST', '/seasons/1448H/eligibility-check', {}, { ...person, dateOfBirth: '2012-05-15', meningococcalVaccination: '2027-04-30' })).json();
    expect(ok.eligible).toBe(true);
  });

  it('the ministry publishes a new version; the check follows it', async () => {
    const current = (await api('GET', '/seasons/1448H/eligibility-rules')).json().rules;
    const stricter = current.map((r: { code: string; params: object }) => (r.code === 'min_age' ? { ...r, params: { years: 18 } } : r));
    const res = await api('PUT', '/seasons/1448H/eligibility-rules', ministry, { rules: stricter });
    expect(res.json().version).toBe(2);
    const check = (await api('POST', '/seasons/1448H/eligibility-check', { 'accept-language': 'en' }, { dateOfBirth: '2010-01-01' })).json();
    expect(check.version).toBe(2);
    expect(check.results[0]).toMatchObject({ code: 'min_age', passed: false, message: expect.stringContaining('18') });
    const audit = await t.services.audit.query({ action: 'season.rules_changed', limit: 1 });
    expect(audit.items[0]?.data).toMatchObject({ version: 2 });
  });

  it('refuses a rule the evaluator does not know, or with bad parameters', async () => {
    const message = { ar: 'x', en: 'x' };
    for (const rules of [
      [{ code: 'min_height', params: { cm: 150 }, message }],
      [{ code: 'min_age', params: { years: -1 }, message }],
      [{ code: 'min_age', params: { years: 15 } }],
      [{ code: 'health_exclusions', params: { excluded: ['flu'] }, message }],
    ]) {
      const res = await api('PUT', '/seasons/1448H/eligibility-rules', ministry, { rules });
      expect(res.statusCode, JSON.stringify(rules)).toBe(400);
    }
    expect((await t.services.seasons.rules('1448H')).version).toBe(2);
  });

  it('answers 404 for an unknown season', async () => {
    expect((await api('GET', '/seasons/1450H/eligibility-rules')).statusCode).toBe(404);
    await expect(t.services.seasons.setCalendar(systemContext(), '1450H', { ...calendar, seasonEnd: '2027-05-01' })).rejects.toMatchObject({ code: 'season.calendar_out_of_order' });
  });
});
