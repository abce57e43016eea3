export { applicationErrors, rankingProblems } from './errors.ts';
export { createApplicationService, type ApplicationService } from './service.ts';
export { applicationRoutes } from './routes.ts';
export { checkRanking, rankingProblemParams } from './domain/family.ts';
