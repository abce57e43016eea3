export { seasonErrors, phaseTerms } from './errors.ts';
export { createSeasonService, type SeasonService, type SeasonView, type SeasonInput } from './service.ts';
export { seasonRoutes } from './routes.ts';
export { phaseAt, phases, type Phase, type SeasonDays } from './domain/calendar.ts';
export { evaluate, defaultRules, type EligibilityRule, type Person } from './domain/eligibility.ts';
export { hajjDays, firstHajjAfter, seasonAround, type PhaseOffsets } from './domain/hajj-days.ts';
export { quotaSeats } from './repository.ts';
export { healthConditions } from './domain/eligibility.ts';
export { seasonPolicy, type SeasonAction } from './policies.ts';
