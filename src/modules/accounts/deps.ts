import type { Locale } from '../../common/i18n.ts';
import { newId } from '../../core/ids.ts';
import type { Clock } from '../../core/clock.ts';
import type { Config } from '../../core/config.ts';
import type { Db } from '../../db/database.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { PasswordHasher } from './password-hasher.ts';
import type { AccountsTable } from './tables.ts';
import type { Selectable } from 'kysely';

export interface AccountsDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'sessionTtlHours' | 'apiTokenTtlDays'>;
  hasher: PasswordHasher;
  notifications: Pick<NotificationService, 'enqueue'>;
}

/** What leaves the module about an account: a whitelist, never the hash or counters. */
export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  role: AccountsTable['role'];
  locale: Locale;
  providerId: string | null;
  countryCode: string | null;
  status: 'active' | 'disabled';
  emailVerified: boolean;
  createdAt: string;
}

export function presentAccount(row: Selectable<AccountsTable>): AccountView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    providerId: row.provider_id,
    countryCode: row.country_code,
    status: row.status,
    emailVerified: row.email_verified_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export const HOUR = 3_600_000;

/**
 * A new account's row, the one shape every way of creating an account writes
 * (self-registration, staff invitation, the CLI's ready-to-use accounts):
 * the email kept as typed and normalised for lookups, no lockout, created now.
 */
export function newAccountRow(
  input: {
    email: string;
    emailNormalized: string;
    passwordHash: string | null;
    role: AccountsTable['role'];
    providerId?: string | null | undefined;
    countryCode?: string | null | undefined;
    displayName: string;
    locale: Locale;
    verifiedAt: Date | null;
  },
  now: Date,
) {
  return {
    id: newId(),
    email: input.email.trim(),
    email_normalized: input.emailNormalized,
    password_hash: input.passwordHash,
    role: input.role,
    provider_id: input.providerId ?? null,
    country_code: input.countryCode ?? null,
    display_name: input.displayName.trim(),
    locale: input.locale,
    email_verified_at: input.verifiedAt,
    locked_until: null,
    created_at: now,
    updated_at: now,
  };
}
