import type { Locale } from '../../common/i18n.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { AccountView } from '../accounts/index.ts';
import { writeAudit } from '../audit/index.ts';
import type { ProviderContext } from './context.ts';
import type { MemberRole } from './tables.ts';

/** A provider's team: inviting a colleague and listing the team. */
export function staffUseCases(c: ProviderContext) {
  const { deps, repo, clock, db } = c;
  return {
    /** The owner or a manager invites a colleague; the invitation email lets them choose a password. */
    async inviteStaff(
      ctx: RequestContext,
      providerId: string,
      input: { email: string; displayName: string; role: Exclude<MemberRole, 'owner'>; locale?: Locale | undefined },
    ): Promise<AccountView & { memberRole: MemberRole }> {
      return db.kysely.transaction().execute(async (trx) => {
        await c.requireMember(trx, ctx, providerId, 'invite_staff');
        const account = await deps.accounts.addStaff(ctx, trx, { email: input.email, displayName: input.displayName, role: 'provider_staff', providerId, locale: input.locale });
        await repo.addMember(trx, { provider_id: providerId, account_id: account.id, role: input.role, created_at: clock.now() });
        await writeAudit(trx, clock, ctx, {
          action: 'provider.member_added',
          subjectType: 'provider',
          subjectId: providerId,
          data: { accountId: account.id, role: input.role },
        });
        return { ...account, memberRole: input.role };
      });
    },

    /** The team of a provider, for its members. */
    async listStaff(ctx: RequestContext, providerId: string) {
      await c.requireMember(db.kysely, ctx, providerId, 'read');
      const rows = await repo.members(db.kysely, providerId);
      return rows.map((r) => ({
        accountId: r.id,
        email: r.email,
        displayName: r.display_name,
        status: r.status,
        role: r.role,
        since: r.created_at.toISOString(),
      }));
    },
  };
}
