import type { Generated } from 'kysely';

/** Idempotency-Key answers (src/db/idempotency.ts). */
export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  method: string;
  route: string;
  request_hash: string;
  status: 'completed';
  response_code: number | null;
  response_body: string | null;
  created_at: Date;
}

/** Secrets the platform generates for itself (src/db/platform-secrets.ts). */
export interface PlatformSecretsTable {
  name: string;
  value: string;
  created_at: Date;
}

/**
 * The whole database as Kysely sees it. This file knows no module: each module
 * declares its own tables in its `tables.ts` and adds them to this interface by
 * declaration merging (`declare module '../../db/schema.ts' { interface Database { … } }`);
 * only that module's repositories query them. Here are the platform's own tables.
 */
export interface Database {
  schema_migrations: { name: string; checksum: string; applied_at: Generated<Date> };
  idempotency_keys: IdempotencyKeysTable;
  platform_secrets: PlatformSecretsTable;
}
