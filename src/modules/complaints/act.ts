import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { screenText } from '../../core/screening.ts';
import { runOnce } from '../../db/idempotency.ts';
import { writeAudit } from '../audit/index.ts';
import { actorOf, type ComplaintContext } from './context.ts';
import type { ComplaintAction } from './domain/lifecycle.ts';
import { complaintPolicy, type ComplaintPolicyAction, type ComplaintResource } from './policies.ts';
import type { ComplaintRow } from './repository.ts';

/** The API's actions and the lifecycle's steps they take. */
const steps: Partial<Record<ComplaintPolicyAction, ComplaintAction>> = {
  respond: 'respond', ask_pilgrim: 'ask_pilgrim', reply: 'pilgrim_replies', escalate: 'escalate', resolve: 'resolve', reopen: 'reopen',
};

/**
 * What people do with a complaint once filed: each action locks it, checks the policy (which asks
 * the lifecycle), and takes its step in one transaction. A provider who tries another provider's
 * complaint is refused (403) and the attempt is audited.
 */
export function actUseCases(c: ComplaintContext) {
  const { db, clock, repo } = c;

  /** A complaint as its policy sees it (`reopenDays` given when the caller has the calendar: a list reads it once). */
  async function resource(executor: Parameters<typeof c.calendar>[0], row: ComplaintRow, reopenDays?: number): Promise<ComplaintResource> {
    return { row, facts: c.facts(row, reopenDays ?? (await c.calendar(executor)).reopenDays), now: clock.now() };
  }

  /** Loads a complaint for an action and checks the policy (in the caller's transaction, if any). */
  async function load(ctx: RequestContext, id: string, action: ComplaintPolicyAction, lock: boolean, executor: Parameters<typeof c.calendar>[0]) {
    const row = lock ? await repo.lock(executor, id) : await repo.find(executor, id);
    if (!row) throw new AppError('complaint.not_found');
    const r = await resource(executor, row);
    complaintPolicy.assert(ctx, action, r);
    return { row, resource: r };
  }

  /** Runs `work`; a provider refused a complaint that is not about it is audited, after the refused work's transaction has ended. */
  async function auditingRefusals<T>(ctx: RequestContext, id: string, action: ComplaintPolicyAction, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth.forbidden' && ctx.actor?.role === 'provider_staff') {
        await writeAudit(db.kysely, clock, ctx, { action: 'complaint.access_refused', subjectType: 'complaint', subjectId: id, data: { attempted: action, providerId: ctx.actor.providerId } });
      }
      throw error;
    }
  }

  return {
    resource,
    load,
    auditingRefusals,
    async act(ctx: RequestContext, id: string, action: ComplaintPolicyAction, input: { message?: string | undefined; rating?: number | undefined }) {
      return auditingRefusals(ctx, id, action, () => runOnce({ db, clock }, ctx, async (trx): Promise<{ id: string }> => {
        const { row } = await load(ctx, id, action, true, trx);
        const now = clock.now();
        const message = input.message?.trim() || null;
        const screened = message ? screenText(message).text : null;
        if (action === 'rate') {
          await repo.update(trx, id, { rating: input.rating!, updated_at: now });
          await repo.appendEvents(trx, [{ complaint_id: id, action: 'rate', actor: 'pilgrim', actor_id: ctx.actor!.accountId, from_state: null, to_state: null, message, message_screened: screened, data: { rating: input.rating }, at: now }]);
          await writeAudit(trx, clock, ctx, { action: 'complaint.rated', subjectType: 'complaint', subjectId: id, data: { rating: input.rating } });
          return { id };
        }
        if (action === 'comment') {
          if (!message) throw new AppError('request.validation_failed', { summary: 'message' });
          const who = actorOf(ctx);
          // A comment by whoever holds the complaint is an answer to the pilgrim: it may meet the first-answer deadline.
          const watched = await c.record(trx, await c.calendar(trx), id, [{ complaint_id: id, action: 'comment', actor: who.kind, actor_id: who.id, from_state: null, to_state: null, message, message_screened: screened, data: {}, at: now }]);
          const next = ['resolved', 'closed'].includes(row.state) ? null : watched;
          await repo.update(trx, id, { next_deadline_at: next?.dueAt ?? null, next_deadline_kind: next?.kind ?? null, updated_at: now });
          await writeAudit(trx, clock, ctx, { action: 'complaint.commented', subjectType: 'complaint', subjectId: id, data: { by: who.kind } });
          return { id };
        }
        const stepName = steps[action];
        if (!stepName) throw new AppError('complaint.step_not_allowed', { action: 'respond', state: row.state });
        await c.transition(trx, ctx, row, stepName, actorOf(ctx), { message, screened });
        return { id };
      }));
    },
  };
}
