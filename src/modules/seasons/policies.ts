import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';
import { ministryRoles } from '../../core/principal.ts';

/** A season as its policy sees it: whether it is over (its end day has passed in Riyadh). */
export interface SeasonResource {
  code: string;
  seasonEnd: string;
  over: boolean;
}

const ministry = ministryRoles;
const admin = ['ministry_admin'] as const;

/**
 * Who sets what of a season. Officers and admins keep its calendar, quotas and
 * eligibility rules; the rules that move money or close the season — the
 * refund schedule, the instalment plan, the open sale's settings, completing
 * the season after it ends — are for admins. The bookings and wallet modules
 * guard their season settings with this policy too.
 */
export const seasonPolicy = definePolicy<SeasonResource>()({
  set_calendar: { roles: ministry },
  set_quotas: { roles: ministry },
  set_rules: { roles: ministry },
  set_refund_schedule: { roles: admin },
  set_instalment_plan: { roles: admin },
  configure_sale: { roles: admin },
  complete: { roles: admin, when: (s) => (s.over ? null : new AppError('booking.season_not_over', { end: s.seasonEnd })) },
});
export type SeasonAction = (typeof seasonPolicy.actions)[number];
