import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { PilgrimContext } from './context.ts';
import { rejectionEmail } from './emails.ts';
import { reviewPolicy } from './policies.ts';

/** The ministry reviews a pilgrim's document. */
export function reviewDocumentUseCase(c: PilgrimContext) {
  const { deps, db, clock, repo } = c;
  return {
    /** A reviewer approves or rejects (with a reason, emailed to the pilgrim in their language). */
    async review(ctx: RequestContext, id: string, decision: 'approve' | 'reject', reason: string | undefined) {
      await db.kysely.transaction().execute(async (trx) => {
        const doc = await repo.findDocument(trx, id, true);
        if (!doc) throw new AppError('document.not_found');
        reviewPolicy.assert(ctx, decision, doc);
        const status = decision === 'approve' ? 'approved' : 'rejected';
        await repo.updateDocument(trx, id, { status, reviewed_at: clock.now(), reviewed_by: ctx.actor?.accountId ?? null, rejection_reason: decision === 'reject' ? (reason ?? null) : null });
        await writeAudit(trx, clock, ctx, { action: `document.${status}`, subjectType: 'document', subjectId: id, data: { type: doc.type, reason: reason ?? null } });
        if (decision === 'reject') {
          const owner = (await deps.accounts.contacts(trx, [doc.account_id])).get(doc.account_id)!;
          const text = rejectionEmail(owner.locale, { type: doc.type, reason: reason ?? '' });
          await deps.notifications.enqueue(trx, { to: owner.email, locale: owner.locale, template: 'document.rejected', ...text });
        }
      });
    },
  };
}
