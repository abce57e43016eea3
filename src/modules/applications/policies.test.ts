import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { applicationPolicy } from './policies.ts';

const pilgrim = actingAs('p');

describe('who changes a family\'s application, and when', () => {
  it.each([
    ['the admin adds and removes members during registration, not yet ranking', true, 'registration', ['add_member', 'remove_member']],
    ['the admin does everything during the preference phase', true, 'preference', ['add_member', 'remove_member', 'rank']],
    ['nothing changes once the applications are frozen', true, 'frozen', []],
    ['a member only reads', false, 'preference', []],
  ] as const)('%s', (_name, isAdmin, phase, expected) => expect(applicationPolicy.allowed(pilgrim, { isAdmin, phase })).toEqual(expected));

  it('tells a member who tries that only the admin may', () => {
    expect(() => applicationPolicy.assert(pilgrim, 'rank', { isAdmin: false, phase: 'preference' })).toThrow(expect.objectContaining({ code: 'application.admin_only' }));
  });
});
