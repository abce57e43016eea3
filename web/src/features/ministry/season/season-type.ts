import type { paths } from '../../../api/openapi';

/** A season as the API answers it, with what the caller may set of it now. */
export type Season = paths['/api/v1/seasons/{code}']['get']['responses']['200']['content']['application/json'];
