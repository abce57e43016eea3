import type { Executor } from '../../db/database.ts';
import type { DomainEventsTable } from './tables.ts';
import { sql, type Insertable } from 'kysely';

/** The event log's only SQL: appending events, in the caller's transaction, in chunks of a thousand. */
export async function insertEvents(executor: Executor, rows: Insertable<DomainEventsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await executor.insertInto('domain_events').values(rows.slice(i, i + 1000)).execute();
  }
}

/**
 * The statement that appends events, for a module that runs it within one of
 * its own statements (a data-modifying CTE) instead of a round trip of its
 * own. Columns travel as one array each: the same few parameters for any
 * number of events, appended in order.
 */
export function eventsInsert(rows: readonly Pick<Insertable<DomainEventsTable>, 'type' | 'provider_id' | 'subject_id' | 'payload'>[], occurredAt: Date) {
  return sql`
    insert into domain_events (type, provider_id, subject_id, payload, occurred_at)
    select u.type, u.provider_id, u.subject_id, u.payload, ${occurredAt}::timestamptz
    from unnest(${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.provider_id ?? null)}::uuid[], ${rows.map((r) => r.subject_id)}::text[], ${rows.map((r) => r.payload)}::jsonb[])
      with ordinality as u(type, provider_id, subject_id, payload, n)
    order by u.n`;
}

/** Events of some types after an id, in order (consumers with a cursor of their own read this). */
export function eventsAfter(executor: Executor, afterId: number, types: readonly string[], limit: number) {
  return executor.selectFrom('domain_events').select(['id', 'type', 'provider_id', 'subject_id', 'payload', 'occurred_at'])
    .where('id', '>', afterId).where('type', 'in', [...types]).orderBy('id').limit(limit).execute();
}

/** The newest event's id (0 when there is none). */
export async function lastEventId(executor: Executor): Promise<number> {
  const r = await executor.selectFrom('domain_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** How many events have ids strictly between two ids (a reader's check for a gap). */
export async function eventsBetween(executor: Executor, from: number, to: number): Promise<number> {
  const r = await executor.selectFrom('domain_events').select((eb) => eb.fn.countAll<string>().as('n')).where('id', '>', from).where('id', '<', to).executeTakeFirstOrThrow();
  return Number(r.n);
}
