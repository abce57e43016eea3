import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * The permits' read model for statistics: people who used a permit (checked
 * in at a gate), by Riyadh month, gender, nationality and residence. A visitor
 * proves who they are with a passport and visa, so passport holders are the
 * pilgrims from abroad; national ID and iqama holders are citizens and
 * residents. A person counts once per month however many permits they used.
 */
export function permitStatisticsSource(db: Db) {
  return {
    async visitorsByMonth(site: 'umrah' | 'rawdah', year: number) {
      const rows = await sql<{ month: string; gender: 'male' | 'female'; nationality: string; residence: 'foreign' | 'domestic'; people: string }>`
        select to_char(p.checked_in_at at time zone 'Asia/Riyadh', 'YYYY-MM') as month, pe.gender, pe.nationality,
               case when pe.doc_kind = 'passport' then 'foreign' else 'domestic' end as residence,
               count(distinct p.person_id) as people
        from permits p
        join permit_sites s on s.id = p.site_id
        join permit_persons pe on pe.id = p.person_id
        where p.status = 'checked_in' and s.kind = ${site}
          and p.checked_in_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Riyadh')
          and p.checked_in_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Riyadh')
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4`.execute(db.kysely);
      return rows.rows.map((r) => ({ ...r, people: Number(r.people) }));
    },
    async foreignUmrahPilgrims(year: number) {
      const row = await sql<{ people: string }>`
        select count(distinct p.person_id) as people
        from permits p
        join permit_sites s on s.id = p.site_id
        join permit_persons pe on pe.id = p.person_id
        where p.status = 'checked_in' and s.kind = 'umrah' and pe.doc_kind = 'passport'
          and p.checked_in_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Riyadh')
          and p.checked_in_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Riyadh')`.execute(db.kysely);
      return Number(row.rows[0]?.people ?? 0);
    },
  };
}
