import type { Locale } from '../common/i18n.ts';
import { expect } from 'vitest';
import type { TestApp } from './harness.ts';
import { samplePackage } from '../modules/catalogue/index.ts';
import { freezeInstantFor, knownSignature } from '../modules/draw/index.ts';

/**
 * A season in a compact calendar (all inside the bearer tokens' 30 days of the
 * test clock, which starts on 1 May 2026) and helpers to fill it with families.
 */
export const compactCalendar = {
  registrationOpens: '2026-04-01T00:00:00Z', preferenceOpens: '2026-05-02T00:00:00Z', preferenceCloses: '2026-05-08T00:00:00Z',
  drawAt: '2026-05-09T00:00:00Z', offersClose: '2026-05-16T00:00:00Z', openSaleAt: '2026-05-18T00:00:00Z', visaCutoff: '2026-09-01T00:00:00Z',
  referenceDate: '2027-05-15', arrivalDate: '2027-05-10', seasonEnd: '2027-05-25',
};
export const moments = {
  preference: '2026-05-03T00:00:00Z',
  frozen: '2026-05-08T12:00:00Z',
  offers: '2026-05-09T06:00:00Z',
  between: '2026-05-17T00:00:00Z',
  openSale: '2026-05-18T00:00:00Z',
};

/**
 * The compact calendar and its moments moved back in time, so that a draw frozen at
 * `moments.frozen` names drand quicknet round 20791007 (2025-08-14T12:59:45Z), whose real
 * signature the project ships: the draw tests enter it, and it is checked offline.
 * `moments.start` stands for the test clock's first moment (1 May 2026, moved likewise).
 */
export const drawRound = { round: 20791007, signature: knownSignature(20791007) };
export const drawTimeline = (() => {
  const shift = freezeInstantFor(drawRound.round, 600) - 1000 - Date.parse(moments.frozen);
  const move = (instant: string) => new Date(Date.parse(instant) + shift).toISOString();
  const days = new Set(['referenceDate', 'arrivalDate', 'seasonEnd']);
  return {
    calendar: Object.fromEntries(Object.entries(compactCalendar).map(([k, v]) => [k, days.has(k) ? v : move(v)])) as typeof compactCalendar,
    moments: {
      ...Object.fromEntries(Object.entries(moments).map(([k, v]) => [k, move(v)])) as typeof moments,
      start: move('2026-05-01T08:00:00Z'),
      /** Ten minutes after the freeze: the named round is out. */
      roundOut: move('2026-05-08T12:11:00Z'),
    },
    /** An instant of the compact calendar, moved. */
    move,
  };
})();

export function hajjFixtures(t: TestApp) {
  let serial = 0;
  const api = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  /**
   * Marks documents of `accountId` approved, as a reviewer would after an upload
   * (the review itself is tested in the pilgrims module).
   */
  async function approveDocuments(accountId: string, types: readonly string[] = ['passport_scan', 'photo']) {
    for (const type of types) {
      await t.db.kysely.insertInto('pilgrim_documents').values({
        id: crypto.randomUUID(), account_id: accountId, type: type as never, status: 'approved', storage_key: `fixture/${type}`,
        content_type: 'image/png', size_bytes: 10, sha256: '0'.repeat(64), uploaded_at: t.clock.now(), reviewed_at: t.clock.now(),
      } as never).execute();
    }
  }

  /**
   * A signed-in pilgrim with a complete profile whose passport scan and photo are
   * approved (what paying an offer needs); `documents: 'none'` leaves them awaited.
   */
  async function pilgrim(country: string, extra: Record<string, unknown> = {}, locale: Locale = 'en', documents: 'approved' | 'none' = 'approved') {
    const p = await t.signInAs('pilgrim', { locale });
    const n = ++serial;
    const res = await api('PUT', '/pilgrim/profile', p.headers, {
      residenceCountry: country, nationality: country, givenNamesLatin: 'Test', familyNameLatin: `Pilgrim ${[...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('')}`,
      fullNameArabic: 'حاج تجريبي', dateOfBirth: '1980-01-01', gender: 'male', passportNumber: `PQ${String(n).padStart(6, '0')}`, passportExpiry: '2031-01-01',
      meningococcalVaccination: '2026-10-01', ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
    if (documents === 'approved') await approveDocuments(p.accountId);
    return p;
  }

  /** A family of `size` in `country` that ranks `choices` (the clock must be in the preference phase). */
  async function family(country: string, size: number, choices: string[], options: { locale?: Locale; memberExtra?: Record<string, unknown>; documents?: 'approved' | 'none' } = {}) {
    const admin = await pilgrim(country, {}, options.locale ?? 'en', options.documents);
    const created = await api('POST', '/applications', admin.headers, { season: '1448H' });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    for (let i = 1; i < size; i++) {
      const member = await pilgrim(country, i === 1 ? (options.memberExtra ?? {}) : {}, 'en', options.documents);
      expect((await api('POST', `/applications/${id}/members`, admin.headers, { email: member.email })).statusCode).toBe(200);
    }
    if (choices.length) {
      const ranked = await api('PUT', `/applications/${id}/ranking`, admin.headers, { packageIds: choices });
      expect(ranked.statusCode, ranked.body).toBe(200);
    }
    return { id, admin, size, country, choices };
  }

  /** The season with its calendar and quotas, and published packages of the given capacities and countries. */
  async function season(quotas: Record<string, number>, packages: Record<string, { capacity: number; countries: string[] }>, calendar = compactCalendar) {
    const ministry = (await t.signInAs('ministry_admin')).headers;
    expect((await api('PUT', '/seasons/1448H', ministry, calendar)).statusCode).toBe(200);
    const csv = `country,seats\n${Object.entries(quotas).map(([c, s]) => `${c},${s}`).join('\n')}\n`;
    expect((await api('POST', '/seasons/1448H/quotas/import', { ...ministry, 'content-type': 'text/csv' }, csv as never)).statusCode).toBe(200);
    const provider = await t.createLicensedProvider();
    const ids: Record<string, string> = {};
    for (const [name, p] of Object.entries(packages)) {
      const res = await api('POST', '/packages', provider.owner.headers, samplePackage({ eligibleCountries: p.countries, capacity: p.capacity }));
      ids[name] = res.json().id;
      expect((await api('POST', `/packages/${ids[name]}/publish`, provider.owner.headers)).statusCode).toBe(200);
    }
    return { ministry, packages: ids, provider: provider.owner.headers };
  }

  return { api, pilgrim, family, season, approveDocuments };
}
