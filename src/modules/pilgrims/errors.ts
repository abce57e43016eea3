import { registerErrors, type Terms } from '../../core/errors.ts';

/** The names of a pilgrim's documents. */
export const documentTerms: Terms = {
  photo: { en: 'photo', ar: 'الصورة الشخصية' },
  passport_scan: { en: 'passport scan', ar: 'صورة الجواز' },
  residence_proof: { en: 'proof of residence', ar: 'إثبات الإقامة' },
  vaccination_certificate: { en: 'vaccination certificate', ar: 'شهادة التطعيم' },
};
const stepTerms: Terms = {
  accept_offer: { en: 'accepting or paying an offer', ar: 'قبول العرض أو دفعه' },
  visa: { en: 'the visa', ar: 'التأشيرة' },
};
const documentStatuses: Terms = {
  pending: { en: 'awaiting review', ar: 'بانتظار المراجعة' },
  approved: { en: 'approved', ar: 'معتمدة' },
  rejected: { en: 'rejected', ar: 'مرفوضة' },
  superseded: { en: 'replaced by a newer upload', ar: 'استُبدلت برفع أحدث' },
};
const contentTypes: Terms = {
  'image/jpeg, image/png': { en: 'a JPEG or PNG image', ar: 'صورة JPEG أو PNG' },
  'image/jpeg, image/png, application/pdf': { en: 'a JPEG or PNG image or a PDF', ar: 'صورة JPEG أو PNG أو ملف PDF' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const pilgrimErrors = registerErrors({
  'pilgrim.profile_missing': { status: 404, en: 'Fill in your profile first.', ar: 'أكمل ملفك الشخصي أولًا.' },
  'pilgrim.documents_awaited': { status: 409, en: 'Before {step}, these documents must be approved: {missing}. Upload what is missing; a reviewer approves it.', ar: 'قبل {step} يجب اعتماد هذه المستندات: {missing}. ارفع الناقص منها ليعتمده المراجع.', terms: { step: stepTerms, missing: documentTerms } },
  'pilgrim.passport_taken': { status: 409, en: 'This passport is already registered on another account. Contact support if it is yours.', ar: 'جواز السفر هذا مسجل في حساب آخر. تواصل مع الدعم إن كان جوازك.' },
  'pilgrim.residence_not_in_programme': { status: 400, en: 'Residents of {country} are not served by the direct programme this season.', ar: 'المقيمون في {country} غير مشمولين بالبرنامج المباشر هذا الموسم.' },
  'pilgrim.version_conflict': { status: 409, en: 'Someone changed this profile in the meantime (version {current}). Reload it and try again.', ar: 'عدّل شخص آخر هذا الملف في الأثناء (الإصدار {current}). أعد تحميله وحاول مجددًا.' },
  'document.wrong_type': { status: 415, en: 'This file is not accepted as a {type}: send {accepted}.', ar: 'هذا الملف غير مقبول بوصفه {type}: أرسل {accepted}.', terms: { type: documentTerms, accepted: contentTypes } },
  'document.too_large': { status: 413, en: 'The file is larger than {limit} MB.', ar: 'حجم الملف أكبر من {limit} ميغابايت.' },
  'document.missing_file': { status: 400, en: 'Attach one file in a multipart/form-data field named "file".', ar: 'أرفق ملفًا واحدًا في حقل multipart/form-data باسم "file".' },
  'document.not_found': { status: 404, en: 'No such document.', ar: 'لا توجد وثيقة كهذه.' },
  'document.already_reviewed': { status: 409, en: 'This document was already reviewed ({status}).', ar: 'تمت مراجعة هذه الوثيقة بالفعل ({status}).', terms: { status: documentStatuses } },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof pilgrimErrors, true> {}
}
