import type { Generated } from 'kysely';
import type { Locale } from '../../common/i18n.ts';
import type { Role } from '../../core/principal.ts';


export interface AccountsTable {
  id: string;
  email: string;
  email_normalized: string;
  password_hash: string | null;
  role: Role;
  provider_id: string | null;
  country_code: string | null;
  display_name: string;
  locale: Locale;
  status: Generated<'active' | 'disabled'>;
  email_verified_at: Date | null;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  kind: 'cookie' | 'bearer';
  label: string | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export type TokenPurpose = 'verify_email' | 'reset_password' | 'invite';
export interface AccountTokensTable {
  token_hash: string;
  account_id: string;
  purpose: TokenPurpose;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    accounts: AccountsTable;
    sessions: SessionsTable;
    account_tokens: AccountTokensTable;
  }
}
