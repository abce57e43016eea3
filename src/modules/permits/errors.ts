import { registerErrors, type Terms } from '../../core/errors.ts';

const sections: Terms = { men: { en: 'men\'s', ar: 'الرجال' }, women: { en: 'women\'s', ar: 'النساء' } };
const ruleKinds: Terms = {
  per_hijri_month: { en: 'so many permits per Hijri month', ar: 'عدد محدد من التصاريح في الشهر الهجري' },
  per_days: { en: 'so many permits within a number of days', ar: 'عدد محدد من التصاريح خلال عدد من الأيام' },
  max_active: { en: 'a maximum of active permits', ar: 'حد أقصى للتصاريح النشطة' },
  min_gap_hours: { en: 'a minimum gap between visits', ar: 'حد أدنى للفاصل بين الزيارات' },
};
const triggers: Terms = { no_show: { en: 'a missed visit (no-show)', ar: 'عدم الحضور في موعد سابق' }, late_cancel: { en: 'a late cancellation', ar: 'إلغاء متأخر' } };
const configProblems: Terms = {
  bad_interval: { en: 'an opening interval is empty or outside the day', ar: 'فترة عمل فارغة أو خارج اليوم' },
  overlapping: { en: 'opening intervals overlap or are out of order', ar: 'فترات العمل متداخلة أو غير مرتبة' },
  no_sections: { en: 'the site has no section with opening hours', ar: 'لا يوجد للموقع قسم بساعات عمل' },
  bad_range: { en: 'the dates are backwards, more than 400 days, or not a calendar date', ar: 'التواريخ معكوسة أو تزيد على 400 يوم أو ليست تاريخًا صحيحًا' },
  hijri_month_needed: { en: 'a per-Hijri-month rule names its month', ar: 'قاعدة الشهر الهجري تحتاج إلى الشهر' },
  days_needed: { en: 'a per-days rule names its number of days', ar: 'قاعدة الأيام تحتاج إلى عدد الأيام' },
  gap_needed: { en: 'a minimum-gap rule names its hours', ar: 'قاعدة الفاصل تحتاج إلى عدد الساعات' },
  season_backwards: { en: 'the rule\'s season ends before it begins', ar: 'ينتهي موسم القاعدة قبل أن يبدأ' },
  gate_sections: { en: 'a gate serves a section the site does not have', ar: 'بوابة تخدم قسمًا ليس في الموقع' },
};
const docKinds: Terms = { national_id: { en: 'national ID', ar: 'الهوية الوطنية' }, iqama: { en: 'iqama', ar: 'الإقامة' }, passport: { en: 'passport', ar: 'جواز السفر' } };
const visaTypes: Terms = { work: { en: 'work visa', ar: 'تأشيرة عمل' }, transit: { en: 'transit visa', ar: 'تأشيرة عبور' }, family: { en: 'family visit visa', ar: 'تأشيرة زيارة عائلية' } };
const bookingStates: Terms = { cancelled: { en: 'cancelled', ar: 'ملغى' }, closed: { en: 'closed by the ministry', ar: 'أغلقته الوزارة' }, started: { en: 'already begun', ar: 'بدأ بالفعل' } };

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const permitErrors = registerErrors({
  'permit.site_not_found': { status: 404, en: 'There is no such site.', ar: 'لا يوجد موقع بهذا المعرف.' },
  'permit.site_taken': { status: 409, en: 'A site with this code or number exists already.', ar: 'يوجد موقع بهذا الرمز أو الرقم.' },
  'permit.gate_taken': { status: 409, en: 'This site already has a gate numbered {number}.', ar: 'للموقع بوابة برقم {number} بالفعل.' },
  'permit.gate_not_found': { status: 404, en: 'There is no such gate.', ar: 'لا توجد بوابة بهذا المعرف.' },
  'permit.bad_config': { status: 400, en: 'This configuration is not valid: {problem}.', ar: 'هذا الإعداد غير صالح: {problem}.', terms: { problem: configProblems } },
  'permit.template_not_found': { status: 404, en: 'There is no such window template for this site.', ar: 'لا يوجد قالب فترات بهذا المعرف لهذا الموقع.' },
  'permit.window_not_found': { status: 404, en: 'There is no such window.', ar: 'لا توجد فترة بهذا المعرف.' },
  'permit.window_not_released': { status: 409, en: 'This window is not open for booking yet; it opens {releaseAt}.', ar: 'لم تُفتح هذه الفترة للحجز بعد؛ تُفتح {releaseAt}.', dates: ['releaseAt'] },
  'permit.window_past': { status: 409, en: 'This window has already begun or passed.', ar: 'بدأت هذه الفترة أو انتهت.' },
  'permit.window_closed': { status: 409, en: 'This window is closed.', ar: 'هذه الفترة مغلقة.' },
  'permit.window_full': { status: 409, en: 'This window is full ({remaining} places left for your group). Join its waiting list or pick a quieter window.', ar: 'هذه الفترة مكتملة (المتبقي {remaining} لمجموعتك). انضم إلى قائمة الانتظار أو اختر فترة أقل ازدحامًا.' },
  'permit.window_not_full': { status: 409, en: 'This window still has room: book it instead of waiting.', ar: 'ما زالت في هذه الفترة أماكن: احجزها بدل الانتظار.' },
  'permit.group_too_large': { status: 400, en: 'A group at this site is 1 to {max} people.', ar: 'المجموعة في هذا الموقع من شخص إلى {max} أشخاص.' },
  'permit.person_twice': { status: 400, en: 'The same person appears twice in the group.', ar: 'الشخص نفسه مذكور مرتين في المجموعة.' },
  'permit.person_unknown': { status: 400, en: 'Every member must first be verified by their document on your account.', ar: 'يجب التحقق من وثيقة كل فرد في حسابك أولًا.' },
  'permit.wrong_section': { status: 409, en: '{member} cannot enter the {section} section: the whole group must belong to the window\'s section.', ar: 'لا يمكن لـ{member} دخول قسم {section}: يجب أن تنتمي المجموعة كلها إلى قسم الفترة.', terms: { section: sections } },
  'permit.rule_broken': { status: 409, en: '{member} may not book this window under the rule "{rule}" ({kind}); they may book again from {eligibleFrom}.', ar: 'لا يمكن لـ{member} حجز هذه الفترة بموجب القاعدة "{rule}" ({kind})؛ يمكنه الحجز مجددًا ابتداءً من {eligibleFrom}.', terms: { kind: ruleKinds }, dates: ['eligibleFrom'] },
  'permit.penalty_active': { status: 409, en: '{member} may not book at this site until {until}, after {trigger}.', ar: 'لا يمكن لـ{member} الحجز في هذا الموقع حتى {until} بسبب {trigger}.', terms: { trigger: triggers }, dates: ['until'] },
  'permit.not_found': { status: 404, en: 'There is no such permit booking.', ar: 'لا يوجد حجز تصريح بهذا المعرف.' },
  'permit.not_changeable': { status: 409, en: 'This booking cannot be changed: it is {state}.', ar: 'لا يمكن تغيير هذا الحجز: إنه {state}.', terms: { state: bookingStates } },
  'permit.same_window': { status: 409, en: 'The booking is already in this window.', ar: 'الحجز في هذه الفترة بالفعل.' },
  'permit.already_waiting': { status: 409, en: 'You are already on this window\'s waiting list.', ar: 'أنت في قائمة انتظار هذه الفترة بالفعل.' },
  'permit.offer_not_found': { status: 404, en: 'There is no open offer on this waiting-list entry.', ar: 'لا يوجد عرض قائم على هذا الطلب في قائمة الانتظار.' },
  'permit.document_not_found': { status: 422, en: 'The registry does not know this {kind} number.', ar: 'لا يعرف السجل رقم {kind} هذا.', terms: { kind: docKinds } },
  'permit.document_expired': { status: 422, en: 'This document expired on {validUntil}.', ar: 'انتهت صلاحية هذه الوثيقة في {validUntil}.' },
  'permit.wrong_visa_type': { status: 422, en: 'A {visaType} does not allow Umrah or a visit to the Rawdah.', ar: '{visaType} لا تسمح بالعمرة أو بزيارة الروضة.', terms: { visaType: visaTypes } },
  'permit.visa_mismatch': { status: 422, en: 'The visa number does not belong to this passport.', ar: 'رقم التأشيرة لا يخص جواز السفر هذا.' },
  'permit.registry_unavailable': { status: 503, en: 'The document registry does not answer. Try again shortly.', ar: 'سجل الوثائق لا يستجيب. حاول بعد قليل.' },
  'permit.revocations_ahead': { status: 400, en: 'The revocation list has no number {since} yet (it is at {head}).', ar: 'لم تصل قائمة الإلغاء إلى الرقم {since} بعد (هي عند {head}).' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof permitErrors, true> {}
}
