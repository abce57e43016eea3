import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
export type Section = 'men' | 'women';
export type PermitStatus = 'valid' | 'checked_in' | 'cancelled' | 'superseded' | 'closed' | 'no_show';
export type RuleKind = 'per_hijri_month' | 'per_days' | 'max_active' | 'min_gap_hours';
export type PenaltyTrigger = 'no_show' | 'late_cancel';
export type DocKind = 'national_id' | 'iqama' | 'passport';
/** Permits that count: held or used. */
export const livePermitStatuses = ['valid', 'checked_in'] as const;

export interface PermitSitesTable {
  id: string;
  code: string;
  number: number;
  kind: 'umrah' | 'rawdah' | 'other';
  name_ar: string;
  name_en: string;
  max_group: number;
  offer_minutes: number;
  cancel_lead_minutes: number;
  gate_max_offline_minutes: number;
  created_at: Date;
  updated_at: Date;
}
export interface Hours {
  from: number;
  to: number;
}
export interface PermitSectionsTable {
  site_id: string;
  section: Section;
  hours: Json<Hours[]>;
}
export interface PermitGatesTable {
  id: string;
  site_id: string;
  number: number;
  name_ar: string;
  name_en: string;
  sections: Section[];
}
export interface PermitTemplatesTable {
  id: string;
  site_id: string;
  name: string;
  window_minutes: number;
  capacity: number;
  early_grace_minutes: number;
  late_grace_minutes: number;
  created_at: Date;
}
export interface PermitWindowsTable {
  id: string;
  site_id: string;
  section: Section;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  booked: Generated<number>;
  checked_in: Generated<number>;
  no_shows: Generated<number>;
  waiting: Generated<number>;
  early_grace_minutes: number;
  late_grace_minutes: number;
  release_at: Date;
  closed_at: Date | null;
  close_reason: string | null;
  swept_at: Date | null;
  template_id: string | null;
  created_at: Date;
}
export interface PermitPersonsTable {
  id: string;
  doc_key: string;
  doc_kind: DocKind;
  doc_last4: string;
  doc_salt: string;
  doc_hash: string;
  gender: 'male' | 'female';
  nationality: string;
  date_of_birth: string;
  name_ar: string;
  name_en: string;
  visa_type: string | null;
  valid_until: string | null;
  verified_at: Date;
  created_at: Date;
}
export interface PermitAccountPersonsTable {
  account_id: string;
  person_id: string;
  is_self: boolean;
  created_at: Date;
}
export interface PermitRulesTable {
  id: string;
  site_id: string;
  code: string;
  kind: RuleKind;
  hijri_month: number | null;
  days: number | null;
  max_count: number | null;
  gap_hours: number | null;
  applies_from: string | null;
  applies_to: string | null;
  created_at: Date;
}
export interface PermitPenaltyRulesTable {
  site_id: string;
  trigger: PenaltyTrigger;
  ban_days: number;
}
export interface PermitPenaltiesTable {
  id: string;
  person_id: string;
  site_id: string;
  trigger: PenaltyTrigger;
  permit_id: string;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
}
export interface PermitBookingsTable {
  id: string;
  account_id: string;
  site_id: string;
  window_id: string;
  section: Section;
  size: number;
  status: 'active' | 'cancelled' | 'closed';
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
}
export interface PermitsTable {
  id: string;
  booking_id: string;
  member_index: number;
  person_id: string;
  site_id: string;
  window_id: string;
  section: Section;
  starts_at: Date;
  ends_at: Date;
  status: PermitStatus;
  key_id: number;
  token: string;
  issued_at: Date;
  ended_at: Date | null;
  checked_in_at: Date | null;
  checked_in_gate: number | null;
  checked_in_device: string | null;
}
export interface PermitRevocationsTable {
  id: Generated<number>;
  seq: number | null;
  permit_id: string;
  reason: 'cancelled' | 'rescheduled' | 'closed';
  expires_at: Date;
  revoked_at: Date;
}
export interface PermitWaitlistTable {
  id: string;
  position: Generated<number>;
  window_id: string;
  account_id: string;
  person_ids: string[];
  size: number;
  status: 'waiting' | 'offered' | 'accepted' | 'expired' | 'withdrawn' | 'cancelled';
  offered_at: Date | null;
  offer_deadline: Date | null;
  booking_id: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface PermitScansTable {
  device_id: string;
  nonce: string;
  gate_id: string;
  permit_id: string | null;
  verdict: string;
  outcome: 'checked_in' | 'double' | 'refused' | 'revoked';
  scanned_at: Date;
  device_at: Date | null;
  uploaded_at: Date;
  uploaded_by: string;
}
export interface PermitDoubleAdmissionsTable {
  id: string;
  permit_id: string;
  gate_id: string;
  stood_device: string;
  stood_at: Date;
  also_device: string;
  also_nonce: string;
  also_at: Date;
  reported_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    permit_sites: PermitSitesTable;
    permit_sections: PermitSectionsTable;
    permit_gates: PermitGatesTable;
    permit_templates: PermitTemplatesTable;
    permit_windows: PermitWindowsTable;
    permit_persons: PermitPersonsTable;
    permit_account_persons: PermitAccountPersonsTable;
    permit_rules: PermitRulesTable;
    permit_penalty_rules: PermitPenaltyRulesTable;
    permit_penalties: PermitPenaltiesTable;
    permit_bookings: PermitBookingsTable;
    permits: PermitsTable;
    permit_revocations: PermitRevocationsTable;
    permit_waitlist: PermitWaitlistTable;
    permit_scans: PermitScansTable;
    permit_double_admissions: PermitDoubleAdmissionsTable;
  }
}
