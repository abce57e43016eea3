import type { Executor } from '../../db/database.ts';

/** The only place that queries `mission_requirements`. */
export function createMissionsRepository() {
  return {
    async upsertRequirements(db: Executor, row: { country: string; language: string; body: string; updated_by: string; updated_at: Date }) {
      await db
        .insertInto('mission_requirements')
        .values(row)
        .onConflict((oc) => oc.columns(['country', 'language']).doUpdateSet({ body: row.body, updated_by: row.updated_by, updated_at: row.updated_at }))
        .execute();
    },
    requirements: (db: Executor, country: string) =>
      db.selectFrom('mission_requirements').select(['language', 'body', 'updated_at']).where('country', '=', country).orderBy('language').execute(),
  };
}
