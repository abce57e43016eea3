import type { ColumnType } from 'kysely';
import type { DocumentType } from './domain/review.ts';

export interface PilgrimProfilesTable {
  account_id: string;
  residence_country: string;
  nationality: string;
  given_names_latin: string;
  family_name_latin: string;
  full_name_arabic: string;
  date_of_birth: string;
  gender: 'male' | 'female';
  passport_number: string;
  passport_key: string;
  passport_expiry: string;
  meningococcal_vaccination: string | null;
  health_conditions: string[];
  performed_hajj: ColumnType<boolean, boolean | undefined, boolean>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type DocumentStatus = 'pending' | 'approved' | 'rejected' | 'superseded';
export interface PilgrimDocumentsTable {
  id: string;
  account_id: string;
  type: DocumentType;
  status: DocumentStatus;
  storage_key: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  rejection_reason: string | null;
  uploaded_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    pilgrim_profiles: PilgrimProfilesTable;
    pilgrim_documents: PilgrimDocumentsTable;
  }
}
