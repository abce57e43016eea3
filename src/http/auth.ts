import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import { defaultLocale, negotiateLocale } from '../common/i18n.ts';
import type { Principal, RequestContext } from '../core/principal.ts';
import { decide } from './policy.ts';

export const SESSION_COOKIE = 'manasik_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export interface Authenticator {
  authenticate(token: string): Promise<Principal | null>;
}

/**
 * Resolves the caller (bearer token first, then session cookie), builds the
 * request context, and enforces the route's policy before the body is even
 * parsed: 401 for no or bad credentials, 403 for the wrong role.
 *
 * A stale cookie makes the caller anonymous (and is cleared), so it never
 * blocks signing in again; a bad bearer token is always a 401, because an API
 * client must learn that its token is dead.
 */
export function installAuth(app: FastifyInstance, authenticator: Authenticator, cookieSecure: boolean) {
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    let principal: Principal | null = null;
    const policy = request.routeOptions.config?.policy;
    if (policy?.kind === 'static') {
      // Files need no caller: no database lookup for every script, style and icon a page loads.
      request.ctx = { actor: null, locale: negotiateLocale(request.headers['accept-language'], defaultLocale), requestId: String(request.id) };
      return;
    }
    const header = request.headers.authorization;
    // A custom policy (e.g. the metrics scraper's token) reads the header itself.
    // The policy is read before the body is parsed, so a refused caller costs no parsing.
    if (header !== undefined && policy?.kind !== 'custom') {
      const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
      principal = match?.[1] ? await authenticator.authenticate(match[1]) : null;
      if (!principal) throw new AppError('auth.session_invalid');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        principal = /^[A-Za-z0-9_-]{10,200}$/.test(cookie) ? await authenticator.authenticate(cookie) : null;
        if (!principal) clearSessionCookie(reply, cookieSecure);
      }
    }
    const explicit = request.headers['accept-language'];
    request.ctx = {
      actor: principal,
      locale: explicit ? negotiateLocale(explicit, principal?.locale ?? defaultLocale) : (principal?.locale ?? defaultLocale),
      requestId: String(request.id),
    };

    if (!policy) return; // unmatched URL: the not-found handler answers
    const apiKey = principal?.apiKey;
    if (apiKey) {
      const scope = request.routeOptions.config?.apiScope;
      if (!scope || !apiKey.scopes.includes(scope)) throw new AppError('auth.api_scope_missing', { scope: scope ?? 'none' });
    }
    const verdict = decide(policy, principal, request);
    if (verdict === 'unauthenticated') throw new AppError('auth.unauthenticated');
    if (verdict === 'forbidden') {
      request.log.warn({ policy: policy.name, role: principal?.role }, 'access denied');
      throw new AppError('auth.forbidden');
    }
  });
}

/**
 * The session cookie lives as long as the session, counted by the browser from
 * when it gets it (Max-Age), not as a date: a browser whose clock differs from
 * the server's keeps it exactly as long.
 */
export function setSessionCookie(reply: FastifyReply, token: string, lifetimeSeconds: number, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: lifetimeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
