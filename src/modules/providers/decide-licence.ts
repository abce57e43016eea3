import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Trx } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent } from '../events/index.ts';
import type { ProviderContext } from './context.ts';
import { nextStatus, type LicensingAction } from './domain/licensing.ts';
import { licencePolicy } from './policies.ts';
import { pastTense, present, type ProviderView } from './presenters.ts';

/** The ministry approves, rejects, suspends or reinstates a licence. */
export function decideLicenceUseCase(c: ProviderContext) {
  const { repo, clock } = c;
  return {
    /**
     * A ministry decision on a licence, in the caller's transaction (the licence
     * workflow, src/workflows/decide-licence.ts, also refunds a suspended
     * provider's bookings). Suspension publishes `provider.suspended`; the
     * catalogue shows only trading providers, so the packages leave sale at once.
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
      await c.notifyOwner(trx, updated, action, input.reason ?? '');
      return present(updated, c.today(), ctx);
    },
  };
}
