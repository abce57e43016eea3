import { AppError } from './errors.ts';
import type { Principal, RequestContext, Role } from './principal.ts';

/**
 * Who may do what to a resource, declared once per module (`policies.ts`):
 * each action names the roles that may take it and, optionally, what the
 * resource itself must allow (its state, the season's phase, ownership).
 * The same rules
 *
 * - guard the route (`rolesFor`, for the HTTP policy checked before the body is read),
 * - guard the use case (`assert`, which throws the rule's own precise error),
 * - and tell clients which actions are open now (`allowed`), so a web page shows
 *   exactly the buttons the API will accept and never re-implements a rule.
 *
 * @example
 * export const drawPolicy = definePolicy<DrawState>()({
 *   publish: { roles: ['ministry_admin'], when: (d) => (d.status === 'drawn' ? null : new AppError('draw.wrong_state', …)) },
 * });
 */
export interface ActionRule<R> {
  roles: readonly Role[];
  /** Null when the resource allows the action now; else the refusal to answer with (`principal` is null for the platform's own work). */
  when?: (resource: R, principal: Principal | null) => AppError | null;
}

/** Who acts: a request's context (the platform's own work, `system`, passes every role check). */
export type Acting = Pick<RequestContext, 'actor' | 'system'>;

export interface Policy<R, A extends string> {
  readonly actions: readonly A[];
  /** The roles that may take `action` at all (what the route checks). */
  rolesFor(action: A): readonly Role[];
  /** True when the caller may take `action` on `resource` now. */
  can(who: Acting, action: A, resource: R): boolean;
  /** Every action the caller may take on `resource` now, in declaration order. */
  allowed(who: Acting, resource: R): A[];
  /** Throws `auth.forbidden` for the wrong role, or the rule's own refusal for the wrong state. */
  assert(who: Acting, action: A, resource: R): void;
}

/** Why the caller's role may not take an action at all (the error code `assert` throws). */
type RoleRefusal = 'auth.unauthenticated' | 'auth.forbidden';

export function definePolicy<R>() {
  return <A extends string>(rules: Record<A, ActionRule<R>>): Policy<R, A> => {
    const actions = Object.keys(rules) as A[];
    // The role check answers a code, not an error: `can` and `allowed` run it for every action of
    // every resource a page lists, and an error (its stack, its message) costs far more than the check.
    const roleRefusal = (who: Acting, action: A): RoleRefusal | null => {
      if (who.system) return null;
      if (!who.actor) return 'auth.unauthenticated';
      return rules[action].roles.includes(who.actor.role) ? null : 'auth.forbidden';
    };
    const can = (who: Acting, action: A, r: R) => roleRefusal(who, action) === null && (rules[action].when?.(r, who.actor) ?? null) === null;
    return {
      actions,
      rolesFor: (action) => rules[action].roles,
      can,
      allowed: (who, r) => actions.filter((a) => can(who, a, r)),
      assert(who, action, r) {
        const code = roleRefusal(who, action);
        if (code) throw new AppError(code);
        const error = rules[action].when?.(r, who.actor);
        if (error) throw error;
      },
    };
  };
}
