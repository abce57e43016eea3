import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { accountPolicy } from './policies.ts';

const admin = actingAs('admin', { role: 'ministry_admin' });

describe('who disables and enables accounts', () => {
  it.each([
    ['an admin disables an active account', admin, { id: 'x', status: 'active' as const }, ['disable']],
    ['an admin enables a disabled one', admin, { id: 'x', status: 'disabled' as const }, ['enable']],
    ['an admin never disables their own', admin, { id: 'admin', status: 'active' as const }, []],
    ['an officer does neither', actingAs('o', { role: 'ministry_officer' }), { id: 'x', status: 'active' as const }, []],
  ])('%s', (_name, who, account, expected) => expect(accountPolicy.allowed(who, account)).toEqual(expected));
});
