import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const script = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

export class MigrationError extends Error {}

/**
 * Applies pending migrations, forward only, each in its own transaction with
 * its bookkeeping row, under an advisory lock so that two processes starting
 * at once do not both apply the same file. A migration whose file changed
 * after it was applied stops the run: write a new migration instead.
 *
 * @returns the names applied in this run
 */
export async function migrate(
  db: Db,
  options: { migrations?: MigrationFile[]; onApplied?: (name: string) => void } = {},
): Promise<string[]> {
  const migrations = options.migrations ?? readMigrations();
  await sql`create table if not exists schema_migrations (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(
    db.kysely,
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.kysely.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
      const existing = await trx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('name', '=', migration.name)
        .executeTakeFirst();
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new MigrationError(
            `migration ${migration.name} was changed after it was applied; migrations are forward-only, add a new one`,
          );
        }
        return false;
      }
      await db.execScript(trx, migration.script);
      await trx.insertInto('schema_migrations').values({ name: migration.name, checksum: migration.checksum }).execute();
      return true;
    });
    if (done) {
      applied.push(migration.name);
      options.onApplied?.(migration.name);
    }
  }
  return applied;
}
