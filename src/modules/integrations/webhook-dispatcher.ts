import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { createPoller } from '../../core/poller.ts';
import type { Db } from '../../db/database.ts';
import { MAX_WEBHOOK_ATTEMPTS, retryDelaySeconds, signatureHeader } from './domain/signature.ts';
import { createIntegrationsRepository } from './repository.ts';

const LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;

/**
 * Moves events to providers' endpoints (and the ministry's, for events that
 * concern no provider: permits), at least once and in the background:
 *
 * 1. `fanOut` reads the event log after the cursor and creates one delivery
 *    per subscribed endpoint, moving the cursor in the same transaction
 *    (nothing is skipped, nothing is created twice: deliveries are unique per
 *    endpoint and event).
 * 2. `deliverDue` claims due deliveries with a lease, POSTs the signed event,
 *    and records the outcome: 2xx is delivered; anything else is retried with
 *    backoff, and after the last attempt the delivery is dead (kept in the log,
 *    replayable by the provider).
 */
export function createWebhookDispatcher(deps: { db: Db; clock: Clock; fetch?: typeof fetch; onError?: (error: unknown) => void }) {
  const repo = createIntegrationsRepository();
  const { db, clock } = deps;
  const send = deps.fetch ?? fetch;

  async function fanOut(batch = 500): Promise<number> {
    return db.kysely.transaction().execute(async (trx) => {
      const { last_event_id } = await repo.lockCursor(trx);
      const events = await repo.eventsAfter(trx, last_event_id, batch);
      if (events.length === 0) return 0;
      const now = clock.now();
      // A provider's endpoints get its events; the ministry's (provider null) the events that concern no provider.
      const endpoints = await repo.activeEndpoints(trx);
      await repo.insertDeliveries(trx, events.flatMap((event) => endpoints
        .filter((e) => e.provider_id === (event.provider_id ?? null) && e.events.includes(event.type))
        .map((e) => ({ id: newId(), endpoint_id: e.id, event_id: event.id, status: 'pending' as const, attempts: 0, next_attempt_at: now, last_status: null, last_error: null, created_at: now, delivered_at: null }))));
      await repo.moveCursor(trx, events.at(-1)!.id);
      return events.length;
    });
  }

  async function deliverOne(id: string): Promise<void> {
    const d = await repo.deliveryToSend(db.kysely, id);
    if (!d) return;
    const body = JSON.stringify({ id: d.event_id, type: d.type, occurredAt: d.occurred_at.toISOString(), providerId: d.provider_id, data: d.payload });
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await send(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Manasik-Webhooks/1',
          'manasik-event-id': String(d.event_id),
          'manasik-event-type': d.type,
          'manasik-signature': signatureHeader(d.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = String((e as Error).message ?? e).slice(0, 300);
    }
    const attempts = d.attempts + 1;
    const now = clock.now();
    if (!error) {
      await repo.updateDelivery(db.kysely, id, { status: 'delivered', attempts, last_status: status, last_error: null, delivered_at: now });
    } else if (attempts >= MAX_WEBHOOK_ATTEMPTS) {
      await repo.updateDelivery(db.kysely, id, { status: 'dead', attempts, last_status: status, last_error: error });
    } else {
      const next = new Date(now.getTime() + retryDelaySeconds(attempts) * 1000);
      await repo.updateDelivery(db.kysely, id, { attempts, last_status: status, last_error: error, next_attempt_at: next });
    }
  }

  async function deliverDue(limit = 20): Promise<number> {
    const now = clock.now();
    const ids = await repo.claimDue(db.kysely, now, new Date(now.getTime() + LEASE_MS), limit);
    await Promise.all(ids.map(deliverOne));
    return ids.length;
  }

  /** One full pass: fan out what is new, then deliver what is due. */
  async function runOnce() {
    await fanOut();
    return deliverDue();
  }

  return {
    fanOut,
    deliverDue,
    runOnce,
    ...createPoller(runOnce, deps.onError),
  };
}
export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
