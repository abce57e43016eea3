import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { GuestJourneysTable, SurveyInvitationsTable, SurveyQuestionnairesTable, Trigger } from './tables.ts';

export type InvitationRow = Selectable<SurveyInvitationsTable>;
export type QuestionnaireRow = Selectable<SurveyQuestionnairesTable>;
export const dimensions = ['provider', 'package', 'stage', 'country', 'language'] as const;
export type Dimension = (typeof dimensions)[number];
const column: Record<Dimension, 'provider_id' | 'package_id' | 'stage' | 'country_code' | 'language'> = {
  provider: 'provider_id', package: 'package_id', stage: 'stage', country: 'country_code', language: 'language',
};
export interface Filter {
  programme?: string | undefined;
  countryCode?: string | undefined;
  providerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Survey counts of one group (what indicators are computed from). */
export interface SurveyCounts { key: string | null; invited: number; shown: number; responses: number; csatN: number; csatTop2: number; npsN: number; promoters: number; detractors: number }

/** The one place with SQL for surveys, journeys, scorecards and inspections. */
export function createObservatoryRepository() {
  const where = (f: Filter, day: 'day' | 'created_at') => {
    const parts = [sql`true`];
    if (f.programme) parts.push(sql`programme = ${f.programme}`);
    if (f.countryCode) parts.push(sql`country_code = ${f.countryCode}`);
    if (f.providerId) parts.push(sql`provider_id = ${f.providerId}`);
    if (f.from) parts.push(day === 'day' ? sql`day >= ${f.from}::date` : sql`created_at >= ${f.from}::date`);
    if (f.to) parts.push(day === 'day' ? sql`day <= ${f.to}::date` : sql`created_at < ${f.to}::date + 1`);
    return sql.join(parts, sql` and `);
  };

  return {
    // Questionnaires
    activeFor: (db: Executor, trigger: Trigger) => db.selectFrom('survey_questionnaires').selectAll().where('trigger', '=', trigger).where('active', '=', true).execute(),
    questionnaire: (db: Executor, id: string) => db.selectFrom('survey_questionnaires').selectAll().where('id', '=', id).executeTakeFirst(),
    questionnaires: (db: Executor) => db.selectFrom('survey_questionnaires').selectAll().orderBy('code').orderBy('version', 'desc').execute(),
    /** A new version of a questionnaire becomes the active one (the older versions stay, answered as they were asked). */
    async publishQuestionnaire(db: Executor, row: Insertable<SurveyQuestionnairesTable>) {
      const last = await db.selectFrom('survey_questionnaires').select((eb) => eb.fn.max('version').as('v')).where('code', '=', row.code).executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      await db.updateTable('survey_questionnaires').set({ active: false }).where('code', '=', row.code).where('active', '=', true).execute();
      await db.insertInto('survey_questionnaires').values({ ...row, version, active: true }).execute();
      return version;
    },

    // Journeys and invitations
    async addJourneys(db: Executor, rows: Insertable<GuestJourneysTable>[]) {
      if (rows.length) await db.insertInto('guest_journeys').values(rows).onConflict((oc) => oc.columns(['account_id', 'subject']).doNothing()).execute();
    },
    /** Raises invitations; the ones that existed already (same questionnaire, person and subject) are left alone. Answers those created. */
    async invite(db: Executor, rows: Insertable<SurveyInvitationsTable>[]) {
      if (!rows.length) return [] as { id: string }[];
      return db.insertInto('survey_invitations').values(rows).onConflict((oc) => oc.columns(['questionnaire_id', 'account_id', 'subject']).doNothing()).returning('id').execute();
    },
    invitation: (db: Executor, id: string) => db.selectFrom('survey_invitations').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Counts a showing (the honest denominator of response rates). */
    async shown(db: Executor, id: string, now: Date) {
      await db.updateTable('survey_invitations').set((eb) => ({ shown_count: eb('shown_count', '+', 1), first_shown_at: eb.fn.coalesce('first_shown_at', sql<Date>`${now}::timestamptz`) })).where('id', '=', id).execute();
    },
    pendingFor: (db: Executor, accountId: string, now: Date) =>
      db.selectFrom('survey_invitations').selectAll().where('account_id', '=', accountId).where('responded_at', 'is', null).where('expires_at', '>', now).orderBy('created_at', 'desc').limit(50).execute(),
    /** Claims invitations due a reminder (SKIP LOCKED: any process may send them, each once). */
    async claimReminders(db: Executor, now: Date, limit: number) {
      const r = await sql<Selectable<SurveyInvitationsTable>>`
        update survey_invitations set remind_at = null, reminded_at = ${now}
        where id in (select id from survey_invitations where remind_at <= ${now} and responded_at is null and expires_at > ${now}
                     order by remind_at limit ${limit} for update skip locked)
        returning *`.execute(db);
      return r.rows;
    },

    /**
     * Stores a response in one statement: the invitation is marked answered only if it was not
     * yet and has not expired, and the response and its stage scores are written only then.
     * Answers null when nothing was written (answered already, or expired meanwhile).
     */
    async respond(db: Executor, r: { id: string; invitationId: string; now: Date; day: string; csat: number | null; nps: number | null; answers: string; freeText: string | null; freeTextScreened: string | null; stages: { stage: string; csat: number }[] }) {
      const result = await sql<{ id: string }>`
        with inv as (
          update survey_invitations set responded_at = ${r.now}
          where id = ${r.invitationId} and responded_at is null and expires_at > ${r.now}
          returning id, questionnaire_id, programme, stage, language, provider_id, package_id, country_code, nationality_group),
        resp as (
          insert into survey_responses (id, invitation_id, questionnaire_id, programme, stage, language, provider_id, package_id, country_code, nationality_group, csat, nps, answers, free_text, free_text_screened, submitted_at, day)
          select ${r.id}::uuid, inv.id, inv.questionnaire_id, inv.programme, inv.stage, inv.language, inv.provider_id, inv.package_id, inv.country_code, inv.nationality_group,
                 ${r.csat}::smallint, ${r.nps}::smallint, ${r.answers}::jsonb, ${r.freeText}, ${r.freeTextScreened}, ${r.now}::timestamptz, ${r.day}::date
          from inv returning id),
        scores as (
          insert into survey_stage_scores (response_id, stage, csat)
          select resp.id, u.stage, u.csat from resp, unnest(${r.stages.map((s) => s.stage)}::text[], ${r.stages.map((s) => s.csat)}::smallint[]) as u(stage, csat)
          returning 1)
        select id from resp`.execute(db);
      return result.rows[0]?.id ?? null;
    },
    responses: (db: Executor, f: Filter & { limit: number }) => {
      let q = db.selectFrom('survey_responses').select(['id', 'programme', 'stage', 'language', 'provider_id', 'package_id', 'country_code', 'nationality_group', 'csat', 'nps', 'free_text', 'free_text_screened', 'day']);
      if (f.providerId) q = q.where('provider_id', '=', f.providerId);
      if (f.countryCode) q = q.where('country_code', '=', f.countryCode);
      return q.orderBy('submitted_at', 'desc').limit(f.limit).execute();
    },

    // Cursor over the event log
    lockCursor: (db: Executor) => db.selectFrom('survey_event_cursor').select('last_event_id').where('id', '=', 1).forUpdate().executeTakeFirstOrThrow(),
    async moveCursor(db: Executor, to: number) {
      await db.updateTable('survey_event_cursor').set({ last_event_id: to }).where('id', '=', 1).execute();
    },

    // Indicators
    /** Survey counts per group of a dimension: invitations (sent, shown) and responses (CSAT, NPS), in one pass each. */
    async surveyCounts(db: Executor, by: Dimension, f: Filter): Promise<SurveyCounts[]> {
      const k = sql.ref(column[by]);
      const byStage = by === 'stage';
      // One row per source (invitations, responses, and for stages the stage scores), added up per key.
      const csatFromResponses = byStage ? sql`0, 0` : sql`count(csat), count(*) filter (where csat >= 4)`;
      const r = await sql<SurveyCounts>`
        select key, sum(invited)::int as invited, sum(shown)::int as shown, sum(responses)::int as responses, sum(csat_n)::int as "csatN", sum(csat_top2)::int as "csatTop2",
               sum(nps_n)::int as "npsN", sum(promoters)::int as promoters, sum(detractors)::int as detractors
        from (
          select ${k}::text as key, count(*) as invited, count(first_shown_at) as shown, 0 as responses, 0 as csat_n, 0 as csat_top2, 0 as nps_n, 0 as promoters, 0 as detractors
          from survey_invitations where ${where(f, 'created_at')} group by 1
          union all
          select ${k}::text, 0, 0, count(*), ${csatFromResponses}, count(nps), count(*) filter (where nps >= 9), count(*) filter (where nps <= 6)
          from survey_responses where ${where(f, 'day')} group by 1
          ${byStage ? sql`union all
          select s.stage, 0, 0, 0, count(*), count(*) filter (where s.csat >= 4), 0, 0, 0
          from survey_stage_scores s join survey_responses on survey_responses.id = s.response_id where ${where(f, 'day')} group by 1` : sql``}
        ) as g group by key`.execute(db);
      return r.rows;
    },
    /** Pilgrims served per group (guest journeys): the denominator of complaints per 1,000. */
    async pilgrims(db: Executor, by: Dimension, f: Filter) {
      if (by === 'stage') return [];
      const k = sql.ref(column[by]);
      const parts = [sql`true`];
      if (f.countryCode) parts.push(sql`country_code = ${f.countryCode}`);
      if (f.providerId) parts.push(sql`provider_id = ${f.providerId}`);
      const r = await sql<{ key: string | null; pilgrims: number }>`select ${k}::text as key, count(*)::int as pilgrims from guest_journeys where ${sql.join(parts, sql` and `)} group by 1`.execute(db);
      return r.rows;
    },
    /** Daily CSAT and NPS counts (the dashboard's time series). */
    async daily(db: Executor, f: Filter) {
      const r = await sql<{ day: string; responses: number; csatN: number; csatTop2: number; npsN: number; promoters: number; detractors: number }>`
        select to_char(day, 'YYYY-MM-DD') as day, count(*)::int as responses, count(csat)::int as "csatN", count(*) filter (where csat >= 4)::int as "csatTop2",
               count(nps)::int as "npsN", count(*) filter (where nps >= 9)::int as promoters, count(*) filter (where nps <= 6)::int as detractors
        from survey_responses where ${where(f, 'day')} group by day order by day`.execute(db);
      return r.rows;
    },

    // Scorecards
    async saveScorecards(db: Executor, rows: { provider_id: string; counts: string; inspections: string; computed_at: Date }[]) {
      for (let i = 0; i < rows.length; i += 1000) {
        await db.insertInto('provider_scorecards').values(rows.slice(i, i + 1000))
          .onConflict((oc) => oc.column('provider_id').doUpdateSet((eb) => ({ counts: eb.ref('excluded.counts'), inspections: eb.ref('excluded.inspections'), computed_at: eb.ref('excluded.computed_at') }))).execute();
      }
    },
    scorecards: (db: Executor, providerIds?: string[]) => {
      let q = db.selectFrom('provider_scorecards').leftJoin('provider_scorecard_replies as r', 'r.provider_id', 'provider_scorecards.provider_id')
        .select(['provider_scorecards.provider_id', 'counts', 'inspections', 'computed_at', 'r.reply', 'r.updated_at as reply_at']);
      if (providerIds) q = q.where('provider_scorecards.provider_id', 'in', providerIds.length ? providerIds : ['00000000-0000-4000-8000-000000000000']);
      return q.orderBy('provider_scorecards.provider_id').execute();
    },
    async putReply(db: Executor, providerId: string, reply: string, now: Date) {
      await db.insertInto('provider_scorecard_replies').values({ provider_id: providerId, reply, updated_at: now })
        .onConflict((oc) => oc.column('provider_id').doUpdateSet({ reply, updated_at: now })).execute();
    },

    // Inspections
    checklist: (db: Executor, placeType: string) => db.selectFrom('inspection_checklists').selectAll().where('place_type', '=', placeType as never).where('active', '=', true).executeTakeFirst(),
    async addChecklist(db: Executor, row: Insertable<import('./tables.ts').InspectionChecklistsTable>) {
      await db.insertInto('inspection_checklists').values(row).onConflict((oc) => oc.doNothing()).execute();
    },
    checklists: (db: Executor) => db.selectFrom('inspection_checklists').selectAll().where('active', '=', true).orderBy('place_type').execute(),
    async insertInspection(db: Executor, row: Insertable<import('./tables.ts').InspectionsTable>) {
      const r = await db.insertInto('inspections').values(row).onConflict((oc) => oc.columns(['inspector_id', 'client_id']).doNothing()).returning('id').executeTakeFirst();
      return r?.id ?? (await db.selectFrom('inspections').select('id').where('inspector_id', '=', row.inspector_id).where('client_id', '=', row.client_id).executeTakeFirstOrThrow()).id;
    },
    inspectionCounts: async (db: Executor) => {
      const r = await sql<{ provider_id: string; n: number; mean: string | null }>`select provider_id, count(*)::int as n, avg(score)::numeric(5,2)::text as mean from inspections group by provider_id`.execute(db);
      return r.rows;
    },
  };
}
export type ObservatoryRepository = ReturnType<typeof createObservatoryRepository>;
