import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { RefundRule } from '../ledger/index.ts';
import type { BookingContext } from './context.ts';
import { payInFull, planProblem, type PlanStep } from './domain/instalments.ts';

/** Fees by days before arrival when the ministry has set none: free until 60 days, 10 % until 30, 50 % until 7, then nothing back. */
export const defaultRefundSchedule: RefundRule[] = [{ minDaysBefore: 60, feeBps: 0 }, { minDaysBefore: 30, feeBps: 1000 }, { minDaysBefore: 7, feeBps: 5000 }];

/** A season's booking rules, kept by the ministry as data: the instalment plan and the refund schedule. */
export function seasonSettingsUseCases(c: BookingContext) {
  const { repo, clock, db } = c;

  /** Saves a per-season setting with its audit record; an unknown season is a 404, not a key violation. */
  async function save(ctx: RequestContext, season: string, action: string, data: Record<string, unknown>, write: (trx: Executor) => Promise<void>) {
    await db.kysely.transaction().execute(async (trx) => {
      await write(trx);
      await writeAudit(trx, clock, ctx, { action, subjectType: 'season', subjectId: season, data });
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23503') throw new AppError('season.not_found');
      throw error;
    });
  }

  async function instalmentPlan(executor: Executor, season: string): Promise<PlanStep[]> {
    return (await repo.instalmentPlan(executor, season))?.steps ?? payInFull;
  }

  return {
    /** The season's instalment plan (pay in full when none is set). */
    instalmentPlan,
    planOf: (season: string) => instalmentPlan(db.kysely, season),
    async setInstalmentPlan(ctx: RequestContext, season: string, steps: PlanStep[]) {
      const problem = planProblem(steps);
      if (problem) throw new AppError('booking.bad_plan', { problem });
      await save(ctx, season, 'season.instalment_plan_set', { steps }, (trx) => repo.setInstalmentPlan(trx, season, steps, ctx.actor?.accountId ?? null, clock.now()));
      return steps;
    },

    /** The season's refund schedule (the default when none is set). */
    async refundSchedule(executor: Executor, season: string): Promise<RefundRule[]> {
      return (await repo.refundSchedule(executor, season))?.rules ?? defaultRefundSchedule;
    },
    refundScheduleOf: (season: string) => repo.refundSchedule(db.kysely, season).then((r) => r?.rules ?? defaultRefundSchedule),
    async setRefundSchedule(ctx: RequestContext, season: string, rules: RefundRule[]) {
      await save(ctx, season, 'season.refund_schedule_set', { rules }, (trx) => repo.setRefundSchedule(trx, season, rules, ctx.actor?.accountId ?? null, clock.now()));
      return rules;
    },
  };
}
