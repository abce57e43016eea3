import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { ProviderContext } from './context.ts';
import { present, type ProviderApplication, type ProviderView } from './presenters.ts';

/** A company applies for a licence. */
export function applyUseCase(c: ProviderContext) {
  const { deps, repo, clock } = c;
  return {
    /**
     * A company applies for a licence. The applying account becomes the
     * provider's owner; the application waits for a ministry decision.
     * @example await providers.apply(ctx, { legalNameAr, legalNameEn, crNumber, licenceNumber, … })
     */
    async apply(ctx: RequestContext, input: ProviderApplication): Promise<ProviderView> {
      const actor = ctx.actor;
      if (!actor || actor.role !== 'pilgrim') throw new AppError('provider.applicant_not_eligible');
      return c.db.kysely.transaction().execute(async (trx) => {
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
        return present({ ...row, offices: input.offices, contacts: input.contacts }, c.today(), ctx);
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('provider.duplicate_registration', { field: 'registration' });
        throw error;
      });
    },
  };
}
