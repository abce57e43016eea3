import { registerErrors, type Terms } from '../../core/errors.ts';

const urlProblems: Terms = {
  not_a_url: { en: 'it is not an address', ar: 'ليس عنوانًا' },
  credentials: { en: 'it carries a user name or password', ar: 'يتضمن اسم مستخدم أو كلمة مرور' },
  scheme: { en: 'it is not https', ar: 'لا يبدأ بـ https' },
  private_address: { en: 'it points to a private or local address', ar: 'يشير إلى عنوان خاص أو محلي' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const integrationErrors = registerErrors({
  'integration.invalid_url': { status: 400, en: 'This webhook address is not accepted ({problem}); use https to a public host.', ar: 'عنوان خطاف الويب هذا غير مقبول ({problem})؛ استخدم https إلى خادم عام.', terms: { problem: urlProblems } },
  'integration.not_found': { status: 404, en: 'No such API key, webhook or delivery.', ar: 'لا يوجد مفتاح أو خطاف ويب أو عملية تسليم كهذه.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof integrationErrors, true> {}
}
