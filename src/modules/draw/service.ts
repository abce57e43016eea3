import { createDrawContext, type DrawDeps } from './context.ts';
import { freezeUseCases } from './freeze.ts';
import { publicationSteps } from './publish-steps.ts';
import { drawQueries } from './queries.ts';
import { randomValueUseCases } from './random-value.ts';
import { runUseCases } from './run.ts';

export type { DrawDeps } from './context.ts';
export { defaultPools, poolCriteria } from './freeze.ts';

/**
 * The draw of a season, step by step (docs/algorithms/draw.md): freeze and
 * commit to the families, the seats and the random value to come; enter that
 * value once it exists; run; publish (src/workflows/publish-draw.ts). Each
 * step is one transaction with its audit record; running twice recomputes
 * and compares. Every published file is served as the exact bytes that were
 * hashed.
 */
export function createDrawService(deps: DrawDeps) {
  const c = createDrawContext(deps);
  return {
    ...freezeUseCases(c),
    ...randomValueUseCases(c),
    ...runUseCases(c),
    ...publicationSteps(c),
    ...drawQueries(c),
  };
}
export type DrawService = ReturnType<typeof createDrawService>;
