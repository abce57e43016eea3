import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { DrawParameters } from './domain/allocate.ts';
import { fairnessAudit } from './domain/fairness.ts';
import { computeDraw, resultTables } from './domain/publication.ts';
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
      const { placements } = computeDraw(entries, parameters, draw.random_value!, rows.map((r) => r.record));
      if (draw.status !== 'seeded') {
        const stored = await repo.results(db.kysely, season);
        const identical = stored.length === placements.length && stored.every((s, i) => s.application_id === entries[placements[i]!.entry]!.applicationId && s.outcome === placements[i]!.outcome && s.package_id === placements[i]!.packageId);
        return { rerun: true, identical, ...c.view(draw, ctx, state) };
      }
      const summary = {
        tables: resultTables(entries, placements, parameters),
        fairness: fairnessAudit(placements.map((p) => ({ position: p.position, won: p.outcome === 'won', submittedAt: rows[p.entry]!.submitted_at.getTime(), familySize: entries[p.entry]!.familySize, country: entries[p.entry]!.country }))),
      };
      const done = await db.kysely.transaction().execute(async (trx) => {
        const locked = await c.load(trx, season, true);
        // A concurrent run got there first: this one is refused as a run of a draw already drawn would not be (it compares).
        if (locked.status !== 'seeded') throw new AppError('draw.wrong_state', { state: locked.status, needed: 'seeded' });
        await repo.insertResults(trx, season, placements.map((p) => ({ position: p.position, applicationId: entries[p.entry]!.applicationId, outcome: p.outcome, packageId: p.packageId, choiceRank: p.choiceRank, phase: p.phase, waitlistPosition: p.waitlistPosition })));
        await repo.update(trx, season, { status: 'drawn', drawn_at: clock.now(), summary: JSON.stringify(summary) });
        await writeAudit(trx, clock, ctx, { action: 'draw.run', subjectType: 'draw', subjectId: season, data: { winners: summary.tables.winners, waiting: summary.tables.waiting, flagged: summary.fairness.filter((f) => f.flagged).map((f) => f.factor) } });
        return c.load(trx, season);
      });
      return { rerun: false, identical: true, ...c.view(done, ctx, await c.resource(season, done)) };
    },

  };
}
