import type { FastifyRequest } from 'fastify';
import { ministryRoles, type Principal, type Role } from '../core/principal.ts';

/**
 * Who may call a route. Every route declares one in `config.policy`; the app
 * refuses to start with a route that has none, and a test walks the route
 * table to prove it. Finer rules (a provider sees only its own data, a
 * mission only its own country) live in the services, which get the principal.
 */
export type Policy =
  | { kind: 'public'; name: 'public' }
  | { kind: 'static'; name: 'static' }
  | { kind: 'authenticated'; name: 'authenticated' }
  | { kind: 'roles'; name: string; roles: readonly Role[] }
  | { kind: 'custom'; name: string; check: (request: FastifyRequest) => boolean };

function roles(...allowed: Role[]): Policy {
  return { kind: 'roles', name: `roles:${allowed.join('|')}`, roles: allowed };
}

export const policies = {
  /** Anyone, signed in or not. */
  public: { kind: 'public', name: 'public' } as Policy,
  /** Anyone, and credentials are not even looked at: files of the web app and the API docs. */
  static: { kind: 'static', name: 'static' } as Policy,
  /** Any signed-in account. */
  authenticated: { kind: 'authenticated', name: 'authenticated' } as Policy,
  /** Ministry officers and admins. */
  ministry: roles(...ministryRoles),
  /** Ministry admins only (staff management). */
  ministryAdmin: roles('ministry_admin'),
  roles,
  /**
   * The route for one action of a module's policy (src/core/policy.ts): the roles the
   * policy gives it, so the route and the use case agree by construction.
   * @example config: { policy: policies.of(drawPolicy, 'publish', 'draw') }
   */
  of: <A extends string>(policy: { rolesFor(action: A): readonly Role[] }, action: A, resource: string): Policy =>
    ({ kind: 'roles', name: `${resource}:${action}`, roles: policy.rolesFor(action) }),
  custom: (name: string, check: (request: FastifyRequest) => boolean): Policy => ({ kind: 'custom', name, check }),
};

export type Verdict = 'allow' | 'unauthenticated' | 'forbidden';

export function decide(policy: Policy, principal: Principal | null, request: FastifyRequest): Verdict {
  switch (policy.kind) {
    case 'public':
    case 'static':
      return 'allow';
    case 'custom':
      return policy.check(request) ? 'allow' : principal ? 'forbidden' : 'unauthenticated';
    case 'authenticated':
      return principal ? 'allow' : 'unauthenticated';
    case 'roles':
      if (!principal) return 'unauthenticated';
      return policy.roles.includes(principal.role) ? 'allow' : 'forbidden';
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
    /** The scope a provider API key needs for this route; without one, API keys are refused here. */
    apiScope?: string;
  }
}
