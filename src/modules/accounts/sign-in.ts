import { AppError } from '../../core/errors.ts';
import { hashToken, newSecretToken } from '../../core/ids.ts';
import type { Principal, RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { AuthContext } from './auth-context.ts';
import { HOUR, presentAccount, type AccountView } from './deps.ts';
import { lockoutAfter, normalizeEmail } from './domain/rules.ts';

// Verified against when the email is unknown, so that a miss costs as much time as a hit.
let decoyHash: Promise<string> | undefined;

export interface SignInResult {
  token: string;
  expiresAt: Date;
  /** How long the session lives, in seconds (the cookie's Max-Age). */
  lifetimeSeconds: number;
  account: AccountView;
}

/** Signing in and out, and resolving a credential to its principal. */
export function signInUseCases(c: AuthContext) {
  const { deps, db, clock, repo, sessions } = c;
  return {
    /**
     * Checks the password and opens a session (web cookie) or issues a bearer
     * token (API client). Consecutive failures lock the account for a growing
     * time (see `lockoutAfter`).
     *
     * The password is checked outside any transaction: scrypt takes a large
     * fraction of a second, and holding a row lock (or, on PGlite, the only
     * database session) that long would stall everyone else. The failure
     * counter is incremented atomically, so concurrent wrong guesses all count.
     */
    async signIn(
      ctx: RequestContext,
      input: { email: string; password: string; kind: 'cookie' | 'bearer'; label?: string | undefined },
    ): Promise<SignInResult> {
      const account = await repo.findByEmail(db.kysely, normalizeEmail(input.email));
      if (!account || !account.password_hash) {
        decoyHash ??= deps.hasher.hash('decoy password for timing');
        await deps.hasher.verify(input.password, await decoyHash);
        throw new AppError('auth.invalid_credentials');
      }
      const lockedFor = (until: Date | null, now: Date) => (until && until > now ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0);
      const waitSeconds = lockedFor(account.locked_until, clock.now());
      if (waitSeconds > 0) {
        throw new AppError('auth.too_many_failures', { retryAfter: waitSeconds }, { headers: { 'retry-after': String(waitSeconds) } });
      }

      if (!(await deps.hasher.verify(input.password, account.password_hash))) {
        await db.kysely.transaction().execute(async (trx) => {
          const now = clock.now();
          const failures = await repo.countFailure(trx, account.id);
          const lockMs = lockoutAfter(failures);
          if (lockMs) await repo.update(trx, account.id, { locked_until: new Date(now.getTime() + lockMs) });
          await writeAudit(trx, clock, ctx, {
            action: 'account.sign_in_failed',
            subjectType: 'account',
            subjectId: account.id,
            data: { failures, lockedForSeconds: lockMs / 1000 },
          });
        });
        throw new AppError('auth.invalid_credentials');
      }
      if (account.status !== 'active') throw new AppError('auth.account_disabled');
      if (!account.email_verified_at) throw new AppError('auth.email_not_verified');

      const token = newSecretToken(input.kind === 'cookie' ? 'mks' : 'mkb');
      const ttl = input.kind === 'cookie' ? deps.config.sessionTtlHours * HOUR : deps.config.apiTokenTtlDays * 24 * HOUR;
      return db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        // A lockout set by a concurrent failure while the password was being checked still holds.
        const current = await repo.findById(trx, account.id, true);
        const wait = lockedFor(current?.locked_until ?? null, now);
        if (wait > 0) throw new AppError('auth.too_many_failures', { retryAfter: wait }, { headers: { 'retry-after': String(wait) } });
        if (current?.status !== 'active') throw new AppError('auth.account_disabled');
        const expiresAt = new Date(now.getTime() + ttl);
        await repo.insertSession(trx, {
          token_hash: hashToken(token),
          account_id: account.id,
          kind: input.kind,
          label: input.label ?? null,
          created_at: now,
          expires_at: expiresAt,
          revoked_at: null,
        });
        if (current.failed_sign_ins > 0 || current.locked_until) {
          await repo.update(trx, account.id, { failed_sign_ins: 0, locked_until: null });
        }
        // The account signing in is the actor of its own session's creation.
        await writeAudit(trx, clock, { ...ctx, actor: { accountId: account.id, role: account.role } }, {
          action: input.kind === 'cookie' ? 'session.created' : 'api_token.created',
          subjectType: 'account',
          subjectId: account.id,
          data: input.label ? { label: input.label } : {},
        });
        return { token, expiresAt, lifetimeSeconds: Math.round(ttl / 1000), account: presentAccount(current) };
      });
    },

    /** Revokes exactly the credential the caller used. */
    async signOut(ctx: RequestContext): Promise<void> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.unauthenticated');
      await db.kysely.transaction().execute(async (trx) => {
        await repo.revokeSession(trx, actor.credentialHash, clock.now());
        await writeAudit(trx, clock, ctx, {
          action: actor.credentialKind === 'cookie' ? 'session.revoked' : 'api_token.revoked',
          subjectType: 'account',
          subjectId: actor.accountId,
        });
      });
    },

    /** Resolves a cookie or bearer secret to the principal behind it, or null. */
    async authenticate(token: string): Promise<Principal | null> {
      const row = await sessions.load(hashToken(token));
      if (!row) return null;
      return {
        accountId: row.account_id,
        role: row.role,
        providerId: row.provider_id,
        countryCode: row.country_code,
        locale: row.locale,
        credentialHash: row.token_hash,
        credentialKind: row.kind,
      };
    },

  };
}
