export { pilgrimErrors, documentTerms } from './errors.ts';
export { createPilgrimService, type PilgrimService, type ProfileInput } from './service.ts';
export { pilgrimRoutes } from './routes.ts';
export { documentsToRecheck, blockedSteps, type DocumentType } from './domain/review.ts';
