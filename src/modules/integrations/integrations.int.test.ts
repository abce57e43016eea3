import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { samplePackage } from '../catalogue/index.ts';
import { retryDelaySeconds, verifySignature } from './domain/signature.ts';

let t: TestApp;
let provider: Awaited<ReturnType<TestApp['createLicensedProvider']>>;

/** A provider's receiver, as a provider would write it: it checks the signature with the documented rule. */
class Receiver {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const problem = verifySignature(String(req.headers['manasik-signature']), this.secret, body, Math.floor(t.clock.now().getTime() / 1000));
      this.received.push({ type: String(req.headers['manasik-event-type']), body: JSON.parse(body), problem });
      res.statusCode = this.down ? 503 : problem ? 400 : 204;
      res.end();
    });
  });
  received: { type: string; body: { id: number; type: string; data: Record<string, unknown> }; problem: string | null }[] = [];
  secret = '';
  down = false;
  get url() {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/manasik`;
  }
}
const receiver = new Receiver();

beforeAll(async () => {
  t = await createTestApp();
  provider = await t.createLicensedProvider();
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => receiver.server.close(resolve));
  await t?.close();
});

const api = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

describe('API keys', () => {
  it('are shown once, stored hashed, scoped, and revocable', async () => {
    const created = await api('POST', `/providers/${provider.providerId}/api-keys`, provider.owner.headers, { name: 'ERP sync', scopes: ['packages:read'] });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^mkp_/);
    const stored = await t.db.kysely.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key);
    const listed = await api('GET', `/providers/${provider.providerId}/api-keys`, provider.owner.headers);
    expect(JSON.stringify(listed.json())).not.toContain(key);

    const headers = { authorization: `Bearer ${key}` };
    expect((await api('GET', '/packages', headers)).statusCode).toBe(200);
    const write = await api('POST', '/packages', headers, samplePackage());
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('auth.api_scope_missing');
    // A key reaches only routes that declare a scope: not the key management, not the account.
    expect((await api('GET', `/providers/${provider.providerId}/api-keys`, headers)).statusCode).toBe(403);
    expect((await api('GET', '/me', headers)).statusCode).toBe(403);

    expect((await api('DELETE', `/providers/${provider.providerId}/api-keys/${id}`, provider.owner.headers)).statusCode).toBe(204);
    expect((await api('GET', '/packages', headers)).statusCode).toBe(401);
  });

  it('a write-scoped key creates and publishes packages, audited under its creator', async () => {
    const created = await api('POST', `/providers/${provider.providerId}/api-keys`, provider.owner.headers, { name: 'CMS', scopes: ['packages:read', 'packages:write'] });
    const headers = { authorization: `Bearer ${created.json().key}` };
    const pkg = await api('POST', '/packages', headers, samplePackage());
    expect(pkg.statusCode).toBe(201);
    expect((await api('POST', `/packages/${pkg.json().id}/publish`, headers)).json().status).toBe('published');
    const audit = await t.services.audit.query({ subjectId: pkg.json().id, limit: 5 });
    expect(audit.items.every((i) => i.actorId === provider.owner.accountId)).toBe(true);
  });

  it("one provider's key cannot touch another provider's packages", async () => {
    const other = await t.createLicensedProvider();
    const theirs = await api('POST', '/packages', other.owner.headers, samplePackage());
    const mine = await api('POST', `/providers/${provider.providerId}/api-keys`, provider.owner.headers, { name: 'k', scopes: ['packages:read', 'packages:write'] });
    const headers = { authorization: `Bearer ${mine.json().key}` };
    expect((await api('GET', `/packages/${theirs.json().id}`, headers)).statusCode).toBe(404);
    expect((await api('POST', `/packages/${theirs.json().id}/publish`, headers)).statusCode).toBe(403);
    expect((await api('POST', `/providers/${other.providerId}/api-keys`, provider.owner.headers, { name: 'x', scopes: ['packages:read'] })).statusCode).toBe(403);
  });
});

describe('webhooks', () => {
  let endpointId: string;

  it('delivers signed events that the receiver verifies', async () => {
    const created = await api('POST', `/providers/${provider.providerId}/webhooks`, provider.owner.headers, { url: receiver.url, events: ['package.published', 'package.closed'] });
    expect(created.statusCode).toBe(201);
    endpointId = created.json().id;
    receiver.secret = created.json().secret;
    expect(receiver.secret).toMatch(/^whsec_/);

    const pkg = await api('POST', '/packages', provider.owner.headers, samplePackage());
    await api('POST', `/packages/${pkg.json().id}/publish`, provider.owner.headers);
    await t.services.webhookDispatcher.runOnce();
    const got = receiver.received.filter((r) => r.body.data.packageId === pkg.json().id);
    expect(got).toEqual([expect.objectContaining({ type: 'package.published', problem: null })]);
    const log = await api('GET', `/providers/${provider.providerId}/webhooks/${endpointId}/deliveries`, provider.owner.headers);
    expect(log.json()[0]).toMatchObject({ eventType: 'package.published', status: 'delivered', attempts: 1, lastStatus: 204 });
  });

  it('a forged signature is caught by the receiver', async () => {
    const realSecret = receiver.secret;
    receiver.secret = 'whsec_not_the_one';
    const pkg = await api('POST', '/packages', provider.owner.headers, samplePackage());
    await api('POST', `/packages/${pkg.json().id}/publish`, provider.owner.headers);
    await t.services.webhookDispatcher.runOnce();
    expect(receiver.received.at(-1)?.problem).toBe('mismatch');
    receiver.secret = realSecret;
  });

  it('retries a receiver that is down with backoff, then keeps the dead letter, and replays it', async () => {
    receiver.down = true;
    const pkg = await api('POST', '/packages', provider.owner.headers, samplePackage());
    await api('POST', `/packages/${pkg.json().id}/publish`, provider.owner.headers);
    for (let attempt = 1; attempt <= 10; attempt++) {
      await t.services.webhookDispatcher.runOnce();
      t.clock.advance(retryDelaySeconds(attempt) * 1000);
    }
    const log = await api('GET', `/providers/${provider.providerId}/webhooks/${endpointId}/deliveries`, provider.owner.headers);
    const dead = log.json()[0];
    expect(dead).toMatchObject({ status: 'dead', attempts: 10, lastStatus: 503 });
    const tries = receiver.received.filter((r) => r.body.data.packageId === pkg.json().id);
    expect(tries).toHaveLength(10);

    receiver.down = false;
    expect((await api('POST', `/providers/${provider.providerId}/webhook-deliveries/${dead.id}/replay`, provider.owner.headers)).statusCode).toBe(202);
    await t.services.webhookDispatcher.runOnce();
    const after = await api('GET', `/providers/${provider.providerId}/webhooks/${endpointId}/deliveries`, provider.owner.headers);
    expect(after.json()[0]).toMatchObject({ id: dead.id, status: 'delivered' });
  });

  it('creates each delivery once, even when two dispatchers fan out at the same time', async () => {
    const pkg = await api('POST', '/packages', provider.owner.headers, samplePackage());
    await api('POST', `/packages/${pkg.json().id}/publish`, provider.owner.headers);
    await Promise.all([t.services.webhookDispatcher.fanOut(), t.services.webhookDispatcher.fanOut()]);
    const deliveries = await t.db.kysely
      .selectFrom('webhook_deliveries')
      .innerJoin('domain_events', 'domain_events.id', 'webhook_deliveries.event_id')
      .select('webhook_deliveries.id')
      .where('domain_events.subject_id', '=', pkg.json().id)
      .execute();
    expect(deliveries).toHaveLength(1);
  });

  it('sends only subscribed events, and nothing once disabled', async () => {
    await t.services.webhookDispatcher.runOnce(); // flush what earlier tests left pending
    const before = receiver.received.length;
    const officer = await t.signInAs('ministry_officer');
    await api('POST', `/providers/${provider.providerId}/suspend`, officer.headers, { reason: 'x' }); // not subscribed
    await api('POST', `/providers/${provider.providerId}/reinstate`, officer.headers, {});
    await api('POST', `/providers/${provider.providerId}/webhooks/${endpointId}/disable`, provider.owner.headers);
    const pkg = await api('POST', '/packages', provider.owner.headers, samplePackage());
    await api('POST', `/packages/${pkg.json().id}/publish`, provider.owner.headers);
    await t.services.webhookDispatcher.runOnce();
    expect(receiver.received.length).toBe(before);
  });

  it('refuses an unacceptable endpoint address', async () => {
    const strict = await createTestApp({ PUBLIC_URL: 'https://manasik.example.org' });
    try {
      const owner = (await strict.createLicensedProvider()).owner;
      for (const url of ['http://hooks.example.org/x', 'https://127.0.0.1/x', 'https://169.254.169.254/latest']) {
        const res = await strict.app.inject({ method: 'POST', url: `/api/v1/providers/${owner.providerId}/webhooks`, headers: owner.headers, payload: { url, events: ['package.published'] } });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code).toBe('integration.invalid_url');
      }
    } finally {
      await strict.close();
    }
  });
});
