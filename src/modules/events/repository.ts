import type { Executor } from '../../db/database.ts';
import type { DomainEventsTable } from './tables.ts';
import type { Insertable } from 'kysely';

/** The event log's only SQL: appending events, in the caller's transaction, in chunks of a thousand. */
export async function insertEvents(executor: Executor, rows: Insertable<DomainEventsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await executor.insertInto('domain_events').values(rows.slice(i, i + 1000)).execute();
  }
}
