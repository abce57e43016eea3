import type { Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { isMinistry, type RequestContext } from '../../core/principal.ts';
import { isUniqueViolation, type Db, type Executor, type Trx } from '../../db/database.ts';
import type { AccountService, AccountView } from '../accounts/index.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent } from '../events/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import { riyadhDate } from '../../core/dates.ts';
import { mayTrade, nextStatus, type LicensingAction, type ProviderStatus } from './domain/licensing.ts';
import { licencePolicy, teamPolicy, type TeamResource } from './policies.ts';
import type { Acting } from '../../core/policy.ts';

type LicenceAction = (typeof licencePolicy.actions)[number];
type TeamAction = (typeof teamPolicy.actions)[number];
import { licensingEmails } from './emails.ts';
import { createProvidersRepository } from './repository.ts';
import type { Contact, MemberRole, Office, ProvidersTable } from './tables.ts';

export interface ProviderApplication {
  legalNameAr: string;
  legalNameEn: string;
  crNumber: string;
  licenceNumber: string;
  vatNumber: string;
  ownershipDeclaration: string;
  paidUpCapital: number;
  bankGuaranteeRef: string;
  offices: Office[];
  contacts: Contact[];
}

export interface ProviderView extends Omit<ProviderApplication, 'vatNumber'> {
  id: string;
  /** Null for a provider licensed before it was asked for. */
  vatNumber: string | null;
  status: ProviderStatus;
  licenceValidFrom: string | null;
  licenceValidTo: string | null;
  decisionReason: string | null;
  mayTrade: boolean;
  createdAt: string;
  /** The licence decisions the caller may take now. */
  allowedActions: LicenceAction[];
}

export interface PublicProviderView {
  id: string;
  legalNameAr: string;
  legalNameEn: string;
  licenceNumber: string;
  licenceValidTo: string;
  cities: string[];
}

const pastTense: Record<LicensingAction, string> = {
  approve: 'licensed',
  reject: 'rejected',
  suspend: 'suspended',
  reinstate: 'reinstated',
};

function present(row: Selectable<ProvidersTable>, today: string, ctx: Acting): ProviderView {
  return {
    id: row.id,
    legalNameAr: row.legal_name_ar,
    legalNameEn: row.legal_name_en,
    crNumber: row.cr_number,
    licenceNumber: row.licence_number,
    vatNumber: row.vat_number,
    ownershipDeclaration: row.ownership_declaration,
    paidUpCapital: row.paid_up_capital,
    bankGuaranteeRef: row.bank_guarantee_ref,
    offices: row.offices,
    contacts: row.contacts,
    status: row.status,
    licenceValidFrom: row.licence_valid_from,
    licenceValidTo: row.licence_valid_to,
    decisionReason: row.decision_reason,
    mayTrade: mayTrade({ status: row.status, licenceValidFrom: row.licence_valid_from, licenceValidTo: row.licence_valid_to }, today),
    createdAt: row.created_at.toISOString(),
    allowedActions: licencePolicy.allowed(ctx, row),
  };
}

/** Licensing of providers and their staff. */
export function createProviderService(deps: {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountService, 'bindToProvider' | 'createStaff'>;
  notifications: Pick<NotificationService, 'enqueue'>;
}) {
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

  async function notifyOwner(executor: Executor, row: Selectable<ProvidersTable>, action: LicensingAction, reason: string) {
    const owner = await repo.ownerContact(executor, row.id);
    if (!owner) return;
    const email = licensingEmails[action][owner.locale]({
      name: owner.display_name,
      provider: owner.locale === 'ar' ? row.legal_name_ar : row.legal_name_en,
      reason,
      validTo: row.licence_valid_to ?? '',
    });
    await deps.notifications.enqueue(executor, { to: owner.email, locale: owner.locale, template: `provider.${pastTense[action]}`, ...email });
  }

  return {
    requireMember,
    /** The caller's role in a provider's team (null when not its staff), for the policies of other modules. */
    team,

    /**
     * A company applies for a licence. The applying account becomes the
     * provider's owner; the application waits for a ministry decision.
     * @example await providers.apply(ctx, { legalNameAr, legalNameEn, crNumber, licenceNumber, … })
     */
    async apply(ctx: RequestContext, input: ProviderApplication): Promise<ProviderView> {
      const actor = ctx.actor;
      if (!actor || actor.role !== 'pilgrim') throw new AppError('provider.applicant_not_eligible');
      return db.kysely.transaction().execute(async (trx) => {
        // Checked first for a precise message; the unique indexes still settle a race.
        const taken = await repo.takenNumbers(trx, input.crNumber, input.licenceNumber);
        if (taken.cr) throw new AppError('provider.duplicate_registration', { field: 'cr_number' });
        if (taken.licence) throw new AppError('provider.duplicate_registration', { field: 'licence_number' });
        const now = clock.now();
        const row = {
          id: newId(),
          legal_name_ar: input.legalNameAr.trim(),
          legal_name_en: input.legalNameEn.trim(),
          cr_number: input.crNumber,
          licence_number: input.licenceNumber,
          vat_number: input.vatNumber,
          ownership_declaration: input.ownershipDeclaration,
          paid_up_capital: input.paidUpCapital,
          bank_guarantee_ref: input.bankGuaranteeRef,
          offices: JSON.stringify(input.offices),
          contacts: JSON.stringify(input.contacts),
          status: 'pending' as const,
          licence_valid_from: null,
          licence_valid_to: null,
          decision_reason: null,
          applied_by: actor.accountId,
          created_at: now,
          updated_at: now,
        };
        await repo.insert(trx, row);
        await repo.addMember(trx, { provider_id: row.id, account_id: actor.accountId, role: 'owner', created_at: now });
        await deps.accounts.bindToProvider(trx, ctx, actor.accountId, row.id);
        await writeAudit(trx, clock, ctx, {
          action: 'provider.applied',
          subjectType: 'provider',
          subjectId: row.id,
          data: { crNumber: row.cr_number, licenceNumber: row.licence_number },
        });
        return present({ ...row, offices: input.offices, contacts: input.contacts }, today(), ctx);
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('provider.duplicate_registration', { field: 'registration' });
        throw error;
      });
    },

    /**
     * A ministry decision on a licence. Suspension takes every package of the
     * provider off sale at once (the catalogue shows only trading providers)
     * and publishes `provider.suspended`, which the booking module answers by
     * flagging and notifying the affected bookings.
     */
    /** A provider's name in a language, for documents. */
    async displayName(executor: Executor, providerId: string, locale: 'ar' | 'en') {
      const row = await repo.findById(executor, providerId);
      return row ? (locale === 'ar' ? row.legal_name_ar : row.legal_name_en) : '';
    },

    /** Who sells on a tax invoice: the registered (Arabic) name, the English name and the VAT number. */
    async seller(executor: Executor, providerId: string) {
      const row = await repo.findById(executor, providerId);
      return row && { nameAr: row.legal_name_ar, nameEn: row.legal_name_en, vatNumber: row.vat_number };
    },

    /**
     * A ministry decision on a licence, in the caller's transaction (the licence
     * workflow, src/workflows/decide-licence.ts, also refunds a suspended provider's bookings).
     */
    async decide(
      ctx: RequestContext,
      trx: Trx,
      providerId: string,
      action: LicensingAction,
      input: { validFrom?: string | undefined; validTo?: string | undefined; reason?: string | undefined },
    ): Promise<ProviderView> {
      if (action === 'approve' && (!input.validFrom || !input.validTo || input.validTo <= input.validFrom)) {
        throw new AppError('provider.invalid_licence_dates');
      }
      const row = await repo.findById(trx, providerId, true);
      if (!row) throw new AppError('provider.not_found');
      licencePolicy.assert(ctx, action, row);
      const to = nextStatus(row.status, action)!;
      const now = clock.now();
      const patch = {
        status: to,
        updated_at: now,
        decision_reason: input.reason ?? null,
        ...(action === 'approve' ? { licence_valid_from: input.validFrom!, licence_valid_to: input.validTo! } : {}),
      };
      await repo.update(trx, providerId, patch);
      const updated = { ...row, ...patch };
      await writeAudit(trx, clock, ctx, {
        action: `provider.${pastTense[action]}`,
        subjectType: 'provider',
        subjectId: providerId,
        data: { from: row.status, to, reason: input.reason ?? null, validFrom: input.validFrom ?? null, validTo: input.validTo ?? null },
      });
      if (action !== 'reject') {
        await publishEvent(trx, clock, {
          type: action === 'suspend' ? 'provider.suspended' : action === 'reinstate' ? 'provider.reinstated' : 'provider.licensed',
          providerId,
          subjectId: providerId,
          payload: { providerId, status: to, licenceValidTo: updated.licence_valid_to, reason: input.reason ?? null },
        });
      }
      await notifyOwner(trx, updated, action, input.reason ?? '');
      return present(updated, today(), ctx);
  },

    /** The ministry sees every provider; provider staff only their own. */
    async get(ctx: RequestContext, providerId: string): Promise<ProviderView> {
      const actor = ctx.actor;
      const ministry = isMinistry(actor);
      if (!ministry && actor?.providerId !== providerId) throw new AppError('provider.not_found');
      const row = await repo.findById(db.kysely, providerId);
      if (!row) throw new AppError('provider.not_found');
      return present(row, today(), ctx);
    },

    async list(ctx: RequestContext, filter: { status?: ProviderStatus | undefined; limit: number; offset: number }): Promise<ProviderView[]> {
      const rows = await repo.list(db.kysely, filter);
      const day = today();
      return rows.map((r) => present(r, day, ctx));
    },

    /** The public list of approved providers: licensed and inside their licence dates today. */
    async publicList(): Promise<PublicProviderView[]> {
      const rows = await repo.listTrading(db.kysely, today());
      return rows.map((r) => ({
        id: r.id,
        legalNameAr: r.legal_name_ar,
        legalNameEn: r.legal_name_en,
        licenceNumber: r.licence_number,
        licenceValidTo: r.licence_valid_to!,
        cities: [...new Set(r.offices.map((o) => o.city))],
      }));
    },

    /** Whether a provider may publish or sell today; throws `provider.not_licensed` otherwise. */
    async assertTrading(executor: Executor, providerId: string): Promise<void> {
      const row = await repo.findById(executor, providerId);
      if (!row) throw new AppError('provider.not_found');
      const ok = mayTrade({ status: row.status, licenceValidFrom: row.licence_valid_from, licenceValidTo: row.licence_valid_to }, today());
      if (!ok) throw new AppError('provider.not_licensed', { status: row.status === 'licensed' ? 'outside_dates' : row.status });
    },

    /** Whether a provider may publish or sell today. */
    async isTrading(executor: Executor, providerId: string): Promise<boolean> {
      const row = await repo.findById(executor, providerId);
      return Boolean(row && mayTrade({ status: row.status, licenceValidFrom: row.licence_valid_from, licenceValidTo: row.licence_valid_to }, today()));
    },

    /** The owner or a manager invites a colleague; the invitation email lets them choose a password. */
    async inviteStaff(
      ctx: RequestContext,
      providerId: string,
      input: { email: string; displayName: string; role: Exclude<MemberRole, 'owner'>; locale?: 'ar' | 'en' | undefined },
    ): Promise<AccountView & { memberRole: MemberRole }> {
      return db.kysely.transaction().execute(async (trx) => {
        await requireMember(trx, ctx, providerId, 'invite_staff');
        const account = await deps.accounts.createStaff(
          ctx,
          { email: input.email, displayName: input.displayName, role: 'provider_staff', providerId, locale: input.locale },
          trx,
        );
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

    async listStaff(ctx: RequestContext, providerId: string) {
      await requireMember(db.kysely, ctx, providerId, 'read');
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
export type ProviderService = ReturnType<typeof createProviderService>;
