export { createMissionService, type MissionService } from './service.ts';
export { missionRoutes } from './routes.ts';
export { createVisaReadiness, type VisaReadiness } from './visa-readiness.ts';
