import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { seasonPolicy } from './policies.ts';

const season = (over: boolean) => ({ code: '1448H', seasonEnd: '2027-05-26', over });

describe('who sets what of a season', () => {
  it.each([
    ['an officer keeps the calendar, quotas and rules', actingAs('o', { role: 'ministry_officer' }), season(false), ['set_calendar', 'set_quotas', 'set_rules']],
    ['an admin also sets the money rules and the sale, but completes only an ended season', actingAs('a', { role: 'ministry_admin' }), season(false), ['set_calendar', 'set_quotas', 'set_rules', 'set_refund_schedule', 'set_instalment_plan', 'configure_sale']],
    ['an admin completes a season that is over', actingAs('a', { role: 'ministry_admin' }), season(true), ['set_calendar', 'set_quotas', 'set_rules', 'set_refund_schedule', 'set_instalment_plan', 'configure_sale', 'complete']],
    ['a mission sets nothing', actingAs('m', { role: 'mission_officer', countryCode: 'FR' }), season(true), []],
  ])('%s', (_name, who, s, expected) => expect(seasonPolicy.allowed(who, s)).toEqual(expected));
});
