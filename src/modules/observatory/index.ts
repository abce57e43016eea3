export { observatoryErrors } from './errors.ts';
export { createObservatoryService, type ObservatoryService } from './service.ts';
export { observatoryRoutes } from './routes.ts';
export { observatoryPolicy } from './policies.ts';
export type { Invitee } from './surveys.ts';
export type { ScorecardView } from './scorecards.ts';
export { indicators, wilson, PRIVACY_MIN, PUBLISH_MIN } from './domain/indicators.ts';
export { linkToken } from './links.ts';
