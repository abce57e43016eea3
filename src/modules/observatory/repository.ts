import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { riyadhMidnight } from '../../core/dates.ts';
import type { GuestJourneysTable, SurveyInvitationsTable, SurveyQuestionnairesTable, Trigger } from './tables.ts';

export type InvitationRow = Selectable<SurveyInvitationsTable>;
/** A response to store (its invitation's context is copied by the statement itself). */
export interface NewResponse { id: string; invitationId: string; day: string; csat: number | null; nps: number | null; answers: string; freeText: string | null; freeTextScreened: string | null; stages: { stage: string; csat: number }[] }
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

type Window = { from?: Date | undefined; to?: Date | undefined; day?: string | undefined; afterDay?: string | undefined };

/**
 * The sources of the survey counts as one UNION ALL, each grouped by programme and the
 * dimension's column in its own type (a cast per row would cost more than the grouping):
 * invitations raised, first showings, responses (CSAT from the stage scores when by stage),
 * journeys started (pilgrims served; not by stage). `w` bounds them in time.
 */
function branches(by: Dimension, w: Window, f: Filter) {
  const k = sql.ref(column[by]);
  const on = (ts: string) => {
    const parts = [sql`true`];
    if (w.from) parts.push(sql`${sql.ref(ts)} >= ${w.from}`);
    if (w.to) parts.push(sql`${sql.ref(ts)} < ${w.to}`);
    if (f.countryCode) parts.push(sql`country_code = ${f.countryCode}`);
    if (f.providerId) parts.push(sql`provider_id = ${f.providerId}`);
    if (f.programme && ts !== 'started_at') parts.push(sql`programme = ${f.programme}`);
    return sql.join(parts, sql` and `);
  };
  const days = (alias = '') => {
    const col = (name: string) => sql.ref(`${alias}${name}`);
    const parts = [sql`true`];
    if (w.day) parts.push(sql`${col('day')} = ${w.day}::date`);
    if (w.afterDay) parts.push(sql`${col('day')} > ${w.afterDay}::date`);
    if (f.from) parts.push(sql`${col('day')} >= ${f.from}::date`);
    if (f.to) parts.push(sql`${col('day')} <= ${f.to}::date`);
    if (f.countryCode) parts.push(sql`${col('country_code')} = ${f.countryCode}`);
    if (f.providerId) parts.push(sql`${col('provider_id')} = ${f.providerId}`);
    if (f.programme) parts.push(sql`${col('programme')} = ${f.programme}`);
    return sql.join(parts, sql` and `);
  };
  const byStage = by === 'stage';
  const journeys = !byStage && (!f.programme || f.programme === 'hajj');
  return sql`
    select programme, ${k} as key, count(*) as invited, 0 as shown, 0 as responses, 0 as csat_n, 0 as csat_top2, 0 as nps_n, 0 as promoters, 0 as detractors, 0 as pilgrims
    from survey_invitations where ${on('created_at')} group by 1, 2
    union all
    select programme, ${k}, 0, count(*), 0, 0, 0, 0, 0, 0, 0 from survey_invitations where first_shown_at is not null and ${on('first_shown_at')} group by 1, 2
    union all
    select programme, ${k}, 0, 0, count(*), ${byStage ? sql`0, 0` : sql`count(csat), count(*) filter (where csat >= 4)`}, count(nps), count(*) filter (where nps >= 9), count(*) filter (where nps <= 6), 0
    from survey_responses where ${days()} group by 1, 2
    ${byStage ? sql`union all
    select r.programme, s.stage, 0, 0, 0, count(*), count(*) filter (where s.csat >= 4), 0, 0, 0, 0
    from survey_stage_scores s join survey_responses r on r.id = s.response_id where ${days('r.')} group by 1, 2` : sql``}
    ${journeys ? sql`union all
    select 'hajj', ${k}, 0, 0, 0, 0, 0, 0, 0, 0, count(*) from guest_journeys where ${on('started_at')} group by 1, 2` : sql``}`;
}

/** The counts from the rows themselves: after the rollup's horizon when there is one, else all of them (within the filter's days). */
async function liveCounts(db: Executor, by: Dimension, f: Filter, horizon: string | null) {
  const w: Window = {};
  if (horizon) {
    w.afterDay = horizon;
    w.from = new Date(riyadhMidnight(horizon).getTime() + 86_400_000);
  }
  if (f.from && (!w.from || riyadhMidnight(f.from) > w.from)) w.from = riyadhMidnight(f.from);
  if (f.to) w.to = new Date(riyadhMidnight(f.to).getTime() + 86_400_000);
  const r = await sql<SurveyCounts & { pilgrims: number }>`
    select key::text as key, sum(invited)::int as invited, sum(shown)::int as shown, sum(responses)::int as responses, sum(csat_n)::int as "csatN", sum(csat_top2)::int as "csatTop2",
           sum(nps_n)::int as "npsN", sum(promoters)::int as promoters, sum(detractors)::int as detractors, sum(pilgrims)::int as pilgrims
    from (${branches(by, w, f)}) as g group by key`.execute(db);
  return r.rows;
}

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
     * Stores many responses in one statement (the answers that arrived together: group commit).
     * An invitation is marked answered only if it was not yet and has not expired, and its
     * response and stage scores are written only then. Answers, per row, the response id, or null
     * when nothing was written for it (answered already, expired, or not an invitation). Rows
     * naming the same invitation twice must not be in one call (the caller keeps the first).
     */
    async respondMany(db: Executor, now: Date, rows: readonly NewResponse[]): Promise<(string | null)[]> {
      const col = <T>(f: (r: NewResponse) => T) => rows.map(f);
      const scores = rows.flatMap((r) => r.stages.map((s) => ({ id: r.id, ...s })));
      const result = await sql<{ id: string }>`
        with u as (
          select * from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.invitationId)}::uuid[], ${col((r) => r.csat)}::smallint[], ${col((r) => r.nps)}::smallint[],
                               ${col((r) => r.answers)}::jsonb[], ${col((r) => r.freeText)}::text[], ${col((r) => r.freeTextScreened)}::text[], ${col((r) => r.day)}::date[])
            as u(id, invitation_id, csat, nps, answers, free_text, free_text_screened, day)),
        inv as (
          update survey_invitations i set responded_at = ${now}
          from u where i.id = u.invitation_id and i.responded_at is null and i.expires_at > ${now}
          returning i.id, i.questionnaire_id, i.programme, i.stage, i.language, i.provider_id, i.package_id, i.country_code, i.nationality_group),
        resp as (
          insert into survey_responses (id, invitation_id, questionnaire_id, programme, stage, language, provider_id, package_id, country_code, nationality_group, csat, nps, answers, free_text, free_text_screened, submitted_at, day)
          select u.id, inv.id, inv.questionnaire_id, inv.programme, inv.stage, inv.language, inv.provider_id, inv.package_id, inv.country_code, inv.nationality_group,
                 u.csat, u.nps, u.answers, u.free_text, u.free_text_screened, ${now}::timestamptz, u.day
          from inv join u on u.invitation_id = inv.id returning id),
        scores as (
          insert into survey_stage_scores (response_id, stage, csat)
          select resp.id, s.stage, s.csat from resp join unnest(${scores.map((s) => s.id)}::uuid[], ${scores.map((s) => s.stage)}::text[], ${scores.map((s) => s.csat)}::smallint[]) as s(response_id, stage, csat) on s.response_id = resp.id
          returning 1)
        select id from resp`.execute(db);
      const written = new Set(result.rows.map((r) => r.id));
      return rows.map((r) => (written.has(r.id) ? r.id : null));
    },

    // Cursor over the event log
    lockCursor: (db: Executor) => db.selectFrom('survey_event_cursor').select('last_event_id').where('id', '=', 1).forUpdate().executeTakeFirstOrThrow(),
    async moveCursor(db: Executor, to: number) {
      await db.updateTable('survey_event_cursor').set({ last_event_id: to }).where('id', '=', 1).execute();
    },

    // Indicators
    /**
     * Survey counts per group of a dimension, with the pilgrims served: from the rollup for the
     * days already folded (only when no provider or country filter asks for rows the rollup does
     * not split by), and from the rows themselves for the rest. Invitations count on the day they
     * were raised, showings on the day of the first showing, responses and journeys on their day.
     */
    async surveyCounts(db: Executor, by: Dimension, f: Filter): Promise<(SurveyCounts & { pilgrims: number })[]> {
      const rollupServes = !f.providerId && !f.countryCode;
      const horizon = rollupServes ? await this.foldHorizon(db) : null;
      const live = await liveCounts(db, by, f, horizon);
      if (!horizon) return live;
      const parts = [sql`dim = ${by}`, sql`day <= ${horizon}::date`];
      if (f.programme) parts.push(sql`programme = ${f.programme}`);
      if (f.from) parts.push(sql`day >= ${f.from}::date`);
      if (f.to) parts.push(sql`day <= ${f.to}::date`);
      const rolled = await sql<SurveyCounts & { pilgrims: number }>`
        select key, sum(invited)::int as invited, sum(shown)::int as shown, sum(responses)::int as responses, sum(csat_n)::int as "csatN", sum(csat_top2)::int as "csatTop2",
               sum(nps_n)::int as "npsN", sum(promoters)::int as promoters, sum(detractors)::int as detractors, sum(pilgrims)::int as pilgrims
        from survey_rollup where ${sql.join(parts, sql` and `)} group by key`.execute(db);
      const out = new Map(rolled.rows.map((r) => [r.key, r]));
      for (const l of live) {
        const r = out.get(l.key);
        if (!r) out.set(l.key, l);
        else for (const k of ['invited', 'shown', 'responses', 'csatN', 'csatTop2', 'npsN', 'promoters', 'detractors', 'pilgrims'] as const) r[k] += l[k];
      }
      return [...out.values()];
    },

    /** The last day folded into the rollup (days are folded in order), or null. */
    foldHorizon: async (db: Executor): Promise<string | null> => {
      const r = await sql<{ day: string | null }>`select to_char(max(day), 'YYYY-MM-DD') as day from survey_rollup_days`.execute(db);
      return r.rows[0]?.day ?? null;
    },
    /** The first day anything was counted on (an invitation, a showing, a response or a journey), or null. */
    firstDay: async (db: Executor): Promise<string | null> => {
      const r = await sql<{ day: string | null }>`
        select to_char(least((select min(created_at) from survey_invitations), (select min(first_shown_at) from survey_invitations),
                             (select min(submitted_at) from survey_responses), (select min(started_at) from guest_journeys)) at time zone 'Asia/Riyadh', 'YYYY-MM-DD') as day`.execute(db);
      return r.rows[0]?.day ?? null;
    },
    /** Folds one past day into the rollup, every dimension, once (a second process finds the day taken and does nothing). */
    async foldDay(db: Executor, day: string, from: Date, to: Date, now: Date): Promise<boolean> {
      const taken = await sql<{ day: string }>`insert into survey_rollup_days (day, folded_at) values (${day}::date, ${now}) on conflict do nothing returning day`.execute(db);
      if (!taken.rows.length) return false;
      for (const by of dimensions) {
        await sql`
          insert into survey_rollup (day, programme, dim, key, invited, shown, responses, csat_n, csat_top2, nps_n, promoters, detractors, pilgrims)
          select ${day}::date, programme, ${by}, key::text, sum(invited), sum(shown), sum(responses), sum(csat_n), sum(csat_top2), sum(nps_n), sum(promoters), sum(detractors), sum(pilgrims)
          from (${branches(by, { from, to, day }, {})}) as g group by programme, key`.execute(db);
      }
      return true;
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
