import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { samplePackage } from './fixtures.ts';
import type { PackageInput } from './schemas.ts';

let t: TestApp;
let provider: Awaited<ReturnType<TestApp['createLicensedProvider']>>;
beforeAll(async () => {
  t = await createTestApp();
  provider = await t.createLicensedProvider();
});
afterAll(async () => t?.close());

const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function createDraft(input: Partial<PackageInput> = {}, headers = provider.owner.headers) {
  const res = await inject('POST', '/packages', headers, samplePackage(input));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('package drafts and prices', () => {
  it('creates a draft with a price breakdown whose total is the sum of its lines', async () => {
    const pkg = await createDraft();
    expect(pkg).toMatchObject({ status: 'draft', currentVersion: 1, capacity: 120, availability: 'open' });
    const { lines, subtotal, vat, total } = pkg.price;
    expect(subtotal).toBe(3_257_500);
    expect(vat).toBe(488_625); // 15 % of 32,575.00 SAR
    expect(total).toBe(lines.reduce((s: number, l: { gross: number }) => s + l.gross, 0));
  });

  it('zero-rates the flight of a dedicated package and needs its departure city', async () => {
    const noCity = await inject('POST', '/packages', provider.owner.headers, samplePackage({ type: 'dedicated' }));
    expect(noCity.json().code).toBe('package.departure_city_rule');
    const pkg = await createDraft({
      type: 'dedicated',
      departureCity: 'Paris',
      priceLines: [{ component: 'flight', net: 650_000, vatCategory: 'zero' }, { component: 'makkah_housing', net: 1_000_000 }],
    });
    expect(pkg.price.lines[0]).toMatchObject({ component: 'flight', vat: 0, gross: 650_000 });
    expect(pkg.price.vat).toBe(150_000);
  });

  it.each([
    [{ capacity: 0 }, '/body/capacity'],
    [{ capacity: 1_000_000 }, '/body/capacity'],
    [{ eligibleCountries: [] }, '/body/eligibleCountries'],
    [{ priceLines: [{ component: 'meals', net: -100 }] }, '/body/priceLines/0/net'],
    [{ priceLines: [{ component: 'meals', net: 1.5 }] }, '/body/priceLines/0/net'],
    [{ priceLines: [{ component: 'meals', net: 1e12 }] }, '/body/priceLines/0/net'],
    [{ title: {} }, '/body/title'],
    [{ season: '2026' }, '/body/season'],
  ])('refuses %j, naming %s, writing nothing', async (patch, pointer) => {
    const before = await t.tableCounts();
    const res = await inject('POST', '/packages', provider.owner.headers, samplePackage(patch as Partial<PackageInput>));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await t.tableCounts()).toEqual(before);
  });

  it.each([
    [{ priceLines: [{ component: 'meals', net: 100 }, { component: 'meals', net: 5 }] }, 'package.invalid_price'],
    [{ priceLines: [{ component: 'meals', net: 0 }] }, 'package.invalid_price'],
    [{ eligibleCountries: ['QQ'] }, 'package.unknown_country'],
  ])('refuses %j with %s', async (patch, code) => {
    const res = await inject('POST', '/packages', { ...provider.owner.headers, 'accept-language': 'en' }, samplePackage(patch as Partial<PackageInput>));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
  });
});

describe('publication and versions', () => {
  it('publishes; editing a published package makes version 2 and keeps version 1 as it was', async () => {
    const pkg = await createDraft();
    const published = await inject('POST', `/packages/${pkg.id}/publish`, provider.owner.headers);
    expect(published.json()).toMatchObject({ status: 'published', currentVersion: 1 });

    const edited = await inject('PUT', `/packages/${pkg.id}`, provider.owner.headers, samplePackage({ capacity: 150, minaCamp: 'A' }));
    expect(edited.json()).toMatchObject({ currentVersion: 2, capacity: 150, minaCamp: 'A' });
    const v1 = await inject('GET', `/packages/${pkg.id}/versions/1`, provider.owner.headers);
    expect(v1.json()).toMatchObject({ version: 1, minaCamp: 'B' });
    expect(v1.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const events = await t.db.kysely.selectFrom('domain_events').select('type').where('subject_id', '=', pkg.id).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['package.published', 'package.updated']);
  });

  it('edits a draft in place, without new versions', async () => {
    const pkg = await createDraft();
    const edited = await inject('PUT', `/packages/${pkg.id}`, provider.owner.headers, samplePackage({ capacity: 60 }));
    expect(edited.json()).toMatchObject({ currentVersion: 1, capacity: 60 });
  });

  it('closes a published package for good; a closed package cannot be edited or republished', async () => {
    const pkg = await createDraft();
    await inject('POST', `/packages/${pkg.id}/publish`, provider.owner.headers);
    expect((await inject('POST', `/packages/${pkg.id}/close`, provider.owner.headers)).json().status).toBe('closed');
    const edit = await inject('PUT', `/packages/${pkg.id}`, provider.owner.headers, samplePackage());
    expect(edit.json().code).toBe('package.transition_not_allowed');
    expect((await inject('POST', `/packages/${pkg.id}/publish`, provider.owner.headers)).statusCode).toBe(409);
  });

  it('refuses to publish while unlicensed or suspended', async () => {
    const pending = await t.createLicensedProvider({ status: 'pending' });
    const pkg = await createDraft({}, pending.owner.headers);
    const res = await inject('POST', `/packages/${pkg.id}/publish`, { ...pending.owner.headers, 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('provider.not_licensed');

    const officer = await t.signInAs('ministry_officer');
    const suspended = await t.createLicensedProvider();
    const draft = await createDraft({}, suspended.owner.headers);
    await inject('POST', `/providers/${suspended.providerId}/suspend`, officer.headers, { reason: 'Audit' });
    expect((await inject('POST', `/packages/${draft.id}/publish`, suspended.owner.headers)).json().code).toBe('provider.not_licensed');
  });
});

describe('isolation between providers', () => {
  it("another provider cannot read or change a package: 404 to read, 403 to change, and the attempt is audited", async () => {
    const pkg = await createDraft();
    const other = await t.createLicensedProvider();
    expect((await inject('GET', `/packages/${pkg.id}`, other.owner.headers)).statusCode).toBe(404);
    const before = await inject('GET', `/packages/${pkg.id}`, provider.owner.headers);
    for (const [method, url, body] of [
      ['PUT', `/packages/${pkg.id}`, samplePackage({ capacity: 1 })],
      ['POST', `/packages/${pkg.id}/publish`, undefined],
      ['POST', `/packages/${pkg.id}/close`, undefined],
    ] as const) {
      const res = await inject(method, url, other.owner.headers, body);
      expect(res.statusCode).toBe(403);
    }
    const after = await inject('GET', `/packages/${pkg.id}`, provider.owner.headers);
    expect(after.json()).toEqual(before.json());
    const audit = await t.services.audit.query({ action: 'package.access_denied', subjectId: pkg.id, limit: 10 });
    expect(audit.items).toHaveLength(3);
    expect(audit.items[0]).toMatchObject({ actorId: other.owner.accountId, data: { ownerProviderId: provider.providerId } });
    const list = await inject('GET', '/packages', other.owner.headers);
    expect(list.json().map((p: { id: string }) => p.id)).not.toContain(pkg.id);
  });

  it('the ministry reads any package', async () => {
    const pkg = await createDraft();
    const officer = await t.signInAs('ministry_officer');
    expect((await inject('GET', `/packages/${pkg.id}`, officer.headers)).statusCode).toBe(200);
  });
});
