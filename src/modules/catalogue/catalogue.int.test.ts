import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { samplePackage } from './fixtures.ts';
import type { PackageInput } from './schemas.ts';

let t: TestApp;
const ids: Record<string, string> = {};
let providerA: Awaited<ReturnType<TestApp['createLicensedProvider']>>;
let providerB: Awaited<ReturnType<TestApp['createLicensedProvider']>>;

async function published(name: string, provider: typeof providerA, input: Partial<PackageInput>) {
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/packages', headers: provider.owner.headers, payload: samplePackage(input) });
  ids[name] = created.json().id;
  await t.app.inject({ method: 'POST', url: `/api/v1/packages/${ids[name]}/publish`, headers: provider.owner.headers });
}

const lines = (net: number) => [{ component: 'makkah_housing' as const, net }];

beforeAll(async () => {
  t = await createTestApp();
  providerA = await t.createLicensedProvider({ application: { legalNameEn: 'Alpha Hajj', legalNameAr: 'ألفا للحج' } });
  providerB = await t.createLicensedProvider({ application: { legalNameEn: 'Beta Hajj', legalNameAr: 'بيتا للحج' } });
  await published('cheapNear', providerA, { priceLines: lines(1_000_000), makkah: { hotel: 'H1', distanceM: 300, roomOccupancy: 2 }, minaCamp: 'A', eligibleCountries: ['FR', 'GB'], guidanceLanguages: ['ar', 'fr'] });
  await published('midFar', providerA, { priceLines: lines(2_000_000), makkah: { hotel: 'H2', distanceM: 4000, roomOccupancy: 4 }, minaCamp: 'C', eligibleCountries: ['GB'], guidanceLanguages: ['en'] });
  await published('dearNear', providerB, { priceLines: lines(3_000_000), makkah: { hotel: 'H3', distanceM: 100, roomOccupancy: 2 }, minaCamp: 'A', eligibleCountries: ['FR'], type: 'dedicated', departureCity: 'Lyon', title: { en: 'English only' }, guidanceLanguages: ['ar'] });
  // Not on sale: a draft, and a closed package.
  await t.app.inject({ method: 'POST', url: '/api/v1/packages', headers: providerB.owner.headers, payload: samplePackage({ eligibleCountries: ['FR'] }) });
  await published('closed', providerB, { eligibleCountries: ['FR'] });
  await t.app.inject({ method: 'POST', url: `/api/v1/packages/${ids.closed}/close`, headers: providerB.owner.headers });
});
afterAll(async () => t?.close());

async function search(query: string, lang = 'en') {
  const res = await t.app.inject({ url: `/api/v1/catalogue?${query}`, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; title: string; provider: { name: string } }[]; total: number };
}
const names = (page: { items: { id: string }[] }) => page.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

describe('catalogue', () => {
  it('lists only what is on sale, cheapest first by default', async () => {
    const page = await search('');
    expect(names(page)).toEqual(['cheapNear', 'midFar', 'dearNear']);
    expect(page.total).toBe(3);
  });

  it.each([
    ['country=FR', ['cheapNear', 'dearNear']],
    ['country=gb', ['cheapNear', 'midFar']],
    ['country=JP', []],
    ['minPrice=1500000&maxPrice=2500000', ['midFar']],
    ['camp=A', ['cheapNear', 'dearNear']],
    ['camp=B,C', ['midFar']],
    ['maxDistance=500', ['cheapNear', 'dearNear']],
    ['type=dedicated', ['dearNear']],
    ['language=fr', ['cheapNear']],
    ['sort=price_desc', ['dearNear', 'midFar', 'cheapNear']],
    ['sort=distance', ['dearNear', 'cheapNear', 'midFar']],
    ['country=FR&camp=A&sort=price_desc', ['dearNear', 'cheapNear']],
  ])('filters %s', async (query, expected) => {
    expect(names(await search(query))).toEqual(expected);
  });

  it('filters by provider and pages with a stable total', async () => {
    expect(names(await search(`provider=${providerB.providerId}`))).toEqual(['dearNear']);
    const first = await search('limit=2');
    const second = await search('limit=2&offset=2');
    expect(first.total).toBe(3);
    expect([...names(first), ...names(second)]).toEqual(['cheapNear', 'midFar', 'dearNear']);
  });

  it("speaks the reader's language, falling back when a text is missing", async () => {
    const ar = await search('country=FR', 'ar');
    expect(ar.items[0]).toMatchObject({ title: 'باقة الصفوة — عزيزية', titleLanguage: 'ar', provider: { name: 'ألفا للحج' } });
    expect(ar.items[1]).toMatchObject({ title: 'English only', titleLanguage: 'en' });
  });

  it('shows availability as a state and leaves a slot for the scorecard', async () => {
    const res = await t.app.inject({ url: `/api/v1/catalogue/${ids.cheapNear}` });
    expect(res.json()).toMatchObject({ availability: 'open', scorecard: null, price: { total: 1_150_000 } });
    expect(res.json()).not.toHaveProperty('seatsTaken');
    expect((await t.app.inject({ url: `/api/v1/catalogue/${ids.closed}` })).statusCode).toBe(404);
  });

  it('compares 2 to 5 packages in the order asked', async () => {
    const res = await t.app.inject({ url: `/api/v1/catalogue/compare?ids=${ids.dearNear},${ids.cheapNear}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((p: { id: string }) => p.id)).toEqual([ids.dearNear, ids.cheapNear]);
    const one = await t.app.inject({ url: `/api/v1/catalogue/compare?ids=${ids.dearNear}` });
    expect(one.json().code).toBe('package.compare_limit');
    const six = Array.from({ length: 6 }, () => crypto.randomUUID()).join(',');
    expect((await t.app.inject({ url: `/api/v1/catalogue/compare?ids=${six}` })).statusCode).toBe(400);
    const withClosed = await t.app.inject({ url: `/api/v1/catalogue/compare?ids=${ids.dearNear},${ids.closed}` });
    expect(withClosed.statusCode).toBe(404);
  });

  it('suspending a provider takes all its packages off sale at once; reinstating brings them back', async () => {
    const officer = await t.signInAs('ministry_officer');
    await t.app.inject({ method: 'POST', url: `/api/v1/providers/${providerA.providerId}/suspend`, headers: officer.headers, payload: { reason: 'Inspection' } });
    expect(names(await search(''))).toEqual(['dearNear']);
    await t.app.inject({ method: 'POST', url: `/api/v1/providers/${providerA.providerId}/reinstate`, headers: officer.headers, payload: {} });
    expect(names(await search(''))).toEqual(['cheapNear', 'midFar', 'dearNear']);
  });

  it('refuses bad filters with the parameter named', async () => {
    for (const [query, pointer] of [
      ['minPrice=-5', '/querystring/minPrice'],
      ['camp=E', '/querystring/camp'],
      ['sort=random', '/querystring/sort'],
      ['country=France', '/querystring/country'],
      ['limit=500', '/querystring/limit'],
    ]) {
      const res = await t.app.inject({ url: `/api/v1/catalogue?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
  });
});
