import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { definePolicy } from './policy.ts';
import { actingAs, systemContext } from './principal.ts';

const doorPolicy = definePolicy<{ open: boolean }>()({
  open: { roles: ['ministry_admin', 'ministry_officer'], when: (d) => (d.open ? new AppError('request.conflict') : null) },
  lock: { roles: ['ministry_admin'] },
});
const admin = actingAs('a', { role: 'ministry_admin' });
const officer = actingAs('o', { role: 'ministry_officer' });
const pilgrim = actingAs('p');
const anonymous = { actor: null };

describe('a policy declared once', () => {
  it.each([
    ['an admin may open a closed door and lock it', admin, { open: false }, ['open', 'lock']],
    ['an officer may only open it', officer, { open: false }, ['open']],
    ['nobody opens an open door', admin, { open: true }, ['lock']],
    ['a pilgrim may do nothing', pilgrim, { open: false }, []],
    ['nor may an anonymous caller', anonymous, { open: false }, []],
    ['the platform\'s own work passes every role check, not the state', systemContext(), { open: true }, ['lock']],
  ])('%s', (_name, who, door, expected) => expect(doorPolicy.allowed(who, door)).toEqual(expected));

  it('refuses with the rule\'s own error for the wrong state, and auth.forbidden for the wrong role', () => {
    expect(() => doorPolicy.assert(admin, 'open', { open: true })).toThrow(expect.objectContaining({ code: 'request.conflict' }));
    expect(() => doorPolicy.assert(officer, 'lock', { open: false })).toThrow(expect.objectContaining({ code: 'auth.forbidden' }));
    expect(() => doorPolicy.assert(anonymous, 'lock', { open: false })).toThrow(expect.objectContaining({ code: 'auth.unauthenticated' }));
  });

  it('tells the route which roles may take an action at all', () => expect(doorPolicy.rolesFor('lock')).toEqual(['ministry_admin']));
});
