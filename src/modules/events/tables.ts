import type { ColumnType, Generated } from 'kysely';

export interface DomainEventsTable {
  id: Generated<number>;
  type: string;
  provider_id: string | null;
  subject_id: string;
  payload: ColumnType<Record<string, unknown>, string, never>;
  occurred_at: Date;
}
