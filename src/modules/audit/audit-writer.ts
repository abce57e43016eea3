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

/** Who acted, as far as the audit log cares. */
export type AuditContext = Pick<RequestContext, 'requestId'> & { actor: Pick<Principal, 'accountId' | 'role'> | null };

/**
 * Records a state change. Call it with the same transaction as the change
 * itself, so that a change and its audit record commit or roll back together.
 *
 * @example await writeAudit(trx, clock, ctx, { action: 'account.created', subjectType: 'account', subjectId: id })
 */
export async function writeAudit(executor: Executor, clock: Clock, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await writeAudits(executor, clock, [{ ctx, entry }]);
}

/** Records several state changes (each with its own actor) in one statement, in the changes' transaction. */
export async function writeAudits(executor: Executor, clock: Clock, records: readonly { ctx: AuditContext; entry: AuditEntry }[]): Promise<void> {
  if (records.length === 0) return;
  await executor.insertInto('audit_log').values(auditRows(clock, records)).execute();
}

/**
 * The audit log rows for state changes, for a module that writes them within
 * one of its own statements (e.g. a data-modifying CTE) instead of a round trip of their own.
 */
export function auditRows(clock: Clock, records: readonly { ctx: AuditContext; entry: AuditEntry }[]) {
  const now = clock.now();
  return records.map(({ ctx, entry }) => ({
    occurred_at: now,
    actor_id: ctx.actor?.accountId ?? null,
    actor_role: ctx.actor?.role ?? null,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    data: JSON.stringify(entry.data ?? {}),
    request_id: ctx.requestId,
  }));
}
