import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { packagePolicy } from './policies.ts';

const staff = actingAs('s', { role: 'provider_staff', providerId: 'p' });

describe('what a provider\'s staff may do with a package', () => {
  it.each([
    ['an editor edits and publishes a draft while the provider trades', { status: 'draft', editor: true, trading: true }, ['update', 'publish']],
    ['a draft cannot be published outside the licence dates', { status: 'draft', editor: true, trading: false }, ['update']],
    ['a package on sale is edited (a new version) or closed', { status: 'published', editor: true, trading: true }, ['update', 'close']],
    ['a closed package is final', { status: 'closed', editor: true, trading: true }, []],
    ['an agent only reads', { status: 'draft', editor: false, trading: true }, []],
  ] as const)('%s', (_name, pkg, expected) => expect(packagePolicy.allowed(staff, pkg)).toEqual(expected));
});
