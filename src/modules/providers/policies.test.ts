import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { licencePolicy, teamPolicy } from './policies.ts';

const officer = actingAs('o', { role: 'ministry_officer' });
const staff = actingAs('s', { role: 'provider_staff', providerId: 'p1' });

describe('the ministry\'s decisions on a licence', () => {
  it.each([
    ['a pending application is approved or rejected', 'pending', ['approve', 'reject']],
    ['a licence in force is suspended', 'licensed', ['suspend']],
    ['a suspension is lifted', 'suspended', ['reinstate']],
    ['a rejected application is final', 'rejected', []],
  ] as const)('%s', (_name, status, expected) => expect(licencePolicy.allowed(officer, { status })).toEqual(expected));

  it('are not the provider\'s to take', () => expect(licencePolicy.allowed(staff, { status: 'pending' })).toEqual([]));
});

describe('what staff may do for their provider', () => {
  it.each([
    ['an owner edits packages and invites colleagues', 'owner', ['invite_staff', 'manage_integrations', 'edit_packages', 'read']],
    ['a manager too', 'manager', ['invite_staff', 'manage_integrations', 'edit_packages', 'read']],
    ['an agent only reads', 'agent', ['read']],
    ['staff of another provider nothing', null, []],
  ] as const)('%s', (_name, memberRole, expected) => expect(teamPolicy.allowed(staff, { providerId: 'p1', memberRole })).toEqual(expected));
});
