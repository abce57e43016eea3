import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { isUniqueViolation, type Db, type Executor } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { CardGateway, GatewayStatus } from './gateway.ts';
import { createPaymentsRepository } from './repository.ts';
import { idempotencyStore } from '../../db/idempotency-store.ts';
import { runOnce } from '../../db/idempotency.ts';

const AUTH_HOLD_MS = 24 * 3_600_000;
const RECONCILE_AFTER_MS = 30_000;
const system = { requestId: 'payments', actor: null };

/**
 * Card top-ups (docs/payments.md). A payment the gateway authorises becomes a
 * ledger hold on the wallet (visible, not yet spendable); success posts it,
 * failure or timeout voids it — exactly once, whatever order or how often the
 * webhooks arrive. At start and every minute, open payments are reconciled
 * against the gateway's own record, so a crash between the gateway's success
 * and our update never loses the money.
 */
export function createPaymentService(deps: { db: Db; clock: Clock; ledger: LedgerService; gateway: CardGateway }) {
  const { db, clock, ledger, gateway } = deps;
  const repo = createPaymentsRepository();

  /** Moves a card payment to the gateway's status, in one transaction; terminal states never change. */
  async function apply(trx: Executor, gatewayPaymentId: string, status: GatewayStatus) {
    const payment = await repo.lockByGatewayId(trx, gateway.name, gatewayPaymentId);
    if (!payment) return 'unknown_payment' as const;
    if (payment.status === 'succeeded' || payment.status === 'failed' || status === 'pending' || (status === 'authorized' && payment.status === 'authorized')) return 'ignored' as const;
    const card = await ledger.platform(trx, 'card');
    const wallet = await ledger.wallet(trx, payment.account_id);
    let pending = payment.pending_transfer;
    if (status === 'authorized' || (status === 'succeeded' && !pending)) {
      pending = await ledger.hold(trx, { debit: card.id, credit: wallet.id, amount: payment.amount, kind: 'top_up_card', externalRef: gatewayPaymentId }, new Date(clock.now().getTime() + AUTH_HOLD_MS));
    }
    if (status === 'succeeded') await ledger.resolve(trx, pending!, 'post');
    if (status === 'failed' && pending) await ledger.resolve(trx, pending, 'void');
    await repo.update(trx, payment.id, { status, pending_transfer: pending, updated_at: clock.now() });
    await writeAudit(trx, clock, system, { action: `payment.${status}`, subjectType: 'card_payment', subjectId: payment.id, data: { amount: payment.amount, gatewayPaymentId } });
    return 'applied' as const;
  }

  async function recordTopUp(trx: Executor, ctx: RequestContext, amount: number, started: { id: string; redirectUrl: string }) {
    const now = clock.now();
    const id = newId();
    await repo.insert(trx, { id, gateway: gateway.name, gateway_payment_id: started.id, account_id: ctx.actor!.accountId, amount, status: 'created', pending_transfer: null, created_at: now, updated_at: now });
    await writeAudit(trx, clock, ctx, { action: 'payment.started', subjectType: 'card_payment', subjectId: id, data: { amount, gateway: gateway.name } });
    return { id, gatewayPaymentId: started.id, redirectUrl: started.redirectUrl, amount, status: 'created' };
  }

  return {
    /**
     * Starts a card top-up: the gateway's payment first (a network call, never inside a
     * transaction, and not made again for a retry with the same Idempotency-Key), then
     * its record; the caller sends the pilgrim to the hosted page.
     */
    startTopUp: (ctx: RequestContext, amount: number) =>
      runOnce(deps, ctx, (trx, started) => recordTopUp(trx, ctx, amount, started), () => gateway.createPayment(amount, 'Manasik wallet top-up')),

    async status(ctx: RequestContext, id: string) {
      const p = await repo.find(db.kysely, id);
      if (!p || p.account_id !== ctx.actor!.accountId) throw new AppError('payment.not_found');
      return { id: p.id, amount: p.amount, status: p.status };
    },

    /**
     * A webhook: refused without a valid signature; recorded once by event id (a replay
     * is acknowledged and changes nothing); an event for a payment we never started is
     * recorded and refused.
     */
    async webhook(rawBody: string, headers: Record<string, string | string[] | undefined>) {
      const event = await gateway.verifyWebhook(rawBody, headers, clock.now().getTime()).catch(() => null);
      if (!event) throw new AppError('payment.bad_signature');
      const status: GatewayStatus = event.type === 'payment.succeeded' ? 'succeeded' : event.type === 'payment.failed' ? 'failed' : 'authorized';
      const outcome = await db.kysely.transaction().execute(async (trx) => {
        const result = await apply(trx, event.paymentId, status);
        await repo.recordEvent(trx, { gateway: gateway.name, event_id: event.id, payment_id: event.paymentId, type: event.type, outcome: result, received_at: clock.now() });
        return result;
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) return 'replayed' as const;
        throw error;
      });
      if (outcome === 'unknown_payment') throw new AppError('payment.unknown');
      return { received: true, outcome };
    },

    /** Forgets idempotency answers older than two days (they are kept at least 24 hours). */
    purgeIdempotencyKeys: () => idempotencyStore.purge(db.kysely, new Date(clock.now().getTime() - 48 * 3_600_000)),

    /** Voids card authorisations that were never captured within a day (exactly once, as any resolution). */
    async expireHolds() {
      let voided = 0;
      for (const hold of await ledger.duePending(db.kysely)) {
        if (hold.kind !== 'top_up_card' || !hold.external_ref) continue;
        if ((await db.kysely.transaction().execute((trx) => apply(trx, hold.external_ref!, 'failed'))) === 'applied') voided++;
      }
      return voided;
    },

    /** Asks the gateway about every open payment older than half a minute and applies what it says. */
    async reconcile(limit = 50) {
      const open = await repo.open(db.kysely, gateway.name, new Date(clock.now().getTime() - RECONCILE_AFTER_MS), limit);
      let changed = 0;
      for (const p of open) {
        const truth = await gateway.fetchPayment(p.gateway_payment_id);
        if (!truth || truth.status === 'pending') continue;
        if ((await db.kysely.transaction().execute((trx) => apply(trx, p.gateway_payment_id, truth.status))) === 'applied') changed++;
      }
      return changed;
    },
  };
}
export type PaymentService = ReturnType<typeof createPaymentService>;
