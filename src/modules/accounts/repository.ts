import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Role } from '../../core/principal.ts';
import type { AccountsTable, SessionsTable, TokenPurpose } from './tables.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';

// What this module's constraints mean when a race breaks one (src/db/constraint-errors.ts).
explainConstraints({ accounts_email_normalized_key: 'account.email_taken' });

/** The only place that queries the accounts module's tables. */
export function createAccountsRepository() {
  return {
    any: (db: Executor) => db.selectFrom('accounts').select('id').limit(1).executeTakeFirst().then((r) => r !== undefined),
    findByEmail(db: Executor, emailNormalized: string, forUpdate = false) {
      let q = db.selectFrom('accounts').selectAll().where('email_normalized', '=', emailNormalized);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    contactsOf: (db: Executor, ids: string[]) => db.selectFrom('accounts').select(['id', 'email', 'locale', 'display_name']).where('id', 'in', ids).execute(),
    findById(db: Executor, id: string, forUpdate = false) {
      let q = db.selectFrom('accounts').selectAll().where('id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    async insert(db: Executor, row: Insertable<AccountsTable>) {
      await db.insertInto('accounts').values(row).execute();
    },

    async update(db: Executor, id: string, patch: Updateable<AccountsTable>) {
      await db.updateTable('accounts').set(patch).where('id', '=', id).execute();
    },

    /** Adds one failed sign-in atomically; returns the new count. */
    async countFailure(db: Executor, id: string): Promise<number> {
      const row = await db
        .updateTable('accounts')
        .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
        .where('id', '=', id)
        .returning('failed_sign_ins')
        .executeTakeFirstOrThrow();
      return row.failed_sign_ins;
    },

    list(db: Executor, filter: { role?: Role | undefined; afterEmail?: string | undefined; limit: number }) {
      let q = db.selectFrom('accounts').selectAll();
      if (filter.role) q = q.where('role', '=', filter.role);
      if (filter.afterEmail) q = q.where('email_normalized', '>', filter.afterEmail);
      return q.orderBy('email_normalized').limit(filter.limit).execute();
    },

    async insertSession(db: Executor, row: Insertable<SessionsTable>) {
      await db.insertInto('sessions').values(row).execute();
    },

    /** The live sessions or tokens behind credentials, with their accounts (the dead ones are absent). */
    findLiveSessions(db: Executor, tokenHashes: string[], now: Date) {
      return db
        .selectFrom('sessions')
        .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
        .select([
          'sessions.token_hash',
          'sessions.kind',
          'accounts.id as account_id',
          'accounts.role',
          'accounts.provider_id',
          'accounts.country_code',
          'accounts.locale',
        ])
        .where('sessions.token_hash', 'in', tokenHashes)
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', now)
        .where('accounts.status', '=', 'active')
        .execute();
    },

    async revokeSession(db: Executor, tokenHash: string, now: Date) {
      await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .execute();
    },

    /** Revokes every live credential of an account; returns how many. */
    async revokeAllSessions(db: Executor, accountId: string, now: Date) {
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async insertToken(
      db: Executor,
      row: { token_hash: string; account_id: string; purpose: TokenPurpose; created_at: Date; expires_at: Date },
    ) {
      await db.insertInto('account_tokens').values({ ...row, used_at: null }).execute();
    },

    /** The email of the account a token belongs to (to check a new password against it). */
    async emailForToken(db: Executor, tokenHash: string) {
      const row = await db
        .selectFrom('account_tokens')
        .innerJoin('accounts', 'accounts.id', 'account_tokens.account_id')
        .select(['accounts.email'])
        .where('account_tokens.token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row?.email;
    },

    /** Marks a token used if it is valid for one of `purposes`; returns it, or nothing. */
    async consumeToken(db: Executor, tokenHash: string, purposes: TokenPurpose[], now: Date) {
      return db
        .updateTable('account_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('purpose', 'in', purposes)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['account_id', 'purpose'])
        .executeTakeFirst();
    },
  };
}
export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
