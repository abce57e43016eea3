import type { ColumnType, Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  data: ColumnType<Record<string, unknown>, string, never>;
  request_id: string | null;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
