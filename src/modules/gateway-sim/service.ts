import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { SimPaymentStatus } from './tables.ts';
import { createSimulatorRepository } from './repository.ts';

/** Test cards, as a real gateway's sandbox documents them. */
export const testCards = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  requires3ds: '4000000000003220',
} as const;
export const THREE_DS_CODE = '123456';

/** Luhn's check, as every card form applies it. */
export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, the way real gateways sign webhooks. */
export const signWebhook = (secret: string, body: string, unixSeconds: number) =>
  `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;

/**
 * A simulated card gateway that behaves like a real one (docs/payments.md): a
 * hosted payment page (in the web app at /pay/sim/:id), test cards that
 * succeed, are declined, or need a 3-D Secure step, and asynchronous webhooks
 * signed with HMAC that — with `chaos` on — arrive twice and out of order.
 * It keeps its own state and talks to the platform only through webhooks and
 * its payment lookup, as a real gateway would.
 */
export function createSimulatedGateway(deps: {
  db: Db;
  clock: Clock;
  /** Where webhooks go, e.g. http://localhost:3000/api/v1/payments/webhooks/simcard */
  webhookUrl: string;
  secret: () => Promise<string>;
  chaos?: boolean;
  fetch?: typeof fetch;
}) {
  const { db, clock } = deps;
  const send = deps.fetch ?? fetch;
  const repo = createSimulatorRepository();

  async function find(id: string) {
    const p = await repo.find(db.kysely, id);
    if (!p) throw new AppError('gateway.payment_not_found');
    return p;
  }

  async function settle(id: string, status: SimPaymentStatus, last4: string | null, events: string[]) {
    const now = clock.now();
    await db.kysely.transaction().execute(async (trx) => {
      await repo.setStatus(trx, id, status, last4, now);
      const payment = (await repo.find(trx, id))!;
      for (const [i, type] of events.entries()) {
        const eventId = `evt_${randomBytes(10).toString('hex')}`;
        const body = JSON.stringify({ id: eventId, type, created: Math.floor(now.getTime() / 1000), data: { payment: { id, amount: payment.amount, status } } });
        // With chaos, each event is sent twice and the order is shuffled by random delays.
        const copies = deps.chaos ? 2 : 1;
        for (let c = 0; c < copies; c++) {
          const delay = deps.chaos ? Math.floor(Math.random() * 2000) : i * 10;
          await repo.insertEvent(trx, { id: c === 0 ? eventId : `${eventId}~${c}`, payment_id: id, type, body, deliver_at: new Date(now.getTime() + delay), attempts: 0, delivered_at: null, last_error: null });
        }
      }
    });
  }

  const view = (p: Awaited<ReturnType<typeof find>>) => ({ id: p.id, amount: p.amount, description: p.description, status: p.status, cardLast4: p.card_last4 });

  return {
    async createPayment(amount: number, description: string) {
      const id = `pay_${randomBytes(12).toString('hex')}`;
      const now = clock.now();
      await repo.insert(db.kysely, { id, amount, description, status: 'requires_card', card_last4: null, created_at: now, updated_at: now });
      return { id, redirectUrl: `/pay/sim/${id}` };
    },
    async payment(id: string) {
      return view(await find(id));
    },
    /** The hosted page's card form. */
    async submitCard(id: string, number: string) {
      const p = await find(id);
      if (p.status !== 'requires_card') throw new AppError('gateway.wrong_step');
      const digits = number.replace(/[\s-]/g, '');
      if (!luhnValid(digits)) throw new AppError('gateway.card_invalid');
      const last4 = digits.slice(-4);
      if (digits === testCards.declined) await settle(id, 'declined', last4, ['payment.failed']);
      else if (digits === testCards.requires3ds) await settle(id, 'requires_3ds', last4, ['payment.authorized']);
      else await settle(id, 'succeeded', last4, ['payment.authorized', 'payment.succeeded']);
      return view(await find(id));
    },
    /** The 3-D Secure challenge. */
    async submit3ds(id: string, code: string) {
      const p = await find(id);
      if (p.status !== 'requires_3ds') throw new AppError('gateway.wrong_step');
      await settle(id, code === THREE_DS_CODE ? 'succeeded' : 'failed', p.card_last4, [code === THREE_DS_CODE ? 'payment.succeeded' : 'payment.failed']);
      return view(await find(id));
    },
    /** Delivers due webhooks: 2xx marks one delivered, anything else retries later (doubling from 5 s). */
    async deliverDue(limit = 20) {
      const due = await repo.dueEvents(db.kysely, clock.now(), limit);
      const secret = await deps.secret();
      for (const e of due) {
        let error: string | null = null;
        try {
          const res = await send(deps.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'simgw-signature': signWebhook(secret, e.body, Math.floor(clock.now().getTime() / 1000)) }, body: e.body, signal: AbortSignal.timeout(5000) });
          if (!res.ok) error = `HTTP ${res.status}`;
        } catch (err) {
          error = String((err as Error).message).slice(0, 200);
        }
        await repo.markEvent(db.kysely, e.id, error
          ? { attempts: e.attempts + 1, last_error: error, delivered_at: null, deliver_at: new Date(clock.now().getTime() + 5000 * Math.min(2 ** e.attempts, 720)) }
          : { attempts: e.attempts + 1, delivered_at: clock.now(), last_error: null });
      }
      return due.length;
    },
  };
}
export type SimulatedGateway = ReturnType<typeof createSimulatedGateway>;
