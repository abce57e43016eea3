import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { reviewPolicy } from './policies.ts';

describe('who reviews a document, and when', () => {
  it.each([
    ['a reviewer approves or rejects a document awaiting review', actingAs('o', { role: 'ministry_officer' }), 'pending', ['approve', 'reject']],
    ['a reviewed document is not reviewed again', actingAs('o', { role: 'ministry_officer' }), 'approved', []],
    ['a pilgrim does not review', actingAs('p'), 'pending', []],
  ] as const)('%s', (_name, who, status, expected) => expect(reviewPolicy.allowed(who, { status })).toEqual(expected));
});
