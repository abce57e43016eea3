export { complaintErrors } from './errors.ts';
export { createComplaintService, type ComplaintService } from './service.ts';
export { complaintRoutes } from './routes.ts';
export { complaintPolicy, complaintDeskPolicy } from './policies.ts';
export type { JourneyFacts, ComplaintDeps } from './context.ts';
