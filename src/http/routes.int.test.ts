import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredCodes } from '../core/errors.ts';
import { roles, type Role } from '../core/principal.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import type { RouteEntry } from '../app.ts';

/**
 * Walks the whole route table, so that every route added later is covered
 * without writing a line here: each declares a policy, protected routes
 * refuse anonymous callers, and every kind of bad input is refused with a
 * registered problem code, never a 500, and without writing anything.
 */

let t: TestApp;
const tokens = new Map<Role, Record<string, string>>();
beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) {
    tokens.set(role, (await t.signInAs(role)).headers);
  }
});
afterAll(async () => t?.close());

const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const apiRoutes = () => t.routes.filter((r) => r.method !== 'HEAD');
const acceptsOf = (r: RouteEntry) => r.accepts ?? ['application/json'];
/** Routes that take a request body: every method but GET, HEAD and OPTIONS. */
const bodyRoutes = () => apiRoutes().filter((r) => !['GET', 'OPTIONS'].includes(r.method));

function headersFor(route: RouteEntry): Record<string, string> {
  const policy = route.policy!;
  if (policy.kind === 'roles') return tokens.get(policy.roles[0]!)!;
  if (policy.kind === 'authenticated') return tokens.get('pilgrim')!;
  return {};
}

/**
 * A URL with valid path parameters: a parameter's schema gives its example,
 * else a UUID (ids) or 1 (numbers). `override` replaces every parameter.
 */
function fillParams(url: string, override?: string, route?: RouteEntry) {
  const params = (route?.schema?.params as { properties?: Record<string, { examples?: string[]; type?: string }> } | undefined)?.properties ?? {};
  return url
    .replace(/:([A-Za-z]+)/g, (_m, name: string) => override ?? params[name]?.examples?.[0] ?? (params[name]?.type === 'integer' ? '1' : NIL_UUID))
    .replace('*', 'some/deep/link');
}

type JsonSchema = { type?: string; enum?: unknown[]; maxLength?: number; properties?: Record<string, JsonSchema>; format?: string };

function wrongTypeFor(schema: JsonSchema): unknown {
  if (schema.enum) return 12345;
  switch (schema.type) {
    case 'string': return 12345;
    case 'integer':
    case 'number': return 'twelve';
    case 'boolean': return 'yes';
    case 'array': return { not: 'a list' };
    default: return 'not an object';
  }
}

describe('route policies', () => {
  it('every route declares who may call it', () => {
    const missing = t.routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(t.routes.length).toBeGreaterThan(15);
  });

  it('every protected route answers 401 problem+json to an anonymous caller', async () => {
    const protectedRoutes = apiRoutes().filter((r) => r.policy!.kind === 'roles' || r.policy!.kind === 'authenticated');
    expect(protectedRoutes.length).toBeGreaterThan(3);
    for (const route of protectedRoutes) {
      const res = await t.app.inject({ method: route.method as never, url: fillParams(route.url, undefined, route), payload: route.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('every role-restricted route answers 403 to a role it does not allow', async () => {
    for (const route of apiRoutes().filter((r) => r.policy!.kind === 'roles')) {
      const policy = route.policy as Extract<RouteEntry['policy'], { kind: 'roles' }>;
      const outsider = (['pilgrim', 'gate_officer', 'provider_staff'] as const).find((r) => !policy.roles.includes(r))!;
      const res = await t.app.inject({ method: route.method as never, url: fillParams(route.url, undefined, route), headers: tokens.get(outsider)!, payload: route.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.url} as ${outsider}`).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
  });
});

describe('operations that book, pay or issue a permit', () => {
  /** Every operation that creates a booking, moves money or issues a permit. */
  const mustTakeKey = [
    'POST /api/v1/bookings/:id/pay',
    'POST /api/v1/bookings/:id/cancel',
    'POST /api/v1/bookings/:id/decline',
    'POST /api/v1/wallet/top-ups',
    'POST /api/v1/wallet/bank-statements',
    'POST /api/v1/seasons/:code/sale/bookings',
    'POST /api/v1/seasons/:code/draw/publish',
    'POST /api/v1/providers/:id/suspend',
    'POST /api/v1/permits/bookings',
    'POST /api/v1/permits/bookings/:id/reschedule',
    'POST /api/v1/permits/bookings/:id/cancel',
    'POST /api/v1/permits/waitlist/:entryId/accept',
  ];
  const idempotentRoutes = () => apiRoutes().filter((r) => r.idempotent);

  it('take an Idempotency-Key, and say so in the API document', async () => {
    const declared = idempotentRoutes().map((r) => `${r.method} ${r.url}`);
    for (const op of mustTakeKey) expect(declared, op).toContain(op);
    const doc = (await t.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
    for (const route of idempotentRoutes()) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const params = doc.paths[path]?.[route.method.toLowerCase()]?.parameters ?? [];
      expect(params.some((p) => p.in === 'header' && p.name === 'idempotency-key'), `${route.method} ${route.url}`).toBe(true);
    }
  });

  it('refuse a malformed key before doing anything', async () => {
    for (const route of idempotentRoutes()) {
      const headers = { ...headersFor(route), 'idempotency-key': 'short', ...(acceptsOf(route).includes('application/json') ? {} : { 'content-type': acceptsOf(route)[0]! }) };
      const before = await t.tableCounts();
      const res = await t.app.inject({ method: route.method as never, url: fillParams(route.url, undefined, route), headers, payload: acceptsOf(route).includes('application/json') ? {} : 'x' });
      expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).toBe(400);
      expect(['idempotency.bad_key', 'request.validation_failed'], route.url).toContain(res.json().code);
      expect(await t.tableCounts()).toEqual(before);
    }
  });
});

// Each case walks every route, present and future, and counts every table before and after each request:
// the time grows with the API, and doubles on a loaded machine.
describe('bad input on every route', { timeout: 240_000 }, () => {
  async function expectRefused(label: string, request: InjectOptions, expected?: { status?: number; code?: string; pointer?: string }) {
    const before = await t.tableCounts();
    const res = await t.app.inject(request);
    const where = `${label}: ${JSON.stringify(request).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, where).toBeLessThan(500);
    expect(res.headers['content-type'], where).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(registeredCodes(), where).toContain(body.code);
    expect(body.title, where).toBeTruthy();
    if (expected?.status) expect(res.statusCode, where).toBe(expected.status);
    if (expected?.code) expect(body.code, where).toBe(expected.code);
    if (expected?.pointer) expect(body.errors?.map((e: { pointer: string }) => e.pointer), where).toContain(expected.pointer);
    expect(await t.tableCounts(), `${where} wrote to the database`).toEqual(before);
    return body;
  }

  it('refuses malformed JSON, wrong content types and oversized bodies', async () => {
    for (const route of apiRoutes().filter((r) => r.schema?.body && acceptsOf(r).includes('application/json'))) {
      const base = { method: route.method as never, url: fillParams(route.url, undefined, route), headers: headersFor(route) };
      await expectRefused('malformed', { ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: '{"email": ' }, { code: 'request.malformed_json' });
      await expectRefused('empty', { ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: '' });
      await expectRefused('text/plain', { ...base, headers: { ...base.headers, 'content-type': 'text/plain' }, payload: 'hello' }, { status: 415 });
      await expectRefused('oversized', { ...base, payload: { blob: 'x'.repeat(t.config.bodyLimitBytes + 10) } }, { status: 413, code: 'request.body_too_large' });
      await expectRefused('array body', { ...base, payload: [1, 2, 3] }, { code: 'request.validation_failed' });
    }
  });

  it('refuses missing, unknown, mistyped, overlong and control-character fields, naming the field', async () => {
    let checked = 0;
    for (const route of apiRoutes().filter((r) => r.schema?.body)) {
      const schema = route.schema!.body as JsonSchema & { required?: string[] };
      const base = { method: route.method as never, url: fillParams(route.url, undefined, route), headers: headersFor(route) };
      if (schema.type !== 'object') continue; // a text body (a CSV upload): see the content-type test
      for (const field of schema.required ?? []) {
        await expectRefused('missing', { ...base, payload: {} }, { code: 'request.validation_failed', pointer: `/body/${field}` });
      }
      await expectRefused('unknown', { ...base, payload: { zzUnknown: 1 } }, { code: 'request.validation_failed', pointer: '/body/zzUnknown' });
      await expectRefused('proto', { ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: '{"__proto__": {"role": "ministry_admin"}}' });
      for (const [field, prop] of Object.entries(schema.properties ?? {})) {
        await expectRefused('wrong type', { ...base, payload: { [field]: wrongTypeFor(prop) } }, { code: 'request.validation_failed', pointer: `/body/${field}` });
        if (prop.type === 'string') {
          expect(prop.maxLength ?? prop.enum, `${route.url} ${field} must be bounded`).toBeDefined();
          if (prop.maxLength) {
            await expectRefused('too long', { ...base, payload: { [field]: 'a'.repeat(prop.maxLength + 1) } }, { pointer: `/body/${field}` });
          }
          const multiLine = new RegExp((prop as { pattern?: string }).pattern ?? '', 'u').test('line\nbreak');
          for (const nasty of ['bad\u0000value', 'bad\u001bvalue', ...(multiLine ? [] : ['line\nbreak'])]) {
            await expectRefused('control chars', { ...base, payload: { [field]: nasty } }, { pointer: `/body/${field}` });
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  }, 120_000); // one request per field of every route, and it grows with every route

  it('refuses unknown and mistyped query parameters', async () => {
    for (const route of apiRoutes().filter((r) => r.schema?.querystring)) {
      const schema = route.schema!.querystring as JsonSchema;
      const url = fillParams(route.url, undefined, route);
      const base = { method: route.method as never, headers: headersFor(route) };
      await expectRefused('unknown query', { ...base, url: `${url}?zzUnknown=1` }, { pointer: '/querystring/zzUnknown' });
      for (const [field, prop] of Object.entries(schema.properties ?? {})) {
        const bad = prop.type === 'integer' || prop.type === 'number' ? 'twelve' : prop.maxLength ? 'a'.repeat(prop.maxLength + 1) : '%00%1b';
        await expectRefused('bad query', { ...base, url: `${url}?${field}=${bad}` }, { pointer: `/querystring/${field}` });
      }
    }
  });

  it('refuses malformed path parameters', async () => {
    const withParams = apiRoutes().filter((r) => r.schema?.params);
    expect(withParams.length).toBeGreaterThan(0);
    for (const route of withParams) {
      for (const [bad, code] of [
        ['not-a-uuid', 'request.validation_failed'],
        ["1'%20or%20'1'='1", 'request.validation_failed'],
        ['%E0%A4%A', 'request.bad_url'],
        ['x'.repeat(300), undefined], // the router refuses it: 414, or 404 where a GET wildcard serves the web app
      ] as const) {
        await expectRefused('bad param', {
          method: route.method as never,
          url: fillParams(route.url, bad, route),
          headers: headersFor(route),
          payload: route.method === 'GET' || !acceptsOf(route).includes('application/json') ? undefined : { status: 'active' },
        }, code ? { code } : {});
      }
    }
  });

  it('refuses every content type a route does not take, before reading the body', async () => {
    const samples: Record<string, { payload: string; type: string }> = {
      'application/json': { type: 'application/json', payload: '{"a": 1}' },
      'text/csv': { type: 'text/csv', payload: 'country,seats\nFR,1\n' },
      'multipart/form-data': { type: 'multipart/form-data; boundary=x', payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc\r\n--x--\r\n' },
      'text/plain': { type: 'text/plain', payload: 'hello' },
      'application/x-www-form-urlencoded': { type: 'application/x-www-form-urlencoded', payload: 'a=1' },
      'application/xml': { type: 'application/xml', payload: '<a/>' },
    };
    let checked = 0;
    for (const route of bodyRoutes()) {
      for (const [type, sample] of Object.entries(samples)) {
        if (acceptsOf(route).includes(type)) continue;
        await expectRefused(`${type} not taken`, { method: route.method as never, url: fillParams(route.url, undefined, route), headers: { ...headersFor(route), 'content-type': sample.type }, payload: sample.payload }, { status: 415, code: 'request.unsupported_media_type' });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  }, 120_000); // every body route times every media type it does not take

  it('refuses JSON nested 10,000 deep on every route, whatever it takes', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const route of bodyRoutes()) {
      const body = await expectRefused('deep JSON', { method: route.method as never, url: fillParams(route.url, undefined, route), headers: { ...headersFor(route), 'content-type': 'application/json' }, payload: deep });
      expect(['request.too_deep', 'request.unsupported_media_type'], route.url).toContain(body.code);
    }
  });

  it('refuses ill-formed Unicode (a lone surrogate) in every string field, query parameter and path parameter, naming it', async () => {
    let checked = 0;
    for (const route of apiRoutes()) {
      const base = { method: route.method as never, url: fillParams(route.url, undefined, route), headers: headersFor(route) };
      const body = route.schema?.body as JsonSchema | undefined;
      if (body?.type === 'object' && acceptsOf(route).includes('application/json')) {
        for (const [field, prop] of Object.entries(body.properties ?? {})) {
          const value = prop.type === 'array' ? ['ab\ud800cd'] : 'ab\ud800cd';
          const payload = JSON.stringify({ [field]: value }); // JSON.stringify writes the lone surrogate as the escape \ud800
          await expectRefused('lone surrogate', { ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload }, { code: 'request.ill_formed_text', pointer: prop.type === 'array' ? `/body/${field}/0` : `/body/${field}` });
          checked++;
        }
        await expectRefused('lone surrogate key', { ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: '{"\\udc00": 1}' }, { code: 'request.ill_formed_text' });
      }
      for (const field of Object.keys((route.schema?.querystring as JsonSchema | undefined)?.properties ?? {})) {
        await expectRefused('lone surrogate in query', { ...base, url: `${base.url}?${field}=%ED%A0%80` }, { code: 'request.bad_url' });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('refuses a multipart upload without a boundary, or cut short, on every route that takes one', async () => {
    const uploads = bodyRoutes().filter((r) => acceptsOf(r).includes('multipart/form-data'));
    expect(uploads.length).toBeGreaterThan(0);
    for (const route of uploads) {
      const base = { method: route.method as never, url: fillParams(route.url, undefined, route), headers: headersFor(route) };
      await expectRefused('no boundary', { ...base, headers: { ...base.headers, 'content-type': 'multipart/form-data' }, payload: 'abc' }, { status: 400, code: 'request.malformed_multipart' });
      await expectRefused('cut short', { ...base, headers: { ...base.headers, 'content-type': 'multipart/form-data; boundary=xx' }, payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc' }, { status: 400, code: 'request.malformed_multipart' });
      await expectRefused('garbage', { ...base, headers: { ...base.headers, 'content-type': 'multipart/form-data; boundary=xx' }, payload: 'not a form at all' });
    }
  });

  it('answers an over-long address on every route with 431 problem+json, in the caller\'s language', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const pad = 'x'.repeat(20_000);
    for (const route of apiRoutes()) {
      const url = `http://127.0.0.1:${port}${fillParams(route.url, undefined, route)}?pad=${pad}`;
      const res = await fetch(url, { method: route.method, headers: { ...headersFor(route), 'accept-language': 'en' } });
      expect(res.status, `${route.method} ${route.url}`).toBe(431);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const body = await res.json() as { code: string; title: string };
      expect(body.code).toBe('request.header_too_large');
      expect(body.title).toMatch(/too long/);
    }
    const ar = await fetch(`http://127.0.0.1:${port}/health?pad=${pad}`, { headers: { 'accept-language': 'ar' } });
    expect(((await ar.json()) as { title: string }).title).toMatch(/أطول/);
  });

  it('answers unknown API paths with 404 and wrong methods with 405 and Allow, as problems', async () => {
    await expectRefused('unknown path', { method: 'GET', url: '/api/v1/nothing-here' }, { status: 404, code: 'request.not_found' });
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    const byUrl = new Map<string, Set<string>>();
    for (const r of apiRoutes()) byUrl.set(r.url, (byUrl.get(r.url) ?? new Set()).add(r.method));
    for (const [url, taken] of byUrl) {
      if (url.includes('*')) continue;
      const wrong = methods.find((m) => !taken.has(m))!;
      const res = await t.app.inject({ method: wrong as never, url: fillParams(url) });
      expect(res.statusCode, `${wrong} ${url}`).toBe(405);
      expect(res.json().code).toBe('request.method_not_allowed');
      for (const m of taken) expect(res.headers.allow, url).toContain(m);
    }
  });

  it('answers in the caller\'s language', async () => {
    const ar = await t.app.inject({ method: 'POST', url: '/api/v1/auth/session', headers: { 'accept-language': 'ar' }, payload: { email: 'nope' } });
    expect(ar.json().title).toMatch(/الطلب غير صالح/);
    expect(ar.headers['content-language']).toBe('ar');
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/auth/session', headers: { 'accept-language': 'en-GB,en;q=0.9' }, payload: { email: 'nope' } });
    expect(en.json().title).toMatch(/not valid/);
    expect(en.json().errors).toEqual(expect.arrayContaining([
      { pointer: '/body/email', message: 'must be a valid email address' },
      { pointer: '/body/password', message: 'is required' },
    ]));
  });
});
