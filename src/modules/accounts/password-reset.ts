import { AppError } from '../../core/errors.ts';
import { hashToken } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { AuthContext } from './auth-context.ts';
import { normalizeEmail } from './domain/rules.ts';

/** A forgotten password: the emailed link, and the new password it sets. */
export function passwordResetUseCases(c: AuthContext) {
  const { deps, db, clock, repo, assertStrongPassword, sendTokenEmail } = c;
  return {
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
