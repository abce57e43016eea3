export { createApplicationService, type ApplicationService } from './service.ts';
export { applicationRoutes } from './routes.ts';
export { checkRanking } from './domain/family.ts';
