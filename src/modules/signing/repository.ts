import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SigningKeysTable } from './tables.ts';

/** The only place that queries the signing keys. */
export function createSigningRepository() {
  return {
    active: (db: Executor) => db.selectFrom('signing_keys').selectAll().where('status', '=', 'active').executeTakeFirst(),
    one: (db: Executor, keyId: number) => db.selectFrom('signing_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst(),
    publicKeys: (db: Executor) => db.selectFrom('signing_keys').select(['key_id', 'public_key', 'status', 'created_at', 'retired_at']).orderBy('key_id').execute(),
    /** Inserts a new active key unless one is active already (two processes starting at once: one key). */
    async insertActive(db: Executor, row: Omit<SigningKeysTable, 'key_id' | 'status' | 'retired_at'>) {
      await sql`insert into signing_keys (key_id, public_key, private_key, status, created_at)
        select coalesce(max(key_id), 0) + 1, ${row.public_key}, ${row.private_key}, 'active', ${row.created_at} from signing_keys
        on conflict do nothing`.execute(db);
    },
    /** Locks the active key's row for a rotation. */
    lockActive: (db: Executor) => db.selectFrom('signing_keys').selectAll().where('status', '=', 'active').forUpdate().executeTakeFirst(),
    async retire(db: Executor, keyId: number, now: Date) {
      await db.updateTable('signing_keys').set({ status: 'retired', retired_at: now }).where('key_id', '=', keyId).execute();
    },
  };
}
