import type { Db } from '../../db/database.ts';
import { createAuditRepository, type AuditFilter } from './repository.ts';

export interface AuditRecord {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  requestId: string | null;
}

/** Read side of the audit log, for ministry officers. Writes go through `writeAudit`. */
export function createAuditService(deps: { db: Db }) {
  const repository = createAuditRepository(deps.db.kysely);
  return {
    /**
     * Newest first, keyset-paginated.
     * @example await audit.query({ action: 'account.*', limit: 50 })
     */
    async query(filter: AuditFilter): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
      const rows = await repository.find(filter);
      const items = rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at.toISOString(),
        actorId: r.actor_id,
        actorRole: r.actor_role,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        data: r.data,
        requestId: r.request_id,
      }));
      const last = items.at(-1);
      return { items, nextCursor: items.length === filter.limit && last ? String(last.id) : null };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
