import { sql, type Insertable, type Updateable } from 'kysely';
import { copyLines, copyRows } from '../../db/copy.ts';
import type { Executor } from '../../db/database.ts';
import type { DrawsTable } from './tables.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';

// What this module's constraints mean when a race breaks one (src/db/constraint-errors.ts).
explainConstraints({ draws_pkey: 'draw.already_frozen' });

export interface EntryRow {
  leafIndex: number;
  applicationId: string;
  adminAccountId: string;
  record: string;
  familySize: number;
  country: string;
  choices: string[];
  pool: string;
  submittedAt: Date;
}
export interface ResultRow {
  position: number;
  applicationId: string;
  outcome: 'won' | 'waiting';
  packageId: string | null;
  choiceRank: number | null;
  phase: string | null;
  waitlistPosition: number | null;
}

/** The only place that queries draws, draw_entries and draw_results. */
export function createDrawRepository() {
  return {
    list: (db: Executor) => db.selectFrom('draws').select(['season', 'status']).orderBy('season', 'desc').execute(),
    find: (db: Executor, season: string, lock = false) => {
      const q = db.selectFrom('draws').selectAll().where('season', '=', season);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    async insert(db: Executor, row: Insertable<DrawsTable>) {
      await db.insertInto('draws').values(row).execute();
    },
    async update(db: Executor, season: string, patch: Updateable<DrawsTable>) {
      await db.updateTable('draws').set(patch).where('season', '=', season).execute();
    },
    insertEntries: (db: Executor, season: string, rows: EntryRow[]) =>
      copyRows(db, 'draw_entries', ['season', 'leaf_index', 'application_id', 'admin_account_id', 'record', 'family_size', 'country', 'choices', 'pool', 'submitted_at'],
        rows.map((r) => [season, r.leafIndex, r.applicationId, r.adminAccountId, r.record, r.familySize, r.country, r.choices, r.pool, r.submittedAt])),
    /**
     * Results go in with COPY: the whole season in one statement, inside the run's transaction.
     * Every value is a season code, an integer, a uuid or a lower-case code, none of which
     * needs COPY escaping, so the lines are written directly.
     */
    insertResults: (db: Executor, season: string, rows: Iterable<ResultRow>) =>
      copyLines(db, 'draw_results', ['season', 'position', 'application_id', 'outcome', 'package_id', 'choice_rank', 'phase', 'waitlist_position'],
        (function* () {
          for (const r of rows) yield `${season}\t${r.position}\t${r.applicationId}\t${r.outcome}\t${r.packageId ?? '\\N'}\t${r.choiceRank ?? '\\N'}\t${r.phase ?? '\\N'}\t${r.waitlistPosition ?? '\\N'}`;
        })()),
    entries: (db: Executor, season: string) =>
      db.selectFrom('draw_entries').select(['leaf_index', 'application_id', 'admin_account_id', 'record', 'family_size', 'country', 'choices', 'pool', 'submitted_at'])
        .where('season', '=', season).orderBy('leaf_index').execute(),
    records: (db: Executor, season: string) =>
      db.selectFrom('draw_entries').select('record').where('season', '=', season).orderBy('leaf_index').execute().then((r) => r.map((x) => x.record)),
    entryOf: (db: Executor, season: string, applicationId: string) =>
      db.selectFrom('draw_entries').selectAll().where('season', '=', season).where('application_id', '=', applicationId).executeTakeFirst(),
    results: (db: Executor, season: string) =>
      db.selectFrom('draw_results').selectAll().where('season', '=', season).orderBy('position').execute(),
    resultOf: (db: Executor, season: string, applicationId: string) =>
      db.selectFrom('draw_results').selectAll().where('season', '=', season).where('application_id', '=', applicationId).executeTakeFirst(),
    /** Families and pilgrims per outcome for one country. */
    countryOutcomes: (db: Executor, season: string, country: string) =>
      db.selectFrom('draw_results as r').innerJoin('draw_entries as e', (j) => j.onRef('e.season', '=', 'r.season').onRef('e.application_id', '=', 'r.application_id'))
        .select(['r.outcome', (eb) => eb.fn.countAll<number>().as('families'), (eb) => eb.fn.sum<number>('e.family_size').as('pilgrims')])
        .where('r.season', '=', season).where('e.country', '=', country).groupBy('r.outcome').execute(),
    /** Winners with what their hold needs, in draw order. */
    winners: (db: Executor, season: string) =>
      db.selectFrom('draw_results as r').innerJoin('draw_entries as e', (j) => j.onRef('e.season', '=', 'r.season').onRef('e.application_id', '=', 'r.application_id'))
        .select(['r.application_id', 'r.package_id', 'e.family_size', 'e.country'])
        .where('r.season', '=', season).where('r.outcome', '=', 'won').orderBy('r.position').execute(),
    /** Every family and its outcome, for the notifications at publication. */
    outcomes: (db: Executor, season: string) =>
      db.selectFrom('draw_results as r').innerJoin('draw_entries as e', (j) => j.onRef('e.season', '=', 'r.season').onRef('e.application_id', '=', 'r.application_id'))
        .select(['r.application_id', 'e.admin_account_id', 'r.outcome', 'r.package_id', 'r.choice_rank', 'r.waitlist_position'])
        .where('r.season', '=', season).orderBy('r.position').execute(),
    /**
     * Waiting families after `afterPosition` that could use seats freed in `packageId` or in
     * `country`'s quota, in draw order.
     */
    waitingCandidates: (db: Executor, season: string, packageId: string, country: string, afterPosition: number, limit: number) =>
      db.selectFrom('draw_results as r').innerJoin('draw_entries as e', (j) => j.onRef('e.season', '=', 'r.season').onRef('e.application_id', '=', 'r.application_id'))
        .select(['r.position', 'r.application_id', 'e.admin_account_id', 'e.family_size', 'e.country', 'e.choices'])
        .where('r.season', '=', season).where('r.outcome', '=', 'waiting').where('r.position', '>', afterPosition)
        .where((w) => w.or([w(sql<string>`${packageId}::uuid`, '=', sql<string>`any(e.choices)`), w('e.country', '=', country)]))
        .orderBy('r.position').limit(limit).execute(),
  };
}
export type DrawRepository = ReturnType<typeof createDrawRepository>;
