import { AppError } from '../../core/errors.ts';
import { hashToken } from '../../core/ids.ts';
import type { Locale } from '../../common/i18n.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { AuthContext } from './auth-context.ts';
import { newAccountRow, presentAccount, type AccountView } from './deps.ts';
import { normalizeEmail } from './domain/rules.ts';

/** A pilgrim registers and proves their email. */
export function registerUseCases(c: AuthContext) {
  const { deps, db, clock, repo, assertStrongPassword, sendTokenEmail } = c;
  return {
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
        const row = newAccountRow({ email: input.email, emailNormalized: normalized, passwordHash, role: 'pilgrim', displayName: input.displayName, locale: input.locale ?? ctx.locale, verifiedAt: null }, now);
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

  };
}
