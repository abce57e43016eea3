import { definePolicy } from '../../core/policy.ts';
import { ministryRoles } from '../../core/principal.ts';

/** Who reads the observatory: the ministry everything, missions their country's; providers their own scorecard's counts. */
export const observatoryPolicy = definePolicy<null>()({
  read_indicators: { roles: [...ministryRoles, 'mission_officer'] },
  read_responses: { roles: [...ministryRoles] },
  publish_questionnaire: { roles: [...ministryRoles] },
  compute_scorecards: { roles: [...ministryRoles] },
  reply_scorecard: { roles: ['provider_staff'] },
  inspect: { roles: ['field_inspector'] },
  answer_survey: { roles: ['pilgrim'] },
});
