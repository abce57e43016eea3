import type { ErrorCodeSpec } from './error-codes.ts';

/** Error codes of the draw, bookings and the open sale (merged into the registry in error-codes.ts). */
export const allocationErrorCodes = {
  'draw.not_found': { status: 404, en: 'There is no draw for this season yet.', ar: 'لا توجد قرعة لهذا الموسم بعد.' },
  'draw.wrong_state': {
    status: 409,
    en: 'The draw is {state}; this step needs it to be {needed}.',
    ar: 'القرعة في حالة «{state}»؛ وهذه الخطوة تتطلب أن تكون في حالة «{needed}».',
  },
  'draw.already_frozen': { status: 409, en: 'The applications of this season are already frozen.', ar: 'طلبات هذا الموسم مجمدة بالفعل.' },
  'draw.random_value_set': {
    status: 409,
    en: 'The public random value was already entered and cannot be changed. The attempt is recorded.',
    ar: 'أُدخلت القيمة العشوائية العامة من قبل ولا يمكن تغييرها. وقد سُجلت هذه المحاولة.',
  },
  'draw.bad_pools': { status: 400, en: 'The pools are not valid: {problem}.', ar: 'المجموعات غير صالحة: {problem}.' },
  'draw.no_quotas': { status: 409, en: 'Set the country quotas before freezing.', ar: 'حدد حصص الدول قبل التجميد.' },
  'draw.capacity_changed': {
    status: 409,
    en: 'A package or quota shrank below the seats the draw gives it ({key}); restore it before publishing.',
    ar: 'انخفضت سعة باقة أو حصة عن المقاعد التي منحتها القرعة ({key})؛ أعدها قبل النشر.',
  },
  'draw.not_published': { status: 404, en: 'The results are not published yet.', ar: 'لم تُنشر النتائج بعد.' },
  'draw.not_entered': { status: 404, en: 'This application is not in the draw.', ar: 'هذا الطلب غير مشمول في القرعة.' },
  'booking.not_found': { status: 404, en: 'No such booking.', ar: 'لا يوجد حجز بهذا المعرف.' },
  'booking.not_held': { status: 409, en: 'This booking is {status}, not held.', ar: 'هذا الحجز في حالة «{status}» وليس محجوزًا مؤقتًا.' },
  'booking.deadline_passed': { status: 409, en: 'The payment deadline of this offer has passed.', ar: 'انقضت مهلة الدفع لهذا العرض.' },
  'booking.sold_out': { status: 409, en: 'No seats left for your whole family in this package.', ar: 'لم يعد في هذه الباقة مقاعد تكفي عائلتك كلها.' },
  'booking.quota_full': { status: 409, en: 'The quota of your country of residence is full.', ar: 'امتلأت حصة بلد إقامتك.' },
  'booking.already_booked': { status: 409, en: 'Your family already holds a booking this season.', ar: 'لدى عائلتك حجز قائم في هذا الموسم.' },
  'booking.package_unsuitable': { status: 409, en: 'This package cannot be booked by your family: {problem}.', ar: 'لا يمكن لعائلتك حجز هذه الباقة: {problem}.' },
  'booking.not_eligible': { status: 409, en: 'Every family member must meet the eligibility rules before booking.', ar: 'يجب أن يستوفي جميع أفراد العائلة شروط الأهلية قبل الحجز.' },
  'sale.not_open': { status: 409, en: 'The open sale is not open now (it opens {opensAt}).', ar: 'البيع المفتوح غير متاح الآن (يبدأ {opensAt}).' },
  'sale.admission_required': {
    status: 403,
    en: 'Booking in the open sale needs a valid admission from the waiting room.',
    ar: 'الحجز في البيع المفتوح يتطلب إذن دخول ساريًا من غرفة الانتظار.',
  },
  'wallet.bad_statement': { status: 400, en: 'The statement cannot be read (line {line}): {problem}. Nothing was credited.', ar: 'تعذرت قراءة كشف الحساب (السطر {line}): {problem}. لم يُضف أي مبلغ.' },
  'wallet.insufficient_funds': { status: 409, en: 'Your wallet does not hold enough for this payment. Top it up first.', ar: 'رصيد محفظتك لا يكفي لهذا الدفع. اشحنها أولًا.' },
  'ledger.not_pending': { status: 409, en: 'This is not an open hold.', ar: 'هذه ليست حجزًا ماليًا مفتوحًا.' },
  'ledger.already_resolved': { status: 409, en: 'This hold was already posted or voided.', ar: 'تم ترحيل هذا الحجز المالي أو إلغاؤه من قبل.' },
  'booking.overpayment': { status: 400, en: 'This booking needs {outstanding} more halalas; the payment is larger.', ar: 'المتبقي على هذا الحجز {outstanding} هللة؛ والمبلغ المدفوع أكبر منه.' },
  'idempotency.key_reused': { status: 422, en: 'This Idempotency-Key was already used with a different request.', ar: 'استُخدم مفتاح عدم التكرار هذا مع طلب مختلف.' },
  'idempotency.in_flight': { status: 409, en: 'A request with this Idempotency-Key is still being processed. Try again shortly.', ar: 'ما زال طلب بمفتاح عدم التكرار نفسه قيد المعالجة. أعد المحاولة بعد قليل.' },
  'idempotency.bad_key': { status: 400, en: 'The Idempotency-Key header must be 8 to 100 letters, digits, dashes or underscores.', ar: 'يجب أن يكون ترويسة Idempotency-Key من 8 إلى 100 حرف أو رقم أو شرطة.' },
} as const satisfies Record<string, ErrorCodeSpec>;
