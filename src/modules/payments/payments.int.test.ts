import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { signWebhook, testCards } from '../gateway-sim/index.ts';
import { platformSecret } from '../../db/platform-secrets.ts';

let t: TestApp;
let pilgrim: Record<string, string>;
const api = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const wallet = async () => (await api('GET', '/wallet', pilgrim)).json();
/** Lets the simulated gateway's (doubled, shuffled) webhooks all arrive. */
async function deliverAll() {
  t.clock.advance(3000);
  while ((await t.services.gatewaySim.deliverDue(100)) > 0) t.clock.advance(100);
}
async function topUp(amount: number, key?: string) {
  const res = await api('POST', '/wallet/top-ups', { ...pilgrim, ...(key ? { 'idempotency-key': key } : {}) }, { amount });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; gatewayPaymentId: string; redirectUrl: string };
}
const card = (id: string, number: string) => api('POST', `/sim-gateway/payments/${id}/card`, {}, { number });

beforeAll(async () => {
  t = await createTestApp(); // SIMGW_CHAOS defaults to on: every webhook twice, in random order
  pilgrim = (await t.signInAs('pilgrim')).headers;
});
afterAll(async () => t?.close());

describe('card top-ups through the simulated gateway', () => {
  it('starts one payment however often the button is pressed, and credits the wallet once on success', async () => {
    const first = await topUp(50_000, 'topup-0001');
    const again = await api('POST', '/wallet/top-ups', { ...pilgrim, 'idempotency-key': 'topup-0001' }, { amount: 50_000 });
    expect(again.json().gatewayPaymentId).toBe(first.gatewayPaymentId);
    expect(first.redirectUrl).toBe(`/pay/sim/${first.gatewayPaymentId}`);
    expect((await card(first.gatewayPaymentId, '4242 4242 4242 4242')).json()).toMatchObject({ status: 'succeeded', cardLast4: '4242' });
    await deliverAll();
    expect(await wallet()).toMatchObject({ balance: 50_000, available: 50_000, pendingIn: 0 });
    expect((await api('GET', `/wallet/top-ups/${first.id}`, pilgrim)).json().status).toBe('succeeded');
    const events = await t.db.kysely.selectFrom('payment_events').select(['type', 'outcome']).execute();
    expect(events.filter((e) => e.outcome === 'applied').length).toBeGreaterThanOrEqual(1);
  });

  it('credits nothing for a declined card', async () => {
    const p = await topUp(20_000);
    expect((await card(p.gatewayPaymentId, testCards.declined)).json().status).toBe('declined');
    await deliverAll();
    expect((await api('GET', `/wallet/top-ups/${p.id}`, pilgrim)).json().status).toBe('failed');
    expect((await wallet()).balance).toBe(50_000);
  });

  it('holds an authorised 3-D Secure payment until the challenge is passed, then posts it', async () => {
    const p = await topUp(30_000);
    expect((await card(p.gatewayPaymentId, testCards.requires3ds)).json().status).toBe('requires_3ds');
    await deliverAll();
    expect(await wallet()).toMatchObject({ balance: 50_000, pendingIn: 30_000, available: 50_000 });
    expect((await api('POST', `/sim-gateway/payments/${p.gatewayPaymentId}/3ds`, {}, { code: '123456' })).json().status).toBe('succeeded');
    await deliverAll();
    expect(await wallet()).toMatchObject({ balance: 80_000, pendingIn: 0 });
    // Each top-up is one movement in the history with its outcome, not a line per step.
    const cardMoves = (await wallet()).history.filter((h: { kind: string }) => h.kind === 'top_up_card');
    expect(cardMoves.map((h: { amount: number; state: string }) => [h.amount, h.state])).toEqual([[30_000, 'posted'], [50_000, 'posted']]);
  });

  it('voids the hold when the challenge fails', async () => {
    const p = await topUp(10_000);
    await card(p.gatewayPaymentId, testCards.requires3ds);
    await deliverAll();
    expect((await wallet()).pendingIn).toBe(10_000);
    await api('POST', `/sim-gateway/payments/${p.gatewayPaymentId}/3ds`, {}, { code: '000000' });
    await deliverAll();
    expect(await wallet()).toMatchObject({ balance: 80_000, pendingIn: 0 });
  });

  it('refuses an invalid card number on the hosted page', async () => {
    const p = await topUp(10_000);
    expect((await card(p.gatewayPaymentId, '4242 4242 4242 4241')).json().code).toBe('gateway.card_invalid');
  });

  it('refuses a forged signature and records nothing', async () => {
    const body = JSON.stringify({ id: 'evt_forged', type: 'payment.succeeded', created: 0, data: { payment: { id: 'pay_x', amount: 999_999, status: 'succeeded' } } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/payments/webhooks/simcard', headers: { 'content-type': 'application/json', 'simgw-signature': signWebhook('not the key', body, Math.floor(t.clock.now().getTime() / 1000)) }, payload: body });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('payment.bad_signature');
    expect(await t.db.kysely.selectFrom('payment_events').selectAll().where('event_id', '=', 'evt_forged').execute()).toEqual([]);
  });

  it('records and refuses a signed event for a payment it never started, and acknowledges a replay without effect', async () => {
    const secret = await platformSecret(t.db.kysely, t.clock, 'simgw-webhook');
    const send = (body: string) => t.app.inject({ method: 'POST', url: '/api/v1/payments/webhooks/simcard', headers: { 'content-type': 'application/json', 'simgw-signature': signWebhook(secret, body, Math.floor(t.clock.now().getTime() / 1000)) }, payload: body });
    const unknown = JSON.stringify({ id: 'evt_unknown', type: 'payment.succeeded', created: 0, data: { payment: { id: 'pay_000000000000000000000000', amount: 5, status: 'succeeded' } } });
    expect((await send(unknown)).json().code).toBe('payment.unknown');
    expect(await t.db.kysely.selectFrom('payment_events').select('outcome').where('event_id', '=', 'evt_unknown').execute()).toEqual([{ outcome: 'unknown_payment' }]);
    const delivered = await t.db.kysely.selectFrom('simgw_events').select('body').where('type', '=', 'payment.succeeded').limit(1).executeTakeFirstOrThrow();
    const before = (await wallet()).balance;
    expect((await send(delivered.body)).json()).toEqual({ received: true, outcome: 'replayed' });
    expect((await wallet()).balance).toBe(before);
  });

  it('reconciles a success whose webhooks never arrived, and ignores them when they finally do', async () => {
    const p = await topUp(7_000);
    await card(p.gatewayPaymentId, testCards.succeeds);
    t.clock.advance(31_000); // our side heard nothing
    expect(await t.services.payments.reconcile()).toBe(1);
    expect((await wallet()).balance).toBe(87_000);
    await deliverAll();
    expect((await wallet()).balance).toBe(87_000);
  });

  it('leaves the books balanced', async () => {
    expect(await t.services.books.check()).toEqual([]);
    const holds = await sql<{ n: number }>`select count(*)::int as n from ledger_transfers t where flags = 'pending' and not exists (select 1 from ledger_transfers r where r.pending_id = t.id)`.execute(t.db.kysely);
    expect(holds.rows[0]!.n).toBe(0);
  });
});
