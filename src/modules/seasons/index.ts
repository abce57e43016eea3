export { createSeasonService, type SeasonService, type SeasonView, type SeasonInput } from './service.ts';
export { seasonRoutes } from './routes.ts';
export { phaseAt, type Phase } from './domain/calendar.ts';
export { evaluate, defaultRules, type EligibilityRule, type Person } from './domain/eligibility.ts';
export { ageOn, addMonths, addDays, isValidDate } from './domain/dates.ts';
