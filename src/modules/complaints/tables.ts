import type { ColumnType, Generated } from 'kysely';
import type { ComplaintState } from './domain/lifecycle.ts';

type Json<T> = ColumnType<T, string, string>;
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type ComplaintSubject = 'provider' | 'booking' | 'permit' | 'site' | 'platform';

export interface ComplaintSettingsTable {
  id: number;
  working_days: number[];
  work_from_minute: number;
  work_to_minute: number;
  reopen_days: number;
  close_after_days: number;
  updated_at: Date;
}
export interface ComplaintRoundTheClockTable {
  id: string;
  label: string;
  starts_at: Date;
  ends_at: Date;
}
export interface ComplaintDeadlineRulesTable {
  category: string;
  severity: Severity;
  acknowledge_minutes: number | null;
  first_answer_minutes: number | null;
  resolve_minutes: number | null;
  updated_at: Date;
}
export interface ComplaintsTable {
  id: string;
  reference: string;
  complainant_id: string;
  filed_by: string;
  channel: 'web' | 'care_centre';
  language: string;
  country_code: string | null;
  about: ComplaintSubject;
  provider_id: string | null;
  booking_id: string | null;
  permit_booking_id: string | null;
  site: string | null;
  no_booking_found: boolean;
  category: string;
  severity: Severity;
  description: string;
  description_screened: string;
  place: string | null;
  occurred_at: Date | null;
  state: ComplaintState;
  resume_state: ComplaintState | null;
  ever_escalated: boolean;
  resolved_at: Date | null;
  closed_at: Date | null;
  next_deadline_at: Date | null;
  next_deadline_kind: string | null;
  rating: number | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}
export interface ComplaintEventsTable {
  id: Generated<number>;
  complaint_id: string;
  action: string;
  actor: 'system' | 'pilgrim' | 'agent' | 'provider' | 'ministry';
  actor_id: string | null;
  from_state: string | null;
  to_state: string | null;
  message: string | null;
  message_screened: string | null;
  data: Json<Record<string, unknown>>;
  deadline_kind: string | null;
  late: boolean | null;
  after_breach: boolean | null;
  at: Date;
}
export interface ComplaintAttachmentsTable {
  id: string;
  complaint_id: string;
  storage_key: string;
  content_type: string;
  size_bytes: number;
  created_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    complaint_settings: ComplaintSettingsTable;
    complaint_round_the_clock: ComplaintRoundTheClockTable;
    complaint_deadline_rules: ComplaintDeadlineRulesTable;
    complaints: ComplaintsTable;
    complaint_events: ComplaintEventsTable;
    complaint_attachments: ComplaintAttachmentsTable;
  }
}
