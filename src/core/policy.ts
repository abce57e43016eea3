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

export function definePolicy<R>() {
  return <A extends string>(rules: Record<A, ActionRule<R>>): Policy<R, A> => {
    const actions = Object.keys(rules) as A[];
    const refusal = (who: Acting, action: A, r: R): AppError | null => {
      const rule = rules[action];
      const p = who.actor;
      if (!who.system) {
        if (!p) return new AppError('auth.unauthenticated');
        if (!rule.roles.includes(p.role)) return new AppError('auth.forbidden');
      }
      return rule.when?.(r, p) ?? null;
    };
    return {
      actions,
      rolesFor: (action) => rules[action].roles,
      can: (p, action, r) => refusal(p, action, r) === null,
      allowed: (p, r) => actions.filter((a) => refusal(p, a, r) === null),
      assert(p, action, r) {
        const error = refusal(p, action, r);
        if (error) throw error;
      },
    };
  };
}
