import type { Executor } from '../../db/database.ts';

export interface AuditFilter {
  /** Exact action, or a prefix ending in `.*` such as `account.*`. */
  action?: string | undefined;
  actorId?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset cursor: only records with a smaller id (newest first). */
  beforeId?: number | undefined;
  limit: number;
}

export function createAuditRepository(db: Executor) {
  return {
    async find(filter: AuditFilter) {
      let q = db.selectFrom('audit_log').selectAll();
      if (filter.action?.endsWith('.*')) q = q.where('action', 'like', `${filter.action.slice(0, -1)}%`);
      else if (filter.action) q = q.where('action', '=', filter.action);
      if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
      if (filter.subjectType) q = q.where('subject_type', '=', filter.subjectType);
      if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
      if (filter.from) q = q.where('occurred_at', '>=', filter.from);
      if (filter.to) q = q.where('occurred_at', '<', filter.to);
      if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
      return q.orderBy('id', 'desc').limit(filter.limit).execute();
    },
  };
}
