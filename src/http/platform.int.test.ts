import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN: 'metrics-secret-0123456789' });
});
afterAll(async () => t?.close());

describe('operations endpoints', () => {
  it('/health answers without the database; /ready names the engine', async () => {
    expect((await t.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().engine).toBe(t.db.engine);
  });

  it('/ready answers 503 problem+json when the database is gone, while /health stays up', async () => {
    const lonely = await createTestApp();
    try {
      await lonely.db.close();
      const ready = await lonely.app.inject({ url: '/ready', headers: { 'accept-language': 'en' } });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: 'service.unavailable', title: 'The service is not ready: the database does not answer.' });
      expect((await lonely.app.inject({ url: '/health' })).statusCode).toBe(200);
    } finally {
      await lonely.close();
    }
  });

  it('/metrics needs the scraper token when one is configured, and counts requests by route template', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    await t.app.inject({ url: '/api/v1/accounts/00000000-0000-4000-8000-000000000000/status' });
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-secret-0123456789' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('manasik_http_request_duration_seconds_count{method="GET",route="/health"');
    expect(res.body).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(res.body).toContain('manasik_process_cpu_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document covering every API route, with security on protected ones', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown }>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    for (const r of t.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')) {
      expect(documented).toContain(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    }
    expect(doc.paths['/api/v1/me'].get.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(doc.paths['/api/v1/auth/register'].post.security).toBeUndefined();
    const docs = await t.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('serves the web app and the API document without looking at credentials', async () => {
    const forged = { authorization: 'Bearer mkb_forgedforgedforgedforged' };
    expect((await t.app.inject({ url: '/some/deep/link', headers: forged })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/openapi.json', headers: forged })).statusCode).toBe(200);
    // …while every API route still refuses the forged token.
    expect((await t.app.inject({ url: '/health', headers: forged })).statusCode).toBe(401);
  });

  it('sets security headers and a request id on every answer', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await t.app.inject({ url: '/api/v1/me' });
    expect(problem.json().requestId).toBe(problem.headers['x-request-id']);
  });

  it('sends the browser to https (upgrade-insecure-requests, HSTS) only when the platform is served over https', async () => {
    // Plain http, as on a phone on the local network: upgrading would blank the page.
    const plain = await t.app.inject({ url: '/health' });
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await createTestApp({ PUBLIC_URL: 'https://manasik.example' });
    try {
      const res = await secure.app.inject({ url: '/health' });
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });

  it('keeps passwords, tokens, cookies and passport numbers out of the logs', async () => {
    const admin = await t.signInAs('ministry_admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'logs@example.org', password: 'super secret passphrase', displayName: 'L', passportNumber: 'P12345678' },
    });
    await t.app.inject({ url: '/api/v1/me', headers: { ...admin.headers, cookie: 'manasik_session=mks_cookievalue123456' } });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email?token=mkt_querysecret123456', payload: { token: 'mkt_bodysecret1234567' } });
    t.app.log.info({ body: { password: 'x-leak-1', passportNumber: 'P99999999' }, token: 'x-leak-2' }, 'a careless line');
    const logs = t.logs.text;
    expect(logs).toContain('"url":"/api/v1/me"');
    for (const secret of ['super secret passphrase', 'P12345678', 'P99999999', 'x-leak-1', 'x-leak-2', admin.token, 'cookievalue123456', 'querysecret', 'bodysecret']) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('audit log', () => {
  it('records a change in the same transaction: a refused change leaves no record', async () => {
    const payload = { email: 'audit@example.org', password: 'another passphrase', displayName: 'A' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload })).statusCode).toBe(201);
    const before = await t.services.audit.query({ limit: 200 });
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });
    expect(dup.statusCode).toBe(409);
    expect((await t.services.audit.query({ limit: 200 })).items.length).toBe(before.items.length);
    await expect(
      t.db.kysely.transaction().execute(async (trx) => {
        await trx.insertInto('audit_log').values({
          occurred_at: new Date(), actor_id: null, actor_role: null, action: 'test.rolled_back',
          subject_type: 'test', subject_id: '1', data: '{}', request_id: null,
        }).execute();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await t.services.audit.query({ action: 'test.rolled_back', limit: 5 })).items).toHaveLength(0);
  });

  it('is append-only, enforced by the database', async () => {
    await expect(t.db.kysely.updateTable('audit_log').set({ action: 'x.y' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('lets ministry officers filter it, page by page; nobody else reads it', async () => {
    const officer = await t.signInAs('ministry_officer');
    const res = await t.app.inject({ url: '/api/v1/audit?action=account.*&limit=2', headers: officer.headers });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(2);
    expect(page.items.every((i: { action: string }) => i.action.startsWith('account.'))).toBe(true);
    const next = await t.app.inject({ url: `/api/v1/audit?action=account.*&limit=2&cursor=${page.nextCursor}`, headers: officer.headers });
    expect(next.json().items[0].id).toBeLessThan(page.items[1].id);
    const byActor = await t.app.inject({ url: `/api/v1/audit?actorId=${officer.accountId}`, headers: officer.headers });
    expect(byActor.json().items.map((i: { action: string }) => i.action)).toContain('api_token.created');
    const future = await t.app.inject({ url: '/api/v1/audit?from=2030-01-01T00:00:00Z', headers: officer.headers });
    expect(future.json().items).toHaveLength(0);
    for (const role of ['pilgrim', 'mission_officer', 'provider_staff'] as const) {
      const other = await t.signInAs(role);
      expect((await t.app.inject({ url: '/api/v1/audit', headers: other.headers })).statusCode).toBe(403);
    }
  });
});

describe('developer mailbox', () => {
  it('lists sent emails when no SMTP server is configured, and is absent when one is', async () => {
    const res = await t.app.inject({ url: '/api/v1/dev/mailbox?to=audit@example.org' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].subject).toBeTruthy();
    const withSmtp = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    try {
      expect((await withSmtp.app.inject({ url: '/api/v1/dev/mailbox' })).statusCode).toBe(404);
    } finally {
      await withSmtp.close();
    }
  });
});
