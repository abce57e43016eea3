import type { Selectable } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { hashToken, newSecretToken } from '../../core/ids.ts';
import type { Executor } from '../../db/database.ts';
import { groupLoader } from '../../db/group-loader.ts';
import { HOUR, type AccountsDeps } from './deps.ts';
import { checkPassword } from './domain/rules.ts';
import { accountEmail } from './emails.ts';
import { createAccountsRepository } from './repository.ts';
import type { AccountsTable, TokenPurpose } from './tables.ts';

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

/**
 * What every use case of signing in shares: the dependencies, the repository,
 * the live-session loader, the password rule and the emailed single-use links.
 */
export function createAuthContext(deps: AccountsDeps) {
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
    const email = accountEmail(account.locale, purpose, { name: account.display_name, link, role: account.role, validHours: TOKEN_TTL[purpose] / HOUR });
    await deps.notifications.enqueue(trx, {
      to: account.email,
      locale: account.locale,
      template: purpose,
      subject: email.subject,
      text: email.text,
    });
  }

  return { deps, db, clock, repo, sessions, assertStrongPassword, sendTokenEmail };
}
export type AuthContext = ReturnType<typeof createAuthContext>;
