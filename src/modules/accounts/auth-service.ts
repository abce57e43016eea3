import { AppError } from '../../core/errors.ts';
import { hashToken, newId, newSecretToken } from '../../core/ids.ts';
import type { Locale } from '../../common/i18n.ts';
import type { Principal, RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';
import { groupLoader } from '../../db/group-loader.ts';
import { writeAudit } from '../audit/index.ts';
import { HOUR, presentAccount, type AccountView, type AccountsDeps } from './deps.ts';
import { checkPassword, lockoutAfter, normalizeEmail } from './domain/rules.ts';
import { accountEmails } from './emails.ts';
import { createAccountsRepository } from './repository.ts';
import type { AccountsTable, TokenPurpose } from './tables.ts';
import type { Selectable } from 'kysely';

const TOKEN_TTL: Record<TokenPurpose, number> = {
  verify_email: 48 * HOUR,
  reset_password: 1 * HOUR,
  invite: 7 * 24 * HOUR,
};
const LINK_PATH: Record<TokenPurpose, string> = {
  verify_email: '/verify-email',
  reset_password: '/reset-password',
  invite: '/reset-password',
};

// Verified against when the email is unknown, so that a miss costs as much time as a hit.
let decoyHash: Promise<string> | undefined;

export interface SignInResult {
  token: string;
  expiresAt: Date;
  /** How long the session lives, in seconds (the cookie's Max-Age). */
  lifetimeSeconds: number;
  account: AccountView;
}

/** Registration, email verification, sign-in and sign-out, password reset. */
export function createAuthService(deps: AccountsDeps) {
  const repo = createAccountsRepository();
  const { db, clock } = deps;
  // Credentials are looked up by group (one query for the requests arriving together), never cached.
  const sessions = groupLoader(async (hashes: readonly string[]) => {
    const rows = await repo.findLiveSessions(db.kysely, [...new Set(hashes)], clock.now());
    const byHash = new Map(rows.map((r) => [r.token_hash, r]));
    return hashes.map((h) => byHash.get(h) ?? null);
  });

  function assertStrongPassword(password: string, email: string) {
    if (checkPassword(password, email)) throw new AppError('account.password_too_weak');
  }

  /** Creates a single-use emailed token and queues the email, in the caller's transaction. */
  async function sendTokenEmail(
    trx: Executor,
    account: Pick<Selectable<AccountsTable>, 'id' | 'email' | 'display_name' | 'locale' | 'role'>,
    purpose: TokenPurpose,
  ) {
    const token = newSecretToken('mkt');
    const now = clock.now();
    await repo.insertToken(trx, {
      token_hash: hashToken(token),
      account_id: account.id,
      purpose,
      created_at: now,
      expires_at: new Date(now.getTime() + TOKEN_TTL[purpose]),
    });
    const link = `${deps.config.publicUrl}${LINK_PATH[purpose]}?token=${encodeURIComponent(token)}`;
    const email = accountEmails[purpose][account.locale]({ name: account.display_name, link, role: account.role });
    await deps.notifications.enqueue(trx, {
      to: account.email,
      locale: account.locale,
      template: purpose,
      subject: email.subject,
      text: email.text,
    });
  }

  return {
    sendTokenEmail,

    /**
     * Self-registration of a pilgrim. The account cannot sign in until its
     * email is verified through the link we send.
     * @example await auth.register(ctx, { email: 'amina@example.com', password: '…', displayName: 'Amina', locale: 'ar' })
     */
    async register(
      ctx: RequestContext,
      input: { email: string; password: string; displayName: string; locale?: Locale | undefined },
    ): Promise<AccountView> {
      assertStrongPassword(input.password, input.email);
      const passwordHash = await deps.hasher.hash(input.password);
      return db.kysely.transaction().execute(async (trx) => {
        const normalized = normalizeEmail(input.email);
        if (await repo.findByEmail(trx, normalized)) throw new AppError('account.email_taken');
        const now = clock.now();
        const row = {
          id: newId(),
          email: input.email.trim(),
          email_normalized: normalized,
          password_hash: passwordHash,
          role: 'pilgrim' as const,
          provider_id: null,
          country_code: null,
          display_name: input.displayName.trim(),
          locale: input.locale ?? ctx.locale,
          email_verified_at: null,
          locked_until: null,
          created_at: now,
          updated_at: now,
        };
        await repo.insert(trx, row);
        await sendTokenEmail(trx, row, 'verify_email');
        await writeAudit(trx, clock, ctx, {
          action: 'account.registered',
          subjectType: 'account',
          subjectId: row.id,
          data: { role: row.role, locale: row.locale },
        });
        return presentAccount({ ...row, status: 'active', failed_sign_ins: 0 });
      });
    },

    async verifyEmail(ctx: RequestContext, token: string): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        const used = await repo.consumeToken(trx, hashToken(token), ['verify_email'], now);
        if (!used) throw new AppError('auth.token_invalid');
        await repo.update(trx, used.account_id, { email_verified_at: now, updated_at: now });
        await writeAudit(trx, clock, ctx, {
          action: 'account.email_verified',
          subjectType: 'account',
          subjectId: used.account_id,
        });
      });
    },

    /** Sends a fresh link if the account exists and is unverified. Says nothing either way. */
    async resendVerification(ctx: RequestContext, email: string): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        const account = await repo.findByEmail(trx, normalizeEmail(email));
        if (!account || account.email_verified_at || account.status !== 'active') return;
        await sendTokenEmail(trx, account, 'verify_email');
        await writeAudit(trx, clock, ctx, { action: 'account.verification_sent', subjectType: 'account', subjectId: account.id });
      });
    },

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

    /** Emails a reset link if the account exists. Answers the same either way (no account discovery). */
    async requestPasswordReset(ctx: RequestContext, email: string): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        const account = await repo.findByEmail(trx, normalizeEmail(email));
        if (!account || account.status !== 'active') return;
        await sendTokenEmail(trx, account, 'reset_password');
        await writeAudit(trx, clock, ctx, { action: 'account.password_reset_requested', subjectType: 'account', subjectId: account.id });
      });
    },

    /**
     * Sets a new password from a reset or invitation link. Proves ownership of
     * the email, so it also verifies it; every open session is revoked.
     */
    async resetPassword(ctx: RequestContext, token: string, password: string): Promise<void> {
      const tokenHash = hashToken(token);
      const email = await repo.emailForToken(db.kysely, tokenHash);
      if (email) assertStrongPassword(password, email);
      const passwordHash = await deps.hasher.hash(password);
      await db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        const used = await repo.consumeToken(trx, tokenHash, ['reset_password', 'invite'], now);
        if (!used) throw new AppError('auth.token_invalid');
        const account = await repo.findById(trx, used.account_id, true);
        if (!account) throw new AppError('auth.token_invalid');
        await repo.update(trx, account.id, {
          password_hash: passwordHash,
          email_verified_at: account.email_verified_at ?? now,
          failed_sign_ins: 0,
          locked_until: null,
          updated_at: now,
        });
        const revoked = await repo.revokeAllSessions(trx, account.id, now);
        await writeAudit(trx, clock, ctx, {
          action: used.purpose === 'invite' ? 'account.invitation_accepted' : 'account.password_reset',
          subjectType: 'account',
          subjectId: account.id,
          data: { sessionsRevoked: revoked },
        });
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
