import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SimgwEventsTable, SimgwPaymentsTable, SimPaymentStatus } from './tables.ts';

/** The simulator's own tables (a real gateway keeps these on its side). */
export function createSimulatorRepository() {
  return {
    find: (db: Executor, id: string) => db.selectFrom('simgw_payments').selectAll().where('id', '=', id).executeTakeFirst(),
    async insert(db: Executor, row: Insertable<SimgwPaymentsTable>) {
      await db.insertInto('simgw_payments').values(row).execute();
    },
    async setStatus(db: Executor, id: string, status: SimPaymentStatus, last4: string | null, now: Date) {
      await db.updateTable('simgw_payments').set({ status, card_last4: last4, updated_at: now }).where('id', '=', id).execute();
    },
    async insertEvent(db: Executor, row: Insertable<SimgwEventsTable>) {
      await db.insertInto('simgw_events').values(row).execute();
    },
    dueEvents: (db: Executor, now: Date, limit: number) =>
      db.selectFrom('simgw_events').selectAll().where('delivered_at', 'is', null).where('deliver_at', '<=', now).orderBy('deliver_at').limit(limit).execute(),
    async markEvent(db: Executor, id: string, patch: Pick<SimgwEventsTable, 'attempts' | 'last_error' | 'delivered_at'> & { deliver_at?: Date }) {
      await db.updateTable('simgw_events').set(patch).where('id', '=', id).execute();
    },
  };
}
