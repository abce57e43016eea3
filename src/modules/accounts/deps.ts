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
  locale: 'ar' | 'en';
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
