import { systemContext } from '../../core/principal.ts';
import type { ComplaintContext } from './context.ts';
import { breachesDue, readLog, watchedDeadline } from './domain/deadline-log.ts';
import { isOpen } from './domain/lifecycle.ts';

/**
 * The deadline sweep, run by a poller in every server process: complaints whose watched
 * deadline (`next_deadline_at`, one indexed column) has passed are locked with SKIP LOCKED, so
 * two processes never sweep the same one; under the lock the deadline is read again, each
 * breach is recorded in the log, and a complaint not already with the ministry is escalated —
 * in one transaction, so a process killed midway leaves it for the next sweep, and each
 * complaint is escalated exactly once. Resolved complaints past their reopening time close.
 */
export function sweepUseCases(c: ComplaintContext) {
  const { db, clock, repo } = c;
  const ctx = systemContext('complaint-sweep');
  return {
    async sweepDeadlines(limit = 100): Promise<{ breached: number; escalated: number }> {
      const now = clock.now();
      const due = await repo.due(db.kysely, now, limit);
      if (!due.length) return { breached: 0, escalated: 0 };
      return db.kysely.transaction().execute(async (trx) => {
        const locked = await repo.lockDue(trx, due.map((d) => d.id), now);
        const cal = await c.calendar(trx);
        let breached = 0;
        let escalated = 0;
        for (let row of locked) {
          const log = readLog(c.asLog(await repo.events(trx, row.id)));
          const kinds = breachesDue(cal, log, now);
          if (kinds.length) {
            await repo.appendEvents(trx, kinds.map((kind) => ({ complaint_id: row.id, action: 'breach', actor: 'system' as const, actor_id: null, from_state: null, to_state: null, message: null, message_screened: null, data: { kind }, at: now })));
            breached += kinds.length;
          }
          if (kinds.length && isOpen(row.state) && row.state !== 'escalated' && row.state !== 'awaiting_pilgrim') {
            row = await c.transition(trx, ctx, row, 'escalate', { kind: 'system', id: null }, { data: { breach: kinds } });
            escalated++;
          } else {
            const next = isOpen(row.state) ? watchedDeadline(cal, readLog(c.asLog(await repo.events(trx, row.id)))) : null;
            await repo.update(trx, row.id, { next_deadline_at: next?.dueAt ?? null, next_deadline_kind: next?.kind ?? null, updated_at: now });
          }
        }
        return { breached, escalated };
      });
    },

    /** Resolved complaints whose reopening time has passed are closed (the pilgrim can still rate them). */
    async closeResolved(limit = 200): Promise<number> {
      const cal = await c.calendar(db.kysely);
      const before = new Date(clock.now().getTime() - cal.closeAfterDays * 86_400_000);
      const rows = await repo.closable(db.kysely, before, limit);
      let n = 0;
      for (const { id } of rows) {
        await db.kysely.transaction().execute(async (trx) => {
          const row = await repo.lock(trx, id);
          if (row?.state !== 'resolved') return;
          await c.transition(trx, ctx, row, 'close', { kind: 'system', id: null }, { quiet: true });
          n++;
        });
      }
      return n;
    },
  };
}
