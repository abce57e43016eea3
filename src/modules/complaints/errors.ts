import { registerErrors, type Terms } from '../../core/errors.ts';

export const actionTerms: Terms = {
  acknowledge: { en: 'acknowledge', ar: 'الإقرار بالاستلام' },
  send_to_provider: { en: 'send to the provider', ar: 'الإحالة إلى مقدم الخدمة' },
  respond: { en: 'answer', ar: 'الرد' },
  ask_pilgrim: { en: 'ask the pilgrim', ar: 'سؤال الحاج' },
  pilgrim_replies: { en: 'reply', ar: 'الرد على السؤال' },
  escalate: { en: 'escalate to the ministry', ar: 'التصعيد إلى الوزارة' },
  resolve: { en: 'resolve', ar: 'الحل' },
  close: { en: 'close', ar: 'الإغلاق' },
  reopen: { en: 'reopen', ar: 'إعادة الفتح' },
};
export const stateTerms: Terms = {
  received: { en: 'received', ar: 'مستلمة' },
  acknowledged: { en: 'acknowledged', ar: 'تم الإقرار باستلامها' },
  with_provider: { en: 'with the provider', ar: 'لدى مقدم الخدمة' },
  provider_responded: { en: 'answered by the provider', ar: 'رد عليها مقدم الخدمة' },
  awaiting_pilgrim: { en: 'waiting for the pilgrim', ar: 'بانتظار الحاج' },
  escalated: { en: 'escalated to the ministry', ar: 'مصعّدة إلى الوزارة' },
  resolved: { en: 'resolved', ar: 'محلولة' },
  closed: { en: 'closed', ar: 'مغلقة' },
};
const subjectProblems: Terms = {
  provider_needed: { en: 'a complaint about a provider or a booking names the provider or the booking', ar: 'الشكوى على مقدم خدمة أو حجز تذكر مقدم الخدمة أو الحجز' },
  permit_needed: { en: 'a complaint about a permit names the permit booking', ar: 'الشكوى على تصريح تذكر حجز التصريح' },
  site_needed: { en: 'a complaint about a site names the site', ar: 'الشكوى على موقع تذكر الموقع' },
  category_unknown: { en: 'there is no such category', ar: 'لا توجد فئة كهذه' },
};

/** The error codes of complaints (registered into the one registry, src/core/errors.ts). */
export const complaintErrors = registerErrors({
  'complaint.not_found': { status: 404, en: 'There is no such complaint.', ar: 'لا توجد شكوى بهذا المعرف.' },
  'complaint.step_not_allowed': { status: 409, en: 'You cannot {action} this complaint now: it is {state}.', ar: 'لا يمكنك {action} لهذه الشكوى الآن: إنها {state}.', terms: { action: actionTerms, state: stateTerms } },
  'complaint.reopen_expired': { status: 409, en: 'This complaint could be reopened until {until}; file a new one instead.', ar: 'كان يمكن إعادة فتح هذه الشكوى حتى {until}؛ قدّم شكوى جديدة بدلًا من ذلك.', dates: ['until'] },
  'complaint.bad_subject': { status: 400, en: 'This complaint is not complete: {problem}.', ar: 'الشكوى غير مكتملة: {problem}.', terms: { problem: subjectProblems } },
  'complaint.provider_not_found': { status: 404, en: 'There is no licensed provider with this identifier.', ar: 'لا يوجد مقدم خدمة مرخص بهذا المعرف.' },
  'complaint.caller_not_found': { status: 404, en: 'No pilgrim account has this email address; register the caller first.', ar: 'لا يوجد حساب حاج بهذا البريد الإلكتروني؛ سجّل المتصل أولًا.' },
  'complaint.already_rated': { status: 409, en: 'You have already rated how this complaint was resolved.', ar: 'قيّمت بالفعل طريقة حل هذه الشكوى.' },
  'complaint.not_resolved': { status: 409, en: 'A resolution is rated once the complaint is resolved.', ar: 'يُقيَّم الحل بعد حل الشكوى.' },
  'complaint.too_many': { status: 429, en: 'You have filed {count} complaints in the last day, the most allowed; the care centre (1966) can take more.', ar: 'قدّمت {count} شكاوى خلال اليوم الأخير، وهو الحد الأقصى؛ يمكن لمركز العناية (1966) استقبال المزيد.' },
  'complaint.too_many_attachments': { status: 409, en: 'A complaint carries at most {max} attachments.', ar: 'تحمل الشكوى {max} مرفقات على الأكثر.' },
  'complaint.attachment_type': { status: 415, en: 'Attach a photo (JPEG or PNG) or a PDF.', ar: 'أرفق صورة (JPEG أو PNG) أو ملف PDF.' },
  'complaint.attachment_too_large': { status: 413, en: 'An attachment is at most {maxMb} MB.', ar: 'حجم المرفق {maxMb} ميغابايت على الأكثر.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof complaintErrors, true> {}
}
