import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import type { Role } from '../../core/principal.ts';
import { statisticsPolicy } from './policies.ts';

const as = (role: Role) => actingAs('00000000-0000-4000-8000-000000000001', { role });

describe('the statistics policy', () => {
  it.each([
    ['statistics_officer', ['import', 'record_travel', 'read_full']],
    ['ministry_admin', ['read_full']],
    ['ministry_officer', ['read_full']],
    ['mission_officer', ['read_country']],
    ['pilgrim', []],
    ['gate_officer', []],
    ['provider_staff', []],
  ] as const)('lets a %s do %j', (role, actions) => {
    expect(statisticsPolicy.allowed(as(role), null)).toEqual(actions);
  });
});
