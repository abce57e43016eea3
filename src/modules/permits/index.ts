export { permitErrors } from './errors.ts';
export { createPermitService, type PermitService } from './service.ts';
export { permitConfigRoutes } from './config-routes.ts';
export { permitPilgrimRoutes } from './pilgrim-routes.ts';
export { permitGateRoutes } from './gate-routes.ts';
export { simulatedVisaRegistry, type VisaRegistry, type DocumentProof, type RegistryAnswer } from './visa-registry.ts';
export { permitBookingPolicy, permitConfigPolicy, gatePolicy, waitPolicy } from './policies.ts';
export type { BookingView, PermitView } from './presenters.ts';
export type { SiteFacts } from './context.ts';
