import type { ColumnType } from 'kysely';
import type { ProviderStatus } from './domain/licensing.ts';

export interface Office {
  city: string;
  country: string;
  address: string;
}
export interface Contact {
  name: string;
  email: string;
  phone: string;
}

export interface ProvidersTable {
  id: string;
  legal_name_ar: string;
  legal_name_en: string;
  cr_number: string;
  licence_number: string;
  vat_number: string | null;
  ownership_declaration: string;
  paid_up_capital: number;
  bank_guarantee_ref: string;
  offices: ColumnType<Office[], string, string>;
  contacts: ColumnType<Contact[], string, string>;
  status: ProviderStatus;
  licence_valid_from: string | null;
  licence_valid_to: string | null;
  decision_reason: string | null;
  applied_by: string;
  created_at: Date;
  updated_at: Date;
}

export type MemberRole = 'owner' | 'manager' | 'agent';
export interface ProviderMembersTable {
  provider_id: string;
  account_id: string;
  role: MemberRole;
  created_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    providers: ProvidersTable;
    provider_members: ProviderMembersTable;
  }
}
