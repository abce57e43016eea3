import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Nullable } from '../../common/schemas/kit.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/auth.ts';
import { policies } from '../../http/policy.ts';
import type { AccountService } from './account-service.ts';
import type { AuthService } from './auth-service.ts';
import * as S from './schemas.ts';
import { accountPolicy } from './policies.ts';

export interface AccountsRouteOptions {
  auth: AuthService;
  accounts: AccountService;
  cookieSecure: boolean;
  signInRatePerMinute: number;
}

/** /api/v1/auth/* and /api/v1/me: registration, sessions, tokens, password reset, profile. */
export const authRoutes: FastifyPluginAsyncTypebox<AccountsRouteOptions> = async (app, opts) => {
  const { auth, accounts, cookieSecure } = opts;
  const tags = ['accounts'];
  // Per-address limit on credential endpoints; per-account lockout lives in the service.
  const credentialLimit = { max: opts.signInRatePerMinute, timeWindow: '1 minute' };

  app.post('/auth/register', {
    schema: { tags, summary: 'Register as a pilgrim', body: S.RegisterBody, response: { 201: S.AccountSchema } },
    config: { policy: policies.public, rateLimit: credentialLimit },
  }, async (req, reply) => reply.code(201).send(await auth.register(req.ctx, req.body)));

  app.post('/auth/verify-email', {
    schema: { tags, summary: 'Confirm an email address with the emailed token', body: S.TokenOnlyBody, response: { 204: { type: 'null' } } },
    config: { policy: policies.public, rateLimit: credentialLimit },
  }, async (req, reply) => {
    await auth.verifyEmail(req.ctx, req.body.token);
    return reply.code(204).send(null);
  });

  app.post('/auth/verify-email/resend', {
    schema: { tags, summary: 'Send a new verification link', body: S.EmailBody, response: { 202: S.Accepted } },
    config: { policy: policies.public, rateLimit: credentialLimit },
  }, async (req, reply) => {
    await auth.resendVerification(req.ctx, req.body.email);
    return reply.code(202).send({ accepted: true });
  });

  app.post('/auth/session', {
    schema: { tags, summary: 'Sign in (web): sets an httpOnly session cookie', body: S.SignInBody, response: { 200: S.SessionResponse } },
    config: { policy: policies.public, rateLimit: credentialLimit },
  }, async (req, reply) => {
    const result = await auth.signIn(req.ctx, { ...req.body, kind: 'cookie' });
    setSessionCookie(reply, result.token, result.lifetimeSeconds, cookieSecure);
    return { account: result.account, expiresAt: result.expiresAt.toISOString() };
  });

  app.delete('/auth/session', {
    schema: { tags, summary: 'Sign out: revokes the cookie session or the bearer token used', response: { 204: { type: 'null' } } },
    config: { policy: policies.authenticated },
  }, async (req, reply) => {
    await auth.signOut(req.ctx);
    clearSessionCookie(reply, cookieSecure);
    return reply.code(204).send(null);
  });

  app.post('/auth/tokens', {
    schema: { tags, summary: 'Get a bearer token (API clients)', body: S.TokenBody, response: { 201: S.TokenResponse } },
    config: { policy: policies.public, rateLimit: credentialLimit },
  }, async (req, reply) => {
    const result = await auth.signIn(req.ctx, { ...req.body, kind: 'bearer' });
    return reply.code(201).send({ token: result.token, expiresAt: result.expiresAt.toISOString(), account: result.account });
  });

  app.post('/auth/password-reset', {
    schema: { tags, summary: 'Email a password reset link', body: S.EmailBody, response: { 202: S.Accepted } },
    config: { policy: policies.public, rateLimit: credentialLimit },
  }, async (req, reply) => {
    await auth.requestPasswordReset(req.ctx, req.body.email);
    return reply.code(202).send({ accepted: true });
  });

  app.post('/auth/password-reset/confirm', {
    schema: { tags, summary: 'Set a new password from a reset or invitation link', body: S.ResetBody, response: { 204: { type: 'null' } } },
    config: { policy: policies.public, rateLimit: credentialLimit },
  }, async (req, reply) => {
    await auth.resetPassword(req.ctx, req.body.token, req.body.password);
    return reply.code(204).send(null);
  });

  app.get('/auth/session', {
    schema: { tags, summary: 'Who is signed in: the account, or null when nobody is (a state, not an error)', response: { 200: Type.Object({ account: Nullable(S.AccountSchema) }) } },
    config: { policy: policies.public },
  }, async (req) => ({ account: req.ctx.actor ? await accounts.getMe(req.ctx).catch(() => null) : null }));

  app.get('/me', {
    schema: { tags, summary: 'The signed-in account', response: { 200: S.AccountSchema } },
    config: { policy: policies.authenticated },
  }, async (req) => accounts.getMe(req.ctx));

  app.patch('/me', {
    schema: { tags, summary: 'Change display name or language', body: S.UpdateMeBody, response: { 200: S.AccountSchema } },
    config: { policy: policies.authenticated },
  }, async (req) => accounts.updateMe(req.ctx, req.body));
};

/** /api/v1/staff: staff accounts, managed by ministry admins. */
export const staffRoutes: FastifyPluginAsyncTypebox<{ accounts: AccountService }> = async (app, { accounts }) => {
  const tags = ['staff'];
  app.post('/staff', {
    schema: { tags, summary: 'Create a staff account and email its invitation', body: S.CreateStaffBody, response: { 201: S.AccountSchema } },
    config: { policy: policies.ministryAdmin },
  }, async (req, reply) => reply.code(201).send(await accounts.createStaff(req.ctx, req.body)));

  app.get('/accounts', {
    schema: { tags, summary: 'List accounts', querystring: S.ListAccountsQuery, response: { 200: S.AccountPage } },
    config: { policy: policies.ministry },
  }, async (req) => accounts.list(req.ctx, req.query));

  app.patch('/accounts/:id/status', {
    schema: { tags, summary: 'Disable or re-enable an account', params: S.AccountIdParams, body: S.SetStatusBody, response: { 200: S.AccountSchema } },
    config: { policy: policies.of(accountPolicy, 'disable', 'account') },
  }, async (req) => accounts.setStatus(req.ctx, req.params.id, req.body.status));
};
