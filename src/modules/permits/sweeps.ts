import { sql } from 'kysely';
import { newId } from '../../core/ids.ts';
import { writeAudit } from '../audit/index.ts';
import type { PermitContext, SiteFacts } from './context.ts';
import { penaltyEnd } from './domain/rules.ts';

/**
 * When a window ends (with its late grace), its permits not checked in become
 * no-shows, each with the site's no-show penalty if it has one (data: e.g. no
 * Rawdah permit for 365 days), and the window's counters record them for the
 * occupancy. Open offers on it expire. A poller runs this.
 */
export function sweepUseCases(c: PermitContext) {
  const { db, clock } = c;
  return {
    /** Sweeps every window that has ended, in rounds of `limit`; answers how many. */
    async sweepNoShows(limit = 200): Promise<number> {
      let total = 0;
      for (let round = 0; round < 50; round++) {
        const n = await this.sweepRound(limit);
        total += n;
        if (n < limit) break;
      }
      return total;
    },
    async sweepRound(limit: number): Promise<number> {
      const now = clock.now();
      const due = await db.kysely.selectFrom('permit_windows').select(['id', 'site_id']).where('swept_at', 'is', null)
        .where(sql<boolean>`ends_at + late_grace_minutes * interval '1 minute' < ${now}`).orderBy('ends_at').limit(limit).execute();
      if (!due.length) return 0;
      const sites = new Map<string, SiteFacts | null>();
      for (const d of due) if (!sites.has(d.site_id)) sites.set(d.site_id, await c.site(d.site_id));
      return db.kysely.transaction().execute(async (trx) => {
        const locked = await trx.selectFrom('permit_windows').select(['id', 'site_id']).where('id', 'in', due.map((d) => d.id)).where('swept_at', 'is', null).orderBy('id').forUpdate().skipLocked().execute();
        for (const w of locked) {
          const missed = await trx.updateTable('permits').set({ status: 'no_show', ended_at: now }).where('window_id', '=', w.id).where('status', '=', 'valid').returning(['id', 'person_id']).execute();
          const rule = sites.get(w.site_id)?.penalties.find((p) => p.trigger === 'no_show');
          if (rule && missed.length) {
            await c.repo.insertPenalties(trx, missed.map((p) => ({ id: newId(), person_id: p.person_id, site_id: w.site_id, trigger: 'no_show' as const, permit_id: p.id, starts_at: now, ends_at: penaltyEnd(now, rule.banDays), created_at: now })));
          }
          await trx.updateTable('permit_windows').set((eb) => ({ swept_at: now, no_shows: eb('no_shows', '+', missed.length) })).where('id', '=', w.id).execute();
          await trx.updateTable('permit_waitlist').set({ status: 'expired', updated_at: now }).where('window_id', '=', w.id).where('status', 'in', ['waiting', 'offered']).execute();
          if (missed.length) await writeAudit(trx, clock, { requestId: 'no-show-sweep', actor: null }, { action: 'permit.no_shows', subjectType: 'permit_window', subjectId: w.id, data: { permits: missed.length, penaltyDays: rule?.banDays ?? null } });
        }
        return locked.length;
      });
    },
  };
}
