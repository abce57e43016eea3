import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ComplaintAttachmentsTable, ComplaintEventsTable, ComplaintsTable, Severity } from './tables.ts';

export type ComplaintRow = Selectable<ComplaintsTable>;
export type NewEvent = Omit<Insertable<ComplaintEventsTable>, 'data' | 'deadline_kind' | 'late' | 'after_breach'> & { data?: Record<string, unknown> };

/** The one place with SQL for complaints, their event log, their settings and deadline rules. */
export function createComplaintRepository() {
  return {
    settings: (db: Executor) => db.selectFrom('complaint_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),
    roundTheClock: (db: Executor) => db.selectFrom('complaint_round_the_clock').selectAll().orderBy('starts_at').execute(),
    async addRoundTheClock(db: Executor, row: { id: string; label: string; starts_at: Date; ends_at: Date }) {
      await db.insertInto('complaint_round_the_clock').values(row).execute();
    },
    rules: (db: Executor) => db.selectFrom('complaint_deadline_rules').selectAll().orderBy('category').orderBy('severity').execute(),
    rule: (db: Executor, category: string, severity: Severity) =>
      db.selectFrom('complaint_deadline_rules').selectAll().where('category', '=', category).where('severity', '=', severity).executeTakeFirst(),
    async putRule(db: Executor, row: Insertable<import('./tables.ts').ComplaintDeadlineRulesTable>) {
      await db.insertInto('complaint_deadline_rules').values(row)
        .onConflict((oc) => oc.columns(['category', 'severity']).doUpdateSet({ acknowledge_minutes: row.acknowledge_minutes ?? null, first_answer_minutes: row.first_answer_minutes ?? null, resolve_minutes: row.resolve_minutes ?? null, updated_at: row.updated_at })).execute();
    },
    categories: async (db: Executor) => (await db.selectFrom('complaint_deadline_rules').select('category').distinct().execute()).map((r) => r.category),

    async insert(db: Executor, row: Insertable<ComplaintsTable>) {
      await db.insertInto('complaints').values(row).execute();
    },
    find: (db: Executor, id: string) => db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst(),
    lock: (db: Executor, id: string) => db.selectFrom('complaints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
    async update(db: Executor, id: string, patch: Updateable<ComplaintsTable>) {
      await db.updateTable('complaints').set((eb) => ({ ...patch, version: eb('version', '+', 1) })).where('id', '=', id).execute();
    },
    /** How many complaints an account filed (or had filed for it) since `since`: the flood limit. */
    filedSince: async (db: Executor, complainantId: string, since: Date) =>
      Number((await db.selectFrom('complaints').select((eb) => eb.fn.countAll<string>().as('n')).where('complainant_id', '=', complainantId).where('created_at', '>=', since).executeTakeFirstOrThrow()).n),
    nextReference: async (db: Executor, year: number) => {
      const r = await sql<{ n: string }>`select nextval('complaint_reference_seq') as n`.execute(db);
      return `C${year}-${String(r.rows[0]!.n).padStart(6, '0')}`;
    },

    async appendEvents(db: Executor, rows: NewEvent[]) {
      // A deadline's figures also go to typed columns (what the indicators add up, from an index).
      const typed = (r: NewEvent) => {
        const d = r.data ?? {};
        if (r.action === 'deadline_met') return { deadline_kind: String(d.kind), late: Boolean(d.late), after_breach: Boolean(d.breached) };
        if (r.action === 'breach') return { deadline_kind: String(d.kind), late: null, after_breach: null };
        return { deadline_kind: null, late: null, after_breach: null };
      };
      if (rows.length) await db.insertInto('complaint_events').values(rows.map((r) => ({ ...r, data: JSON.stringify(r.data ?? {}), ...typed(r) }))).execute();
    },
    events: (db: Executor, complaintId: string) => db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId).orderBy('id').execute(),

    async insertAttachment(db: Executor, row: Insertable<ComplaintAttachmentsTable>) {
      await db.insertInto('complaint_attachments').values(row).execute();
    },
    attachments: (db: Executor, complaintId: string) => db.selectFrom('complaint_attachments').selectAll().where('complaint_id', '=', complaintId).orderBy('created_at').execute(),
    attachment: (db: Executor, complaintId: string, id: string) => db.selectFrom('complaint_attachments').selectAll().where('complaint_id', '=', complaintId).where('id', '=', id).executeTakeFirst(),

    /** A page of complaints, newest first, filtered for who reads them. */
    list: (db: Executor, f: { complainantId?: string; providerId?: string; countryCode?: string; state?: string; limit: number; before?: Date }) => {
      let q = db.selectFrom('complaints').selectAll();
      if (f.complainantId) q = q.where('complainant_id', '=', f.complainantId);
      if (f.providerId) q = q.where('provider_id', '=', f.providerId);
      if (f.countryCode) q = q.where('country_code', '=', f.countryCode);
      if (f.state) q = q.where('state', '=', f.state as never);
      if (f.before) q = q.where('created_at', '<', f.before);
      return q.orderBy('created_at', 'desc').orderBy('id').limit(f.limit).execute();
    },

    /** Complaints whose watched deadline has passed (the sweep's candidates, by the one indexed column). */
    due: (db: Executor, now: Date, limit: number) =>
      db.selectFrom('complaints').select('id').where('next_deadline_at', '<=', now).orderBy('next_deadline_at').limit(limit).execute(),
    /** Locks those still due, skipping any another process holds (SKIP LOCKED: one sweeper per complaint). */
    lockDue: (db: Executor, ids: string[], now: Date) =>
      db.selectFrom('complaints').selectAll().where('id', 'in', ids).where('next_deadline_at', '<=', now).orderBy('id').forUpdate().skipLocked().execute(),
    /**
     * Complaint figures per group (provider, country or language) for the observatory: how many,
     * deadlines met on time and late (from the log's `deadline_met` and `breach` events: a breach
     * counts once even if the deadline is met later), and the median minutes to the first answer
     * and to resolution.
     */
    async counts(db: Executor, by: 'provider' | 'country' | 'language', f: { countryCode?: string | undefined; providerId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
      const k = sql.ref(by === 'provider' ? 'provider_id' : by === 'country' ? 'country_code' : 'language');
      const parts = [sql`true`];
      if (f.countryCode) parts.push(sql`country_code = ${f.countryCode}`);
      if (f.providerId) parts.push(sql`provider_id = ${f.providerId}`);
      if (f.from) parts.push(sql`created_at >= ${f.from}::date`);
      if (f.to) parts.push(sql`created_at < ${f.to}::date + 1`);
      // The log's figures per complaint from the deadline events' own index (typed columns, in complaint order), joined
      // to the complaints (no CTE: a CTE read twice is materialised), then per group; the medians sort within each group.
      const r = await sql<{ key: string | null; complaints: number; onTime: number; late: number; medianFirstAnswer: number | null; medianResolution: number | null }>`
        select c.key::text as key, count(*)::int as complaints, coalesce(sum(t.on_time), 0)::int as "onTime", coalesce(sum(t.late), 0)::int as late,
               round((percentile_cont(0.5) within group (order by extract(epoch from t.first_answer - c.created_at) / 60))::numeric, 1)::float8 as "medianFirstAnswer",
               round((percentile_cont(0.5) within group (order by extract(epoch from t.resolved - c.created_at) / 60))::numeric, 1)::float8 as "medianResolution"
        from (select id, ${k} as key, created_at from complaints where ${sql.join(parts, sql` and `)}) as c
        left join (
          select e.complaint_id,
                 count(*) filter (where e.action = 'deadline_met' and not e.late) as on_time,
                 count(*) filter (where e.action = 'breach') + count(*) filter (where e.action = 'deadline_met' and e.late and not e.after_breach) as late,
                 min(e.at) filter (where e.action = 'deadline_met' and e.deadline_kind = 'first_answer') as first_answer,
                 min(e.at) filter (where e.action = 'deadline_met' and e.deadline_kind = 'resolve') as resolved
          from complaint_events e where e.deadline_kind is not null group by e.complaint_id) as t on t.complaint_id = c.id
        group by c.key`.execute(db);
      return r.rows;
    },

    /** Resolved complaints whose time to reopen has passed: they close. */
    closable: (db: Executor, resolvedBefore: Date, limit: number) =>
      db.selectFrom('complaints').select('id').where('state', '=', 'resolved').where('resolved_at', '<', resolvedBefore).orderBy('resolved_at').limit(limit).execute(),
  };
}
export type ComplaintRepository = ReturnType<typeof createComplaintRepository>;
