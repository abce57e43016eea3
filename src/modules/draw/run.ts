import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import { fairnessAudit } from './domain/fairness.ts';
import { placementAt, type DrawParameters } from './domain/allocate.ts';
import { computeDraw, resultRows, resultTables } from './domain/publication.ts';
import type { DrawContext } from './context.ts';
import { drawPolicy } from './policies.ts';

/** Running the draw from its frozen inputs and the entered value (docs/algorithms/draw.md §6). */
export function runUseCases(c: DrawContext) {
  const { db, clock, repo } = c;
  return {
    /**
     * Runs the draw and writes every result in one transaction (all or nothing).
     * Running it again recomputes from the frozen inputs and compares.
     */
    async run(ctx: RequestContext, season: string) {
      const draw = await c.load(db.kysely, season);
      const state = await c.resource(season, draw);
      drawPolicy.assert(ctx, 'run', state);
      const { rows, entries } = await c.inputs(db.kysely, season);
      const parameters = draw.parameters as DrawParameters;
      // The records as frozen are hashed as they are: they were written once, at the freeze, and published.
      const { root, placements } = computeDraw(entries, parameters, draw.random_value!, rows.map((r) => r.record));
      // The records are what the commitment binds: drawn from anything else, the draw is not the one committed to.
      if (root !== draw.merkle_root) throw new AppError('draw.root_mismatch', { computed: root, committed: draw.merkle_root });
      if (draw.status !== 'seeded') {
        const stored = await repo.results(db.kysely, season);
        const identical = stored.length === placements.length && stored.every((s, i) => {
          const p = placementAt(placements, i);
          return s.application_id === entries[p.entry]!.applicationId && s.outcome === p.outcome && s.package_id === p.packageId;
        });
        return { rerun: true, identical, ...c.view(draw, ctx, state) };
      }
      const summary = {
        tables: resultTables(entries, placements, parameters),
        fairness: fairnessAudit(Array.from(placements.entry, (e, position) => ({ position, won: placements.pkg[position]! >= 0, submittedAt: rows[e]!.submitted_at.getTime(), familySize: entries[e]!.familySize, country: entries[e]!.country }))),
      };
      const done = await db.kysely.transaction().execute(async (trx) => {
        const locked = await c.load(trx, season, true);
        // A concurrent run got there first: this one is refused as a run of a draw already drawn would not be (it compares).
        if (locked.status !== 'seeded') throw new AppError('draw.wrong_state', { state: locked.status, needed: 'seeded' });
        await repo.insertResults(trx, season, resultRows(entries, placements));
        await repo.update(trx, season, { status: 'drawn', drawn_at: clock.now(), summary: JSON.stringify(summary) });
        await writeAudit(trx, clock, ctx, { action: 'draw.run', subjectType: 'draw', subjectId: season, data: { winners: summary.tables.winners, waiting: summary.tables.waiting, flagged: summary.fairness.filter((f) => f.flagged).map((f) => f.factor) } });
        return c.load(trx, season);
      });
      return { rerun: false, identical: true, ...c.view(done, ctx, await c.resource(season, done)) };
    },

  };
}
