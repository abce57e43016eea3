import type { Selectable } from 'kysely';
import { pickText } from '../../common/i18n.ts';
import type { Clock } from '../../core/clock.ts';
import { riyadhDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { AccountService } from '../accounts/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { LicensingAction } from './domain/licensing.ts';
import { licensingEmail } from './emails.ts';
import { teamPolicy, type TeamResource } from './policies.ts';
import { pastTense } from './presenters.ts';
import { createProvidersRepository } from './repository.ts';
import type { ProvidersTable } from './tables.ts';

export type ProviderDeps = {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountService, 'bindToProvider' | 'addStaff'>;
  notifications: Pick<NotificationService, 'enqueue'>;
};

type TeamAction = (typeof teamPolicy.actions)[number];

/**
 * What every use case of the providers module shares: its dependencies, its
 * repository, today's date in Riyadh, the team check and the owner's notice.
 */
export function createProviderContext(deps: ProviderDeps) {
  const repo = createProvidersRepository();
  const { db, clock } = deps;
  const today = () => riyadhDate(clock.now());

  /** The caller's provider team as the team policy sees it (their role in `providerId`, or none). */
  async function team(executor: Executor, ctx: RequestContext, providerId: string): Promise<TeamResource> {
    const actor = ctx.actor;
    const memberRole = actor && actor.providerId === providerId ? ((await repo.memberRole(executor, providerId, actor.accountId)) ?? null) : null;
    return { providerId, memberRole };
  }

  /** Refuses unless the caller may take `action` for `providerId` (providers/policies.ts); answers their role. */
  async function requireMember(executor: Executor, ctx: RequestContext, providerId: string, action: TeamAction) {
    if (!ctx.system && ctx.actor?.providerId !== providerId) throw new AppError('auth.forbidden');
    const t = await team(executor, ctx, providerId);
    teamPolicy.assert(ctx, action, t);
    return t.memberRole;
  }

  /** Tells the provider's owner of a licence decision, in the owner's language. */
  async function notifyOwner(executor: Executor, row: Selectable<ProvidersTable>, action: LicensingAction, reason: string) {
    const owner = await repo.ownerContact(executor, row.id);
    if (!owner) return;
    const email = licensingEmail(owner.locale, action, {
      name: owner.display_name,
      provider: pickText({ ar: row.legal_name_ar, en: row.legal_name_en }, owner.locale).text,
      reason,
      validTo: row.licence_valid_to,
    });
    await deps.notifications.enqueue(executor, { to: owner.email, locale: owner.locale, template: `provider.${pastTense[action]}`, ...email });
  }

  return { deps, db, clock, repo, today, team, requireMember, notifyOwner };
}
export type ProviderContext = ReturnType<typeof createProviderContext>;
