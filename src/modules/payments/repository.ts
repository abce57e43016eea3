import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CardPaymentsTable, PaymentEventsTable } from './tables.ts';

/** The only place that queries card payments and the webhook events received. */
export function createPaymentsRepository() {
  return {
    async insert(db: Executor, row: Insertable<CardPaymentsTable>) {
      await db.insertInto('card_payments').values(row).execute();
    },
    find: (db: Executor, id: string) => db.selectFrom('card_payments').selectAll().where('id', '=', id).executeTakeFirst(),
    lockByGatewayId: (db: Executor, gateway: string, gatewayPaymentId: string) =>
      db.selectFrom('card_payments').selectAll().where('gateway', '=', gateway).where('gateway_payment_id', '=', gatewayPaymentId).forUpdate().executeTakeFirst(),
    async update(db: Executor, id: string, patch: Pick<CardPaymentsTable, 'status' | 'pending_transfer' | 'updated_at'>) {
      await db.updateTable('card_payments').set(patch).where('id', '=', id).execute();
    },
    open: (db: Executor, gateway: string, before: Date, limit: number) =>
      db.selectFrom('card_payments').select(['gateway_payment_id']).where('gateway', '=', gateway).where('status', 'in', ['created', 'authorized'])
        .where('updated_at', '<=', before).orderBy('updated_at').limit(limit).execute(),
    async recordEvent(db: Executor, row: PaymentEventsTable) {
      await db.insertInto('payment_events').values(row).execute();
    },
  };
}
