import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import type { GeneratedWindow } from './domain/slots.ts';
import type { Hours, PermitGatesTable, PermitRulesTable, PermitSitesTable, PermitTemplatesTable, Section } from './tables.ts';

// What this module's configuration constraints mean when a race breaks one (src/db/constraint-errors.ts).
explainConstraints({
  permit_sites_code_key: 'permit.site_taken',
  permit_sites_number_key: 'permit.site_taken',
  permit_gates_site_id_number_key: ['permit.gate_taken', { number: '' }],
});

/** Sites, sections, gates, templates, rules and the generation of windows: the ministry's configuration. */
export function createConfigRepository() {
  return {
    sites: (db: Executor) => db.selectFrom('permit_sites').selectAll().orderBy('number').execute(),
    site: (db: Executor, id: string) => db.selectFrom('permit_sites').selectAll().where('id', '=', id).executeTakeFirst(),
    siteByCode: (db: Executor, code: string) => db.selectFrom('permit_sites').selectAll().where('code', '=', code).executeTakeFirst(),
    nextSiteNumber: (db: Executor) => sql<{ n: number }>`select coalesce(max(number), 0) + 1 as n from permit_sites`.execute(db).then((r) => Number(r.rows[0]!.n)),
    async insertSite(db: Executor, row: Insertable<PermitSitesTable>) {
      await db.insertInto('permit_sites').values(row).execute();
    },
    async updateSite(db: Executor, id: string, patch: Partial<Insertable<PermitSitesTable>>) {
      await db.updateTable('permit_sites').set(patch).where('id', '=', id).execute();
    },
    sections: (db: Executor, siteIds: string[]) =>
      siteIds.length ? db.selectFrom('permit_sections').selectAll().where('site_id', 'in', siteIds).orderBy('section').execute() : Promise.resolve([]),
    async setSections(db: Executor, siteId: string, sections: { section: Section; hours: Hours[] }[]) {
      await db.deleteFrom('permit_sections').where('site_id', '=', siteId).execute();
      if (sections.length) await db.insertInto('permit_sections').values(sections.map((s) => ({ site_id: siteId, section: s.section, hours: JSON.stringify(s.hours) }))).execute();
    },
    gates: (db: Executor, siteIds: string[]) =>
      siteIds.length ? db.selectFrom('permit_gates').selectAll().where('site_id', 'in', siteIds).orderBy('number').execute() : Promise.resolve([]),
    gate: (db: Executor, id: string) => db.selectFrom('permit_gates').selectAll().where('id', '=', id).executeTakeFirst(),
    async insertGate(db: Executor, row: Insertable<PermitGatesTable>) {
      await db.insertInto('permit_gates').values(row).execute();
    },
    templates: (db: Executor, siteId: string) => db.selectFrom('permit_templates').selectAll().where('site_id', '=', siteId).orderBy('created_at').execute(),
    template: (db: Executor, id: string) => db.selectFrom('permit_templates').selectAll().where('id', '=', id).executeTakeFirst(),
    async insertTemplate(db: Executor, row: Insertable<PermitTemplatesTable>) {
      await db.insertInto('permit_templates').values(row).execute();
    },
    rules: (db: Executor, siteIds: string[]) =>
      siteIds.length ? db.selectFrom('permit_rules').selectAll().where('site_id', 'in', siteIds).orderBy('created_at').orderBy('code').execute() : Promise.resolve([]),
    async replaceRules(db: Executor, siteId: string, rows: Insertable<PermitRulesTable>[]) {
      await db.deleteFrom('permit_rules').where('site_id', '=', siteId).execute();
      if (rows.length) await db.insertInto('permit_rules').values(rows).execute();
    },
    penaltyRules: (db: Executor, siteIds: string[]) =>
      siteIds.length ? db.selectFrom('permit_penalty_rules').selectAll().where('site_id', 'in', siteIds).execute() : Promise.resolve([]),
    async replacePenaltyRules(db: Executor, siteId: string, rows: { trigger: 'no_show' | 'late_cancel'; banDays: number }[]) {
      await db.deleteFrom('permit_penalty_rules').where('site_id', '=', siteId).execute();
      if (rows.length) await db.insertInto('permit_penalty_rules').values(rows.map((r) => ({ site_id: siteId, trigger: r.trigger, ban_days: r.banDays }))).execute();
    },

    /**
     * Inserts generated windows in one statement (columns as arrays); a window that exists
     * (same site, section and start) is left as it is. Answers how many were new.
     */
    async insertWindows(db: Executor, siteId: string, templateId: string, t: { capacity: number; early: number; late: number }, windows: GeneratedWindow[], ids: string[], now: Date) {
      if (windows.length === 0) return 0;
      const result = await sql`
        insert into permit_windows (id, site_id, section, starts_at, ends_at, capacity, early_grace_minutes, late_grace_minutes, release_at, template_id, created_at)
        select u.id, ${siteId}, u.section, u.starts_at, u.ends_at, ${t.capacity}, ${t.early}, ${t.late}, u.release_at, ${templateId}, ${now}
        from unnest(${ids}::uuid[], ${windows.map((w) => w.section)}::text[], ${windows.map((w) => w.startsAt)}::timestamptz[], ${windows.map((w) => w.endsAt)}::timestamptz[], ${windows.map((w) => w.releaseAt)}::timestamptz[])
          as u(id, section, starts_at, ends_at, release_at)
        on conflict (site_id, section, starts_at) do nothing`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}
