import { registerErrors } from '../../core/errors.ts';

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const paymentErrors = registerErrors({
  'payment.not_found': { status: 404, en: 'No such payment.', ar: 'لا توجد عملية دفع بهذا المعرف.' },
  'payment.bad_signature': { status: 401, en: 'The webhook signature is missing, wrong or too old.', ar: 'توقيع الإشعار مفقود أو غير صحيح أو قديم.' },
  'payment.unknown': { status: 404, en: 'This event is for a payment the platform never started; it was recorded and ignored.', ar: 'هذا الإشعار لعملية دفع لم تبدأها المنصة؛ سُجل وأُهمل.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof paymentErrors, true> {}
}
