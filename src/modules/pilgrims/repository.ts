import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DocumentType } from './domain/review.ts';
import type { PilgrimDocumentsTable, PilgrimProfilesTable } from './tables.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';

// What this module's constraints mean when a race breaks one (src/db/constraint-errors.ts).
explainConstraints({ pilgrim_profiles_passport_key_key: 'pilgrim.passport_taken' });

/** The only place that queries pilgrim profiles and documents. */
export function createPilgrimsRepository() {
  return {
    findProfile(db: Executor, accountId: string, forUpdate = false) {
      let q = db.selectFrom('pilgrim_profiles').selectAll().where('account_id', '=', accountId);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },
    profilesOf: (db: Executor, accountIds: string[]) => db.selectFrom('pilgrim_profiles').selectAll().where('account_id', 'in', accountIds).execute(),
    passportOwner: (db: Executor, key: string) =>
      db.selectFrom('pilgrim_profiles').select('account_id').where('passport_key', '=', key).executeTakeFirst(),
    async insertProfile(db: Executor, row: Insertable<PilgrimProfilesTable>) {
      await db.insertInto('pilgrim_profiles').values(row).execute();
    },
    async updateProfile(db: Executor, accountId: string, patch: Updateable<PilgrimProfilesTable>) {
      await db.updateTable('pilgrim_profiles').set(patch).where('account_id', '=', accountId).execute();
    },

    async insertDocument(db: Executor, row: Insertable<PilgrimDocumentsTable>) {
      await db.insertInto('pilgrim_documents').values(row).execute();
    },
    /** Retires the current document of a type when a new one arrives. */
    async supersede(db: Executor, accountId: string, type: DocumentType) {
      await db
        .updateTable('pilgrim_documents')
        .set({ status: 'superseded' })
        .where('account_id', '=', accountId)
        .where('type', '=', type)
        .where('status', '!=', 'superseded')
        .execute();
    },
    /** Sends reviewed documents of these types back to the queue; returns how many. */
    async reopen(db: Executor, accountId: string, types: DocumentType[]) {
      if (types.length === 0) return 0;
      const result = await db
        .updateTable('pilgrim_documents')
        .set({ status: 'pending', reviewed_at: null, reviewed_by: null, rejection_reason: null })
        .where('account_id', '=', accountId)
        .where('type', 'in', types)
        .where('status', 'in', ['approved', 'rejected'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    approvedDocumentTypes: (db: Executor, accountIds: string[]) =>
      db.selectFrom('pilgrim_documents').select(['account_id', 'type']).where('account_id', 'in', accountIds).where('status', '=', 'approved').execute(),
    currentDocuments: (db: Executor, accountId: string) =>
      db.selectFrom('pilgrim_documents').selectAll().where('account_id', '=', accountId).where('status', '!=', 'superseded').orderBy('type').execute(),
    findDocument(db: Executor, id: string, forUpdate = false) {
      let q = db.selectFrom('pilgrim_documents').selectAll().where('id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },
    async updateDocument(db: Executor, id: string, patch: Updateable<PilgrimDocumentsTable>) {
      await db.updateTable('pilgrim_documents').set(patch).where('id', '=', id).execute();
    },
    /** Oldest first: the ministry's review queue. */
    pending: (db: Executor, limit: number) =>
      db.selectFrom('pilgrim_documents').selectAll().where('status', '=', 'pending').orderBy('uploaded_at').orderBy('id').limit(limit).execute(),
  };
}
