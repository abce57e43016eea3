import { registerErrors } from '../../core/errors.ts';

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const gatewayErrors = registerErrors({
  'gateway.payment_not_found': { status: 404, en: 'No such payment.', ar: 'لا توجد عملية دفع بهذا المعرف.' },
  'gateway.wrong_step': { status: 409, en: 'This payment is not waiting for this step.', ar: 'عملية الدفع هذه لا تنتظر هذه الخطوة.' },
  'gateway.card_invalid': { status: 400, en: 'This card number is not valid.', ar: 'رقم البطاقة غير صحيح.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof gatewayErrors, true> {}
}
