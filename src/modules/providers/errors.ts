import { registerErrors, type Terms } from '../../core/errors.ts';

const registrationFields: Terms = {
  cr_number: { en: 'commercial registration number', ar: 'رقم السجل التجاري' },
  licence_number: { en: 'licence number', ar: 'رقم الترخيص' },
  registration: { en: 'commercial registration or licence number', ar: 'رقم السجل التجاري أو الترخيص' },
};
/** A licence's states. */
export const licenceStatuses: Terms = {
  pending: { en: 'pending review', ar: 'قيد المراجعة' },
  licensed: { en: 'licensed', ar: 'مرخص' },
  rejected: { en: 'rejected', ar: 'مرفوض' },
  suspended: { en: 'suspended', ar: 'موقوف' },
  outside_dates: { en: 'outside its licence dates', ar: 'خارج مدة ترخيصه' },
};
const licenceActions: Terms = {
  approve: { en: 'licensed', ar: 'ترخيص' },
  reject: { en: 'rejected', ar: 'رفض' },
  suspend: { en: 'suspended', ar: 'إيقاف' },
  reinstate: { en: 'reinstated', ar: 'إعادة تفعيل' },
};
const memberRoles: Terms = {
  owner: { en: 'owner', ar: 'المالك' },
  manager: { en: 'manager', ar: 'المدير' },
  agent: { en: 'agent', ar: 'الموظف' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const providerErrors = registerErrors({
  'provider.applicant_not_eligible': { status: 409, en: 'Only a personal account that is not yet staff of a provider can apply for a licence.', ar: 'يمكن التقدم بطلب الترخيص من حساب شخصي غير مرتبط بمقدم خدمة فقط.' },
  'provider.duplicate_registration': { status: 409, en: 'A provider with this {field} is already registered.', ar: 'يوجد مقدم خدمة مسجل بهذا {field}.', terms: { field: registrationFields } },
  'provider.not_found': { status: 404, en: 'No such provider.', ar: 'لا يوجد مقدم خدمة كهذا.' },
  'provider.transition_not_allowed': { status: 409, en: 'A provider whose licence is {status} cannot be {action}.', ar: 'لا يمكن {action} مقدم خدمة حالة ترخيصه «{status}».', terms: { status: licenceStatuses, action: licenceActions } },
  'provider.invalid_licence_dates': { status: 400, en: 'The licence must end after it starts.', ar: 'يجب أن ينتهي الترخيص بعد تاريخ بدايته.' },
  'provider.not_licensed': { status: 409, en: 'Your provider is not licensed today ({status}); it cannot publish or sell.', ar: 'مقدم الخدمة غير مرخص اليوم ({status})؛ لا يمكنه النشر أو البيع.', terms: { status: licenceStatuses } },
  'provider.member_role_required': { status: 403, en: 'This needs the {roles} role in your provider.', ar: 'يتطلب هذا دور {roles} لدى مقدم الخدمة.', terms: { roles: memberRoles } },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof providerErrors, true> {}
}
