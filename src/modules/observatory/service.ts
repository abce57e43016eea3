import { createObservatoryContext, type ObservatoryDeps } from './context.ts';
import { defaultsUseCases } from './defaults.ts';
import { indicatorUseCases } from './indicators.ts';
import { inspectionUseCases } from './inspections.ts';
import { scorecardUseCases } from './scorecards.ts';
import { surveyUseCases } from './surveys.ts';

/**
 * The Voice of the Guest observatory (docs/observatory.md): surveys raised from the journey's
 * events, the indicators and their series, public provider scorecards, field inspections.
 */
export function createObservatoryService(deps: ObservatoryDeps) {
  const c = createObservatoryContext(deps);
  const ind = indicatorUseCases(c);
  return { ...surveyUseCases(c), ...ind, ...scorecardUseCases(c, ind), ...inspectionUseCases(c), ...defaultsUseCases(c) };
}
export type ObservatoryService = ReturnType<typeof createObservatoryService>;
