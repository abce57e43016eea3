import { definePolicy } from '../../core/policy.ts';
import { ministryRoles } from '../../core/principal.ts';

/**
 * Who does what with the season statistics. The border and statistics
 * authority's staff record arrivals and departures and import batches; they
 * and the ministry read every table whole; a mission reads its own country's
 * tables; everyone reads the public tables, with small cells withheld.
 */
export const statisticsPolicy = definePolicy<null>()({
  import: { roles: ['statistics_officer'] },
  record_travel: { roles: ['statistics_officer'] },
  read_full: { roles: ['statistics_officer', ...ministryRoles] },
  read_country: { roles: ['mission_officer'] },
});
export type StatisticsAction = (typeof statisticsPolicy.actions)[number];
