import { registerErrors, type Terms } from '../../core/errors.ts';
import { rankingProblems } from '../applications/index.ts';

/** A booking's states. */
const bookingStatuses: Terms = {
  held: { en: 'held', ar: 'محجوز مؤقتًا' },
  confirmed: { en: 'confirmed', ar: 'مؤكد' },
  visa_ready: { en: 'ready for the visa', ar: 'جاهز للتأشيرة' },
  completed: { en: 'completed', ar: 'مكتمل' },
  expired: { en: 'expired', ar: 'منتهي المهلة' },
  declined: { en: 'declined', ar: 'مرفوض من العائلة' },
  cancelled: { en: 'cancelled', ar: 'ملغى' },
};
const planProblems: Terms = {
  no_steps: { en: 'a plan needs at least one step', ar: 'تحتاج الخطة إلى خطوة واحدة على الأقل' },
  first_step_dated: { en: 'the first step is due by the offer\'s deadline (no days before arrival)', ar: 'الخطوة الأولى تستحق بموعد العرض (دون أيام قبل الوصول)' },
  later_step_undated: { en: 'every later step needs its days before arrival', ar: 'كل خطوة لاحقة تحتاج عدد أيامها قبل الوصول' },
  not_approaching: { en: 'each later step must come closer to arrival', ar: 'يجب أن تقترب كل خطوة لاحقة من موعد الوصول' },
  not_100_percent: { en: 'the percentages must add up to 100', ar: 'يجب أن يكون مجموع النسب 100' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const bookingErrors = registerErrors({
  'booking.price_missing': { status: 500, en: 'The price of this booking\'s package version cannot be found. The error was recorded.', ar: 'تعذر العثور على سعر نسخة الباقة لهذا الحجز. وقد سُجل الخطأ.' },
  'booking.not_found': { status: 404, en: 'No such booking.', ar: 'لا يوجد حجز بهذا المعرف.' },
  'booking.not_held': { status: 409, en: 'This booking is {status}, not held.', ar: 'هذا الحجز {status} وليس محجوزًا مؤقتًا.', terms: { status: bookingStatuses } },
  'booking.deadline_passed': { status: 409, en: 'The payment deadline of this offer has passed.', ar: 'انقضت مهلة الدفع لهذا العرض.' },
  'booking.sold_out': { status: 409, en: 'No seats left for your whole family in this package.', ar: 'لم يعد في هذه الباقة مقاعد تكفي عائلتك كلها.' },
  'booking.quota_full': { status: 409, en: 'The quota of your country of residence is full.', ar: 'امتلأت حصة بلد إقامتك.' },
  'booking.already_booked': { status: 409, en: 'Your family already holds a booking this season.', ar: 'لدى عائلتك حجز قائم في هذا الموسم.' },
  'booking.package_unsuitable': { status: 409, en: 'This package cannot be booked by your family: {problem}.', ar: 'لا يمكن لعائلتك حجز هذه الباقة: {problem}.', terms: { problem: rankingProblems } },
  'booking.not_eligible': { status: 409, en: 'Every family member must meet the eligibility rules before booking.', ar: 'يجب أن يستوفي جميع أفراد العائلة شروط الأهلية قبل الحجز.' },
  'sale.not_open': { status: 409, en: 'The open sale is not open now (it opens {opensAt}).', ar: 'البيع المفتوح غير متاح الآن (يبدأ {opensAt}).', dates: ['opensAt'] },
  'sale.place_token_invalid': { status: 403, en: 'This place token is not valid for this season. Open the waiting room again while signed in.', ar: 'رمز المكان هذا غير صالح لهذا الموسم. افتح غرفة الانتظار مجددًا بعد تسجيل الدخول.' },
  'sale.admission_required': { status: 403, en: 'Booking in the open sale needs a valid admission from the waiting room.', ar: 'الحجز في البيع المفتوح يتطلب إذن دخول ساريًا من غرفة الانتظار.' },
  'booking.not_confirmed': { status: 409, en: 'This document is issued once the booking is confirmed (paid in full).', ar: 'تصدر هذه الوثيقة بعد تأكيد الحجز (دفعه كاملًا).' },
  'booking.bad_plan': { status: 400, en: 'This instalment plan cannot be used: {problem}.', ar: 'لا يمكن استخدام خطة الأقساط هذه: {problem}.', terms: { problem: planProblems } },
  'booking.season_not_over': { status: 409, en: 'The season ends on {end}; bookings are completed after it.', ar: 'ينتهي الموسم في {end}؛ وتُستكمل الحجوزات بعده.', dates: ['end'] },
  'booking.not_cancellable': { status: 409, en: 'This booking is {status}; only a held, confirmed or visa-ready booking can be cancelled.', ar: 'هذا الحجز {status}؛ ولا يُلغى إلا حجز محجوز مؤقتًا أو مؤكد أو جاهز للتأشيرة.', terms: { status: bookingStatuses } },
  'booking.overpayment': { status: 400, en: 'This booking needs {outstanding} more; the payment is larger.', ar: 'المتبقي على هذا الحجز {outstanding}؛ والمبلغ المدفوع أكبر منه.', money: ['outstanding'] },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof bookingErrors, true> {}
}
