import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ApiKeysTable, WebhookDeliveriesTable, WebhookEndpointsTable } from './tables.ts';

/** The only place that queries the integrations tables. */
export function createIntegrationsRepository() {
  return {
    // API keys
    async insertKey(db: Executor, row: Insertable<ApiKeysTable>) {
      await db.insertInto('api_keys').values(row).execute();
    },
    listKeys: (db: Executor, providerId: string) =>
      db.selectFrom('api_keys').selectAll().where('provider_id', '=', providerId).orderBy('created_at', 'desc').execute(),
    findKey: (db: Executor, id: string) => db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst(),
    async revokeKey(db: Executor, id: string, now: Date) {
      await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },
    /** A live key with its creator's standing (read model: joins accounts for the creator's status). */
    findLiveKey: (db: Executor, keyHash: string) =>
      db
        .selectFrom('api_keys as k')
        .innerJoin('accounts as a', 'a.id', 'k.created_by')
        .select(['k.id', 'k.provider_id', 'k.scopes', 'k.created_by', 'a.locale', 'a.status as creator_status', 'a.provider_id as creator_provider_id'])
        .where('k.key_hash', '=', keyHash)
        .where('k.revoked_at', 'is', null)
        .executeTakeFirst(),
    async touchKey(db: Executor, id: string, now: Date) {
      await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
    },

    // Webhook endpoints
    async insertEndpoint(db: Executor, row: Insertable<WebhookEndpointsTable>) {
      await db.insertInto('webhook_endpoints').values(row).execute();
    },
    listEndpoints: (db: Executor, providerId: string | null) =>
      db.selectFrom('webhook_endpoints').selectAll().where('provider_id', providerId === null ? 'is' : '=', providerId).orderBy('created_at').execute(),
    findEndpoint: (db: Executor, id: string) => db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst(),
    async updateEndpoint(db: Executor, id: string, patch: Updateable<WebhookEndpointsTable>) {
      await db.updateTable('webhook_endpoints').set(patch).where('id', '=', id).execute();
    },

    // Fan-out: events after the cursor become deliveries, under a lock on the cursor row.
    lockCursor: (db: Executor) =>
      db.selectFrom('webhook_cursor').select('last_event_id').where('id', '=', 1).forUpdate().executeTakeFirstOrThrow(),
    async moveCursor(db: Executor, lastEventId: number) {
      await db.updateTable('webhook_cursor').set({ last_event_id: lastEventId }).where('id', '=', 1).execute();
    },
    /** The events after the cursor, as fan-out reads them (which endpoints want them, not their payload). */
    eventsAfter: (db: Executor, afterId: number, limit: number) =>
      db.selectFrom('domain_events').select(['id', 'provider_id', 'type']).where('id', '>', afterId).orderBy('id').limit(limit).execute(),
    /** Every endpoint not disabled, with what it subscribes to (fan-out matches events to them in memory). */
    activeEndpoints: (db: Executor) =>
      db.selectFrom('webhook_endpoints').select(['id', 'provider_id', 'events']).where('disabled_at', 'is', null).execute(),
    async insertDeliveries(db: Executor, rows: Insertable<WebhookDeliveriesTable>[]) {
      for (let i = 0; i < rows.length; i += 1000) await db.insertInto('webhook_deliveries').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.doNothing()).execute();
    },

    /** Claims due deliveries with a lease (SKIP LOCKED: several dispatchers can run). */
    async claimDue(db: Executor, now: Date, leaseUntil: Date, limit: number) {
      const result = await sql<{ id: string }>`
        update webhook_deliveries set next_attempt_at = ${leaseUntil}
        where id in (select id from webhook_deliveries where status = 'pending' and next_attempt_at <= ${now}
                     order by next_attempt_at limit ${limit} for update skip locked)
        returning id`.execute(db);
      return result.rows.map((r) => r.id);
    },
    /** Everything needed to send one delivery. */
    deliveryToSend: (db: Executor, id: string) =>
      db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
        .innerJoin('domain_events as ev', 'ev.id', 'd.event_id')
        .select(['d.id', 'd.attempts', 'e.url', 'e.secret', 'ev.id as event_id', 'ev.type', 'ev.provider_id', 'ev.payload', 'ev.occurred_at'])
        .where('d.id', '=', id)
        .executeTakeFirst(),
    async updateDelivery(db: Executor, id: string, patch: Updateable<WebhookDeliveriesTable>) {
      await db.updateTable('webhook_deliveries').set(patch).where('id', '=', id).execute();
    },
    findDelivery: (db: Executor, id: string) =>
      db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
        .selectAll('d')
        .select('e.provider_id')
        .where('d.id', '=', id)
        .executeTakeFirst(),
    listDeliveries: (db: Executor, endpointId: string, limit: number) =>
      db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('domain_events as ev', 'ev.id', 'd.event_id')
        .selectAll('d')
        .select('ev.type')
        .where('d.endpoint_id', '=', endpointId)
        .orderBy('d.created_at', 'desc')
        .orderBy('d.event_id', 'desc')
        .limit(limit)
        .execute(),
  };
}
export type IntegrationsRepository = ReturnType<typeof createIntegrationsRepository>;
