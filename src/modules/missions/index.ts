export { createMissionService, type MissionService } from './service.ts';
export { missionRoutes } from './routes.ts';
