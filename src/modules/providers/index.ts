export { providerErrors, licenceStatuses } from './errors.ts';
export { createProviderService, type ProviderService, type ProviderView, type ProviderApplication } from './service.ts';
export { providerRoutes } from './routes.ts';
export { mayTrade } from './domain/licensing.ts';
export { sampleApplication } from './fixtures.ts';
export { licencePolicy } from './policies.ts';
export { ApproveBody, ReasonBody, ReinstateBody, ProviderIdParams, ProviderSchema } from './schemas.ts';
