import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SimulatedGateway } from '../gateway-sim/index.ts';

/**
 * What the platform needs from a card payment gateway (docs/payments.md shows
 * how to add a real one). The simulated gateway implements it; a real adapter
 * calls the gateway's HTTPS API instead.
 */
export interface CardGateway {
  readonly name: string;
  /** Starts a payment; the pilgrim is sent to `redirectUrl` (the gateway's hosted page). */
  createPayment(amount: number, description: string): Promise<{ id: string; redirectUrl: string }>;
  /** The gateway's own record of a payment, for reconciliation. */
  fetchPayment(id: string): Promise<{ status: GatewayStatus; amount: number } | null>;
  /** The event in a webhook, or null when the signature does not hold. */
  verifyWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>, nowMs: number): Promise<GatewayEvent | null>;
}

export type GatewayStatus = 'pending' | 'authorized' | 'succeeded' | 'failed';
export interface GatewayEvent {
  id: string;
  type: 'payment.authorized' | 'payment.succeeded' | 'payment.failed';
  paymentId: string;
  amount: number;
}

const TOLERANCE_S = 300;

/** Checks `t=…,v1=…` against HMAC-SHA256(secret, "t.body"), with a five-minute window against replays of old captures. */
export function verifySignature(secret: string, header: string | undefined, rawBody: string, nowMs: number): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > TOLERANCE_S) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The adapter for the simulated gateway. */
export function simulatedCardGateway(sim: SimulatedGateway, secret: () => Promise<string | null>): CardGateway {
  const statusOf = { requires_card: 'pending', requires_3ds: 'authorized', succeeded: 'succeeded', declined: 'failed', failed: 'failed' } as const;
  return {
    name: 'simcard',
    createPayment: (amount, description) => sim.createPayment(amount, description),
    async fetchPayment(id) {
      const p = await sim.payment(id).catch(() => null);
      return p && { status: statusOf[p.status], amount: p.amount };
    },
    async verifyWebhook(rawBody, headers, nowMs) {
      const header = headers['simgw-signature'];
      const key = await secret();
      if (!key || !verifySignature(key, typeof header === 'string' ? header : undefined, rawBody, nowMs)) return null;
      const event = JSON.parse(rawBody) as { id: string; type: GatewayEvent['type']; data: { payment: { id: string; amount: number } } };
      return { id: event.id, type: event.type, paymentId: event.data.payment.id, amount: event.data.payment.amount };
    },
  };
}
