import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { ComplaintContext } from './context.ts';
import { complaintDeskPolicy } from './policies.ts';
import type { Severity } from './tables.ts';

/** The ministry's deadline rules and season periods (data, audited). */
export function configUseCases(c: ComplaintContext) {
  const { db, clock, repo } = c;
  return {
    async putRule(ctx: RequestContext, r: { category: string; severity: Severity; acknowledgeMinutes: number | null; firstAnswerMinutes: number | null; resolveMinutes: number | null }) {
      complaintDeskPolicy.assert(ctx, 'configure', null);
      await db.kysely.transaction().execute(async (trx) => {
        await repo.putRule(trx, { category: r.category, severity: r.severity, acknowledge_minutes: r.acknowledgeMinutes, first_answer_minutes: r.firstAnswerMinutes, resolve_minutes: r.resolveMinutes, updated_at: clock.now() });
        await writeAudit(trx, clock, ctx, { action: 'complaint.rule_set', subjectType: 'complaint_rule', subjectId: `${r.category}/${r.severity}`, data: r });
      });
    },
    async addSeason(ctx: RequestContext, p: { label: string; from: Date; to: Date }) {
      complaintDeskPolicy.assert(ctx, 'configure', null);
      const id = newId();
      await db.kysely.transaction().execute(async (trx) => {
        await repo.addRoundTheClock(trx, { id, label: p.label, starts_at: p.from, ends_at: p.to });
        await writeAudit(trx, clock, ctx, { action: 'complaint.season_set', subjectType: 'complaint_season', subjectId: id, data: { label: p.label, from: p.from.toISOString(), to: p.to.toISOString() } });
      });
      return id;
    },
  };
}
