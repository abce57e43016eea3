import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../core/principal.ts';
import { decide, policies } from './policy.ts';

const as = (role: Role): Principal => ({
  accountId: 'a', role, providerId: null, countryCode: null, locale: 'ar', credentialHash: 'h', credentialKind: 'bearer',
});
const request = {} as FastifyRequest;

describe('decide', () => {
  it.each([
    [policies.public, null, 'allow'],
    [policies.static, null, 'allow'],
    [policies.authenticated, null, 'unauthenticated'],
    [policies.authenticated, as('pilgrim'), 'allow'],
    [policies.ministry, null, 'unauthenticated'],
    [policies.ministry, as('pilgrim'), 'forbidden'],
    [policies.ministry, as('ministry_officer'), 'allow'],
    [policies.ministry, as('ministry_admin'), 'allow'],
    [policies.ministryAdmin, as('ministry_officer'), 'forbidden'],
    [policies.roles('mission_officer'), as('mission_officer'), 'allow'],
    [policies.custom('never', () => false), null, 'unauthenticated'],
    [policies.custom('never', () => false), as('ministry_admin'), 'forbidden'],
  ] as const)('%o for %o is %s', (policy, principal, verdict) => expect(decide(policy, principal, request)).toBe(verdict));
});
