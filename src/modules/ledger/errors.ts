import { registerErrors } from '../../core/errors.ts';

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const ledgerErrors = registerErrors({
  'ledger.not_pending': { status: 409, en: 'This is not an open hold.', ar: 'هذه ليست حجزًا ماليًا مفتوحًا.' },
  'ledger.not_a_wallet': { status: 500, en: 'Only a pilgrim wallet can fund a payment.', ar: 'لا تُموَّل الدفعة إلا من محفظة حاج.' },
  'ledger.already_resolved': { status: 409, en: 'This hold was already posted or voided.', ar: 'تم ترحيل هذا الحجز المالي أو إلغاؤه من قبل.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof ledgerErrors, true> {}
}
