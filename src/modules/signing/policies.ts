import { definePolicy } from '../../core/policy.ts';

/** Who may rotate the platform's signing key: a ministry admin, any time (old keys keep verifying what they signed). */
export const signingPolicy = definePolicy<null>()({
  rotate: { roles: ['ministry_admin'] },
});
