import { calendarUseCases } from './season-calendar.ts';
import { createSeasonContext, type SeasonDeps } from './context.ts';
import { eligibilityUseCases } from './eligibility-rules.ts';
import { programmeUseCases } from './programme.ts';
import { quotaUseCases } from './quotas.ts';

export type { SeasonDeps } from './context.ts';
export type { SeasonInput, SeasonView } from './presenters.ts';

/**
 * The season calendar, the programme's countries and quotas, and the
 * eligibility rules: one group of use cases per file.
 */
export function createSeasonService(deps: SeasonDeps) {
  const c = createSeasonContext(deps);
  return {
    ...calendarUseCases(c),
    ...quotaUseCases(c),
    ...programmeUseCases(c),
    ...eligibilityUseCases(c),
  };
}
export type SeasonService = ReturnType<typeof createSeasonService>;
