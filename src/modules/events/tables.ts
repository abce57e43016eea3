import type { ColumnType, Generated } from 'kysely';

export interface DomainEventsTable {
  id: Generated<number>;
  type: string;
  provider_id: string | null;
  subject_id: string;
  payload: ColumnType<Record<string, unknown>, string, never>;
  occurred_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    domain_events: DomainEventsTable;
  }
}
