import type { Clock } from '../../core/clock.ts';
import type { Principal, RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';

export interface AuditEntry {
  /** `<subject>.<past-tense verb>`, e.g. `account.created`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** What changed. Never secrets: no passwords, tokens or passport numbers. */
  data?: Record<string, unknown>;
}

/**
 * Records a state change. Call it with the same transaction as the change
 * itself, so that a change and its audit record commit or roll back together.
 *
 * @example await writeAudit(trx, clock, ctx, { action: 'account.created', subjectType: 'account', subjectId: id })
 */
/** Who acted, as far as the audit log cares. */
export type AuditContext = Pick<RequestContext, 'requestId'> & { actor: Pick<Principal, 'accountId' | 'role'> | null };

export async function writeAudit(
  executor: Executor,
  clock: Clock,
  ctx: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  await executor
    .insertInto('audit_log')
    .values({
      occurred_at: clock.now(),
      actor_id: ctx.actor?.accountId ?? null,
      actor_role: ctx.actor?.role ?? null,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      data: JSON.stringify(entry.data ?? {}),
      request_id: ctx.requestId,
    })
    .execute();
}
