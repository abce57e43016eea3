import { isCountry } from '../../core/countries.ts';
import { AppError } from '../../core/errors.ts';
import type { Locale } from '../../common/i18n.ts';
import type { RequestContext, Role } from '../../core/principal.ts';
import type { Executor, Trx } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { AuthService } from './auth-service.ts';
import { newAccountRow, presentAccount, type AccountView, type AccountsDeps } from './deps.ts';
import { checkBinding, checkPassword, normalizeEmail } from './domain/rules.ts';
import { accountPolicy } from './policies.ts';
import { createAccountsRepository } from './repository.ts';

export interface NewStaff {
  email: string;
  displayName: string;
  role: Exclude<Role, 'pilgrim'>;
  locale?: Locale | undefined;
  providerId?: string | undefined;
  countryCode?: string | undefined;
}

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw new AppError('auth.unauthenticated');
  return ctx.actor;
}

/** Profiles, and staff accounts managed by ministry admins. */
export function createAccountService(deps: AccountsDeps, auth: Pick<AuthService, 'sendTokenEmail'>) {
  const repo = createAccountsRepository();
  const { db, clock } = deps;

  const service = {
    /** True when the database holds no account at all (a fresh install: the only place demo data may go). */
    isEmpty: async () => !(await repo.any(db.kysely)),

    /** True when an account with this email exists. */
    exists: async (email: string) => (await repo.findByEmail(db.kysely, normalizeEmail(email))) !== undefined,

    async getMe(ctx: RequestContext): Promise<AccountView> {
      const account = await repo.findById(db.kysely, requireActor(ctx).accountId);
      if (!account) throw new AppError('auth.session_invalid');
      return presentAccount(account);
    },

    /** Changes the caller's display name or language (the language switch is remembered here). */
    async updateMe(ctx: RequestContext, patch: { displayName?: string | undefined; locale?: Locale | undefined }) {
      const actor = requireActor(ctx);
      return db.kysely.transaction().execute(async (trx) => {
        const before = await repo.findById(trx, actor.accountId, true);
        if (!before) throw new AppError('auth.session_invalid');
        const now = clock.now();
        const changes = {
          ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        };
        if (Object.keys(changes).length > 0) {
          await repo.update(trx, actor.accountId, { ...changes, updated_at: now });
          await writeAudit(trx, clock, ctx, {
            action: 'account.profile_updated',
            subjectType: 'account',
            subjectId: actor.accountId,
            data: { fields: Object.keys(changes) },
          });
        }
        return presentAccount({ ...before, ...changes, updated_at: now });
      });
    },

    /**
     * A ministry admin creates a staff account. No password travels: the new
     * member receives an invitation link to choose one.
     * @example await accounts.createStaff(ctx, { email, displayName, role: 'mission_officer', countryCode: 'FR' })
     */
    async createStaff(ctx: RequestContext, input: NewStaff): Promise<AccountView> {
      return db.kysely.transaction().execute((trx) => service.addStaff(ctx, trx, input));
    },

    /** `createStaff` in the caller's transaction (a provider's owner invites a colleague). */
    async addStaff(ctx: RequestContext, trx: Trx, input: NewStaff): Promise<AccountView> {
      const providerId = input.providerId ?? null;
      const countryCode = input.countryCode?.toUpperCase() ?? null;
      const problem = checkBinding(input.role, providerId, countryCode);
      if (problem) throw new AppError(problem.code, { role: input.role, binding: problem.binding });
      if (countryCode && !isCountry(countryCode)) throw new AppError('account.unknown_country', { country: countryCode });
      {
        const normalized = normalizeEmail(input.email);
        if (await repo.findByEmail(trx, normalized)) throw new AppError('account.email_taken');
        const now = clock.now();
        const row = newAccountRow({ email: input.email, emailNormalized: normalized, passwordHash: null, role: input.role, providerId, countryCode, displayName: input.displayName, locale: input.locale ?? 'ar', verifiedAt: null }, now);
        await repo.insert(trx, row);
        await auth.sendTokenEmail(trx, row, 'invite');
        await writeAudit(trx, clock, ctx, {
          action: 'account.created',
          subjectType: 'account',
          subjectId: row.id,
          data: { role: row.role, providerId, countryCode },
        });
        return presentAccount({ ...row, status: 'active', failed_sign_ins: 0 });
      }
    },

    /**
     * Makes a self-registered account the owner-side staff of a provider it
     * has just applied for, in the caller's transaction.
     */
    async bindToProvider(executor: Executor, ctx: RequestContext, accountId: string, providerId: string): Promise<void> {
      const account = await repo.findById(executor, accountId, true);
      if (!account) throw new AppError('account.not_found');
      if (account.role !== 'pilgrim') throw new AppError('provider.applicant_not_eligible');
      const now = clock.now();
      await repo.update(executor, accountId, { role: 'provider_staff', provider_id: providerId, updated_at: now });
      await writeAudit(executor, clock, ctx, {
        action: 'account.role_changed',
        subjectType: 'account',
        subjectId: accountId,
        data: { from: account.role, to: 'provider_staff', providerId },
      });
    },

    /** A pilgrim account by email, as another module needs it (e.g. to add a family member). */
    async pilgrimByEmail(executor: Executor, email: string) {
      const row = await repo.findByEmail(executor, normalizeEmail(email));
      return row && row.role === 'pilgrim' && row.status === 'active' ? { id: row.id, displayName: row.display_name, email: row.email } : undefined;
    },

    /** Where and in which language to write to these accounts (notifications from other modules). */
    async contacts(executor: Executor, ids: string[]) {
      const rows = ids.length ? await repo.contactsOf(executor, ids) : [];
      return new Map(rows.map((r) => [r.id, { email: r.email, locale: r.locale, name: r.display_name }]));
    },

    /** Lists accounts by email order; `after` is the last email of the previous page. */
    async list(ctx: RequestContext, filter: { role?: Role | undefined; after?: string | undefined; limit: number }) {
      const rows = await repo.list(db.kysely, { role: filter.role, afterEmail: filter.after, limit: filter.limit });
      const items = rows.map((r) => ({ ...presentAccount(r), allowedActions: accountPolicy.allowed(ctx, r) }));
      const last = rows.at(-1);
      return { items, nextCursor: rows.length === filter.limit && last ? last.email_normalized : null };
    },

    /** Disables (revoking every session) or re-enables an account. */
    async setStatus(ctx: RequestContext, accountId: string, status: 'active' | 'disabled'): Promise<AccountView> {
      return db.kysely.transaction().execute(async (trx) => {
        const account = await repo.findById(trx, accountId, true);
        if (!account) throw new AppError('account.not_found');
        if (account.status === status) return presentAccount(account); // already so: nothing to do
        accountPolicy.assert(ctx, status === 'disabled' ? 'disable' : 'enable', account);
        const now = clock.now();
        await repo.update(trx, accountId, { status, updated_at: now });
        const revoked = status === 'disabled' ? await repo.revokeAllSessions(trx, accountId, now) : 0;
        await writeAudit(trx, clock, ctx, {
          action: status === 'disabled' ? 'account.disabled' : 'account.enabled',
          subjectType: 'account',
          subjectId: accountId,
          data: { sessionsRevoked: revoked },
        });
        return presentAccount({ ...account, status, updated_at: now });
      });
    },

    /**
     * Creates a ready-to-use account (verified email, password set) for the
     * CLI: the first ministry admin, and demo accounts.
     */
    async createDirect(
      ctx: RequestContext,
      input: NewStaff | (Omit<NewStaff, 'role'> & { role: 'pilgrim' }),
      password: string,
    ): Promise<AccountView> {
      if (checkPassword(password, input.email)) throw new AppError('account.password_too_weak');
      const problem = checkBinding(input.role, input.providerId ?? null, input.countryCode ?? null);
      if (problem) throw new AppError(problem.code, { role: input.role, binding: problem.binding });
      const passwordHash = await deps.hasher.hash(password);
      return db.kysely.transaction().execute(async (trx) => {
        const normalized = normalizeEmail(input.email);
        if (await repo.findByEmail(trx, normalized)) throw new AppError('account.email_taken');
        const now = clock.now();
        const row = newAccountRow({ email: input.email, emailNormalized: normalized, passwordHash, role: input.role, providerId: input.providerId, countryCode: input.countryCode, displayName: input.displayName, locale: input.locale ?? 'ar', verifiedAt: now }, now);
        await repo.insert(trx, row);
        await writeAudit(trx, clock, ctx, {
          action: 'account.created',
          subjectType: 'account',
          subjectId: row.id,
          data: { role: row.role, via: 'cli' },
        });
        return presentAccount({ ...row, status: 'active', failed_sign_ins: 0 });
      });
    },
  };
  return service;
}
export type AccountService = ReturnType<typeof createAccountService>;
