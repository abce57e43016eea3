import { registerErrors, type Terms } from '../../core/errors.ts';
import { roleTerms } from '../../core/terms.ts';

/** The places an account can be bound to. */
const bindings: Terms = {
  provider: { en: 'provider', ar: 'مقدم خدمة' },
  country: { en: 'country', ar: 'دولة' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const accountErrors = registerErrors({
  'account.email_taken': { status: 409, en: 'An account with this email already exists. Sign in or reset your password.', ar: 'يوجد حساب بهذا البريد الإلكتروني. سجّل الدخول أو أعد تعيين كلمة المرور.' },
  'account.password_too_weak': { status: 400, en: 'The password is too weak: use at least 10 characters and avoid common passwords.', ar: 'كلمة المرور ضعيفة: استخدم 10 أحرف على الأقل وتجنب كلمات المرور الشائعة.' },
  'account.not_found': { status: 404, en: 'No such account.', ar: 'لا يوجد حساب كهذا.' },
  'account.binding_required': { status: 400, en: 'A {role} account must be bound to a {binding}.', ar: 'يجب ربط حساب {role} بـ{binding}.', terms: { role: roleTerms, binding: bindings } },
  'account.binding_not_allowed': { status: 400, en: 'A {role} account cannot be bound to a {binding}.', ar: 'لا يمكن ربط حساب {role} بـ{binding}.', terms: { role: roleTerms, binding: bindings } },
  'account.unknown_country': { status: 400, en: 'Unknown country code: {country}.', ar: 'رمز دولة غير معروف: {country}.' },
  'account.cannot_disable_self': { status: 409, en: 'You cannot disable your own account.', ar: 'لا يمكنك تعطيل حسابك.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof accountErrors, true> {}
}
