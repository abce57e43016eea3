import { actUseCases } from './act.ts';
import { configUseCases } from './config.ts';
import { createComplaintContext, type ComplaintDeps } from './context.ts';
import { fileUseCases } from './file.ts';
import { queryUseCases } from './queries.ts';
import { sweepUseCases } from './sweep.ts';

/**
 * Complaints, the ISO 10002 shape (docs/observatory.md): filing by a pilgrim or a care-centre
 * agent, the lifecycle as a table, deadlines as data on a season calendar with pauses, the
 * SKIP LOCKED sweep that escalates a breach exactly once, providers' answers, ratings.
 */
export function createComplaintService(deps: ComplaintDeps) {
  const c = createComplaintContext(deps);
  const act = actUseCases(c);
  return {
    ...fileUseCases(c), ...act, ...queryUseCases(c, act), ...sweepUseCases(c), ...configUseCases(c),
    /** Complaint figures per group, for the observatory's indicators (no personal data). */
    counts: (by: 'provider' | 'country' | 'language', f: Parameters<typeof c.repo.counts>[2]) => c.repo.counts(c.db.kysely, by, f),
  };
}
export type ComplaintService = ReturnType<typeof createComplaintService>;
