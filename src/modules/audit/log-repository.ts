import type { Clock } from '../../core/clock.ts';
import type { Principal, RequestContext } from '../../core/principal.ts';
import { sql } from 'kysely';
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
  if (records.length > 0) await auditInsert(clock, records).execute(executor);
}

/**
 * The statement that records state changes, for a module that runs it within
 * one of its own statements (a data-modifying CTE) instead of a round trip of
 * its own. Columns travel as one array each: the same few parameters for any
 * number of records.
 */
export function auditInsert(clock: Clock, records: readonly { ctx: AuditContext; entry: AuditEntry }[]) {
  const col = <V>(pick: (r: { ctx: AuditContext; entry: AuditEntry }) => V) => records.map(pick);
  return sql`
    insert into audit_log (occurred_at, actor_id, actor_role, action, subject_type, subject_id, data, request_id)
    select ${clock.now()}, u.* from unnest(
      ${col((r) => r.ctx.actor?.accountId ?? null)}::uuid[], ${col((r) => r.ctx.actor?.role ?? null)}::text[], ${col((r) => r.entry.action)}::text[],
      ${col((r) => r.entry.subjectType)}::text[], ${col((r) => r.entry.subjectId)}::text[], ${col((r) => JSON.stringify(r.entry.data ?? {}))}::jsonb[],
      ${col((r) => r.ctx.requestId)}::text[])
    as u(actor_id, actor_role, action, subject_type, subject_id, data, request_id)`;
}
