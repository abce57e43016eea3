export { drawErrors } from './errors.ts';
export { createDrawService, defaultPools, type DrawService } from './service.ts';
export { createCascade } from './cascade.ts';
export { drawRoutes } from './routes.ts';
export { verifyFiles, type DrawFiles, type Verdict } from './domain/publication.ts';
