import type { paths } from '../../api/openapi';

/** The permits API's answers, named for the pages (all from the generated client, none written by hand). */
type Json<P extends keyof paths, M extends 'get' | 'post' | 'put', S extends number = 200> =
  paths[P][M] extends { responses: Record<S, { content: { 'application/json': infer T } }> } ? T : never;

export type Site = Json<'/api/v1/permits/sites', 'get'>[number];
export type PermitWindow = Json<'/api/v1/permits/sites/{siteId}/windows', 'get'>[number];
export type Person = Json<'/api/v1/me/permit-people', 'get'>[number];
export type PermitBooking = Json<'/api/v1/me/permits', 'get'>['items'][number];
export type Permit = PermitBooking['permits'][number];
export type Wait = Json<'/api/v1/me/permit-waitlist', 'get'>[number];
export type Template = Json<'/api/v1/permits/sites/{siteId}/templates', 'get'>[number];
export type Occupancy = Json<'/api/v1/permits/sites/{siteId}/occupancy', 'get'>[number];
export type HeatCell = Json<'/api/v1/permits/sites/{siteId}/heatmap', 'get'>[number];
export type Double = Json<'/api/v1/permits/sites/{siteId}/double-admissions', 'get'>[number];
export type SectionName = PermitWindow['section'];
