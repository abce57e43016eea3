import type { ErrorCodeSpec, Terms } from './error-spec.ts';

/** Why the service is not ready. */
const unavailableReasons: Terms = {
  database: { en: 'the database does not answer', ar: 'قاعدة البيانات لا تستجيب' },
};

/**
 * The codes of the HTTP layer (a request's shape, answered before any module
 * runs), of authentication and of idempotency. Each module keeps its own codes
 * in its `errors.ts`; all of them form one registry (src/core/errors.ts).
 */
export const coreErrors = {
  'request.validation_failed': { status: 400, en: 'The request is not valid: {summary}', ar: 'الطلب غير صالح: {summary}' },
  'request.malformed_json': { status: 400, en: 'The request body is not valid JSON.', ar: 'محتوى الطلب ليس بصيغة JSON صحيحة.' },
  'request.body_too_large': { status: 413, en: 'The request body is larger than the {limit}-byte limit.', ar: 'حجم محتوى الطلب أكبر من الحد المسموح ({limit} بايت).' },
  'request.unsupported_media_type': { status: 415, en: 'This content type is not accepted here; send {accepted}.', ar: 'نوع المحتوى غير مقبول هنا؛ أرسل {accepted}.' },
  'request.too_deep': { status: 400, en: 'The request body is nested deeper than {limit} levels.', ar: 'محتوى الطلب متداخل لأكثر من {limit} مستوى.' },
  'request.ill_formed_text': { status: 400, en: 'The field {field} holds characters that are not well-formed text.', ar: 'الحقل {field} يحتوي على محارف نصية غير سليمة.' },
  'request.malformed_multipart': { status: 400, en: 'The uploaded form is malformed: send multipart/form-data with a boundary and one file.', ar: 'نموذج الرفع غير سليم: أرسل multipart/form-data مع حدٍّ فاصل وملف واحد.' },
  'request.header_too_large': { status: 431, en: 'The address or the headers of this request are too long.', ar: 'عنوان هذا الطلب أو ترويساته أطول من المسموح.' },
  'request.timeout': { status: 408, en: 'The request took too long to arrive. Please try again.', ar: 'استغرق وصول الطلب وقتًا طويلًا. يرجى المحاولة مرة أخرى.' },
  'request.unreadable': { status: 400, en: 'The request could not be read.', ar: 'تعذرت قراءة الطلب.' },
  'request.conflict': { status: 409, en: 'This conflicts with something that already exists or was changed at the same moment. Reload and try again.', ar: 'يتعارض هذا مع بيانات موجودة أو تغيرت في اللحظة نفسها. أعد التحميل وحاول مرة أخرى.' },
  'request.invalid_value': { status: 400, en: 'A value in this request cannot be stored.', ar: 'في هذا الطلب قيمة لا يمكن حفظها.' },
  'request.uri_too_long': { status: 414, en: 'A part of this address is too long.', ar: 'جزء من هذا العنوان طويل جدًا.' },
  'request.bad_url': { status: 400, en: 'This address is malformed.', ar: 'هذا العنوان غير صحيح الصيغة.' },
  'request.not_found': { status: 404, en: 'There is nothing at this address.', ar: 'لا يوجد شيء في هذا العنوان.' },
  'request.method_not_allowed': { status: 405, en: 'This method is not allowed here; this address takes {allowed}.', ar: 'هذه الطريقة غير مسموح بها هنا؛ هذا العنوان يقبل {allowed}.' },
  'request.rate_limited': { status: 429, en: 'Too many requests. Try again in {retryAfter} seconds.', ar: 'طلبات كثيرة جدًا. حاول مرة أخرى بعد {retryAfter} ثانية.' },
  'internal.unexpected': { status: 500, en: 'Something went wrong on our side. The error was recorded; please try again.', ar: 'حدث خطأ من جهتنا وتم تسجيله. يرجى المحاولة مرة أخرى.' },
  'service.unavailable': { status: 503, en: 'The service is not ready: {reason}.', ar: 'الخدمة غير جاهزة: {reason}.', terms: { reason: unavailableReasons } },
  'auth.unauthenticated': { status: 401, en: 'Sign in to continue.', ar: 'يرجى تسجيل الدخول للمتابعة.' },
  'auth.invalid_credentials': { status: 401, en: 'The email or password is not correct.', ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.' },
  'auth.session_invalid': { status: 401, en: 'Your session has expired or is not valid. Please sign in again.', ar: 'انتهت صلاحية الجلسة أو أنها غير صالحة. يرجى تسجيل الدخول مجددًا.' },
  'auth.forbidden': { status: 403, en: 'You are not allowed to do this.', ar: 'ليس لديك صلاحية للقيام بهذا.' },
  'auth.email_not_verified': { status: 403, en: 'Please verify your email address first; we sent you a link.', ar: 'يرجى تأكيد بريدك الإلكتروني أولًا؛ لقد أرسلنا إليك رابطًا.' },
  'auth.account_disabled': { status: 403, en: 'This account is disabled. Contact the ministry support desk.', ar: 'هذا الحساب معطل. تواصل مع مكتب دعم الوزارة.' },
  'auth.too_many_failures': { status: 429, en: 'Too many failed sign-ins. Try again in {retryAfter} seconds.', ar: 'محاولات دخول فاشلة كثيرة. حاول مرة أخرى بعد {retryAfter} ثانية.' },
  'auth.token_invalid': { status: 400, en: 'This link is not valid or has expired. Ask for a new one.', ar: 'هذا الرابط غير صالح أو انتهت صلاحيته. اطلب رابطًا جديدًا.' },
  'auth.api_scope_missing': { status: 403, en: 'This API key does not have the {scope} scope.', ar: 'مفتاح الواجهة البرمجية هذا لا يملك الصلاحية {scope}.' },
  'idempotency.key_reused': { status: 422, en: 'This Idempotency-Key was already used with a different request.', ar: 'استُخدم مفتاح عدم التكرار هذا مع طلب مختلف.' },
  'idempotency.in_flight': { status: 409, en: 'A request with this Idempotency-Key is still being processed. Try again shortly.', ar: 'ما زال طلب بمفتاح عدم التكرار نفسه قيد المعالجة. أعد المحاولة بعد قليل.' },
  'idempotency.bad_key': { status: 400, en: 'The Idempotency-Key header must be 8 to 100 letters, digits, dashes or underscores.', ar: 'يجب أن يكون ترويسة Idempotency-Key من 8 إلى 100 حرف أو رقم أو شرطة.' },
} as const satisfies Record<string, ErrorCodeSpec>;

declare module './errors.ts' {
  interface ErrorCodes extends Record<keyof typeof coreErrors, true> {}
}
