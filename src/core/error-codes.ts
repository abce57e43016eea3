import { allocationErrorCodes } from './error-codes-allocation.ts';
/**
 * The registry of every error code the platform can answer with.
 *
 * A code is stable: clients (the web app, provider integrations) switch on it,
 * so never rename one; add a new code instead. Each entry says the HTTP status
 * and the message in every supported language. `{name}` placeholders are filled
 * from the error's params.
 */
export interface ErrorCodeSpec {
  status: number;
  en: string;
  ar: string;
  /**
   * Translations of parameters that are codes: `{ field: { cr_number: { en, ar } } }`
   * shows the code `cr_number` as words in each language. A parameter is a code
   * or a value (a number, a date, a name), never a sentence in one language.
   */
  terms?: Record<string, Record<string, Record<'en' | 'ar', string>>>;
  /** Parameters that are amounts in halalas, shown as riyals in the reader's language. */
  money?: readonly string[];
}

/** The names of a pilgrim's documents. */
const documentTerms = {
  photo: { en: 'photo', ar: 'الصورة الشخصية' },
  passport_scan: { en: 'passport scan', ar: 'صورة الجواز' },
  residence_proof: { en: 'proof of residence', ar: 'إثبات الإقامة' },
  vaccination_certificate: { en: 'vaccination certificate', ar: 'شهادة التطعيم' },
};

/** The names of a season's dates, for messages about its calendar. */
const calendarFieldTerms = {
  registrationOpens: { en: 'the opening of registration', ar: 'بدء التسجيل' },
  preferenceOpens: { en: 'the opening of preferences', ar: 'بدء مرحلة التفضيلات' },
  preferenceCloses: { en: 'the close of preferences', ar: 'انتهاء مرحلة التفضيلات' },
  drawAt: { en: 'the draw', ar: 'موعد القرعة' },
  offersClose: { en: 'the close of offers', ar: 'انتهاء العروض' },
  openSaleAt: { en: 'the open sale', ar: 'البيع المفتوح' },
  visaCutoff: { en: 'the visa cut-off', ar: 'آخر موعد للتأشيرات' },
  arrivalDate: { en: 'the arrival day', ar: 'يوم الوصول' },
  referenceDate: { en: 'the reference day', ar: 'اليوم المرجعي' },
  seasonEnd: { en: 'the end of the season', ar: 'نهاية الموسم' },
};

const baseErrorCodes = {
  // Request shape (raised by the HTTP layer before any service runs)
  'request.validation_failed': {
    status: 400,
    en: 'The request is not valid: {summary}',
    ar: 'الطلب غير صالح: {summary}',
  },
  'request.malformed_json': {
    status: 400,
    en: 'The request body is not valid JSON.',
    ar: 'محتوى الطلب ليس بصيغة JSON صحيحة.',
  },
  'request.body_too_large': {
    status: 413,
    en: 'The request body is larger than the {limit}-byte limit.',
    ar: 'حجم محتوى الطلب أكبر من الحد المسموح ({limit} بايت).',
  },
  'request.unsupported_media_type': {
    status: 415,
    en: 'This content type is not accepted here; send {accepted}.',
    ar: 'نوع المحتوى غير مقبول هنا؛ أرسل {accepted}.',
  },
  'request.too_deep': {
    status: 400,
    en: 'The request body is nested deeper than {limit} levels.',
    ar: 'محتوى الطلب متداخل لأكثر من {limit} مستوى.',
  },
  'request.ill_formed_text': {
    status: 400,
    en: 'The field {field} holds characters that are not well-formed text.',
    ar: 'الحقل {field} يحتوي على محارف نصية غير سليمة.',
  },
  'request.malformed_multipart': {
    status: 400,
    en: 'The uploaded form is malformed: send multipart/form-data with a boundary and one file.',
    ar: 'نموذج الرفع غير سليم: أرسل multipart/form-data مع حدٍّ فاصل وملف واحد.',
  },
  'request.header_too_large': {
    status: 431,
    en: 'The address or the headers of this request are too long.',
    ar: 'عنوان هذا الطلب أو ترويساته أطول من المسموح.',
  },
  'request.timeout': {
    status: 408,
    en: 'The request took too long to arrive. Please try again.',
    ar: 'استغرق وصول الطلب وقتًا طويلًا. يرجى المحاولة مرة أخرى.',
  },
  'request.unreadable': {
    status: 400,
    en: 'The request could not be read.',
    ar: 'تعذرت قراءة الطلب.',
  },
  'request.conflict': {
    status: 409,
    en: 'This conflicts with something that already exists or was changed at the same moment. Reload and try again.',
    ar: 'يتعارض هذا مع بيانات موجودة أو تغيرت في اللحظة نفسها. أعد التحميل وحاول مرة أخرى.',
  },
  'request.invalid_value': {
    status: 400,
    en: 'A value in this request cannot be stored.',
    ar: 'في هذا الطلب قيمة لا يمكن حفظها.',
  },
  'request.uri_too_long': {
    status: 414,
    en: 'A part of this address is too long.',
    ar: 'جزء من هذا العنوان طويل جدًا.',
  },
  'request.bad_url': {
    status: 400,
    en: 'This address is malformed.',
    ar: 'هذا العنوان غير صحيح الصيغة.',
  },
  'request.not_found': {
    status: 404,
    en: 'There is nothing at this address.',
    ar: 'لا يوجد شيء في هذا العنوان.',
  },
  'request.method_not_allowed': {
    status: 405,
    en: 'This method is not allowed here; this address takes {allowed}.',
    ar: 'هذه الطريقة غير مسموح بها هنا؛ هذا العنوان يقبل {allowed}.',
  },
  'request.rate_limited': {
    status: 429,
    en: 'Too many requests. Try again in {retryAfter} seconds.',
    ar: 'طلبات كثيرة جدًا. حاول مرة أخرى بعد {retryAfter} ثانية.',
  },
  'internal.unexpected': {
    status: 500,
    en: 'Something went wrong on our side. The error was recorded; please try again.',
    ar: 'حدث خطأ من جهتنا وتم تسجيله. يرجى المحاولة مرة أخرى.',
  },
  'service.unavailable': {
    status: 503,
    en: 'The service is not ready: {reason}',
    ar: 'الخدمة غير جاهزة: {reason}',
  },

  // Authentication and authorization
  'auth.unauthenticated': {
    status: 401,
    en: 'Sign in to continue.',
    ar: 'يرجى تسجيل الدخول للمتابعة.',
  },
  'auth.invalid_credentials': {
    status: 401,
    en: 'The email or password is not correct.',
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  },
  'auth.session_invalid': {
    status: 401,
    en: 'Your session has expired or is not valid. Please sign in again.',
    ar: 'انتهت صلاحية الجلسة أو أنها غير صالحة. يرجى تسجيل الدخول مجددًا.',
  },
  'auth.forbidden': {
    status: 403,
    en: 'You are not allowed to do this.',
    ar: 'ليس لديك صلاحية للقيام بهذا.',
  },
  'auth.email_not_verified': {
    status: 403,
    en: 'Please verify your email address first; we sent you a link.',
    ar: 'يرجى تأكيد بريدك الإلكتروني أولًا؛ لقد أرسلنا إليك رابطًا.',
  },
  'auth.account_disabled': {
    status: 403,
    en: 'This account is disabled. Contact the ministry support desk.',
    ar: 'هذا الحساب معطل. تواصل مع مكتب دعم الوزارة.',
  },
  'auth.too_many_failures': {
    status: 429,
    en: 'Too many failed sign-ins. Try again in {retryAfter} seconds.',
    ar: 'محاولات دخول فاشلة كثيرة. حاول مرة أخرى بعد {retryAfter} ثانية.',
  },
  'auth.token_invalid': {
    status: 400,
    en: 'This link is not valid or has expired. Ask for a new one.',
    ar: 'هذا الرابط غير صالح أو انتهت صلاحيته. اطلب رابطًا جديدًا.',
  },

  // Accounts
  'account.email_taken': {
    status: 409,
    en: 'An account with this email already exists. Sign in or reset your password.',
    ar: 'يوجد حساب بهذا البريد الإلكتروني. سجّل الدخول أو أعد تعيين كلمة المرور.',
  },
  'account.password_too_weak': {
    status: 400,
    en: 'The password is too weak: use at least 10 characters and avoid common passwords.',
    ar: 'كلمة المرور ضعيفة: استخدم 10 أحرف على الأقل وتجنب كلمات المرور الشائعة.',
  },
  'account.not_found': {
    status: 404,
    en: 'No such account.',
    ar: 'لا يوجد حساب كهذا.',
  },
  'account.binding_required': {
    status: 400,
    en: 'A {role} account must be bound to a {binding}.',
    ar: 'يجب ربط حساب {role} بـ {binding}.',
  },
  'account.binding_not_allowed': {
    status: 400,
    en: 'A {role} account cannot be bound to a {binding}.',
    ar: 'لا يمكن ربط حساب {role} بـ {binding}.',
  },
  'account.unknown_country': {
    status: 400,
    en: 'Unknown country code: {country}.',
    ar: 'رمز دولة غير معروف: {country}.',
  },
  'account.cannot_disable_self': {
    status: 409,
    en: 'You cannot disable your own account.',
    ar: 'لا يمكنك تعطيل حسابك.',
  },

  // Providers and licensing
  'provider.applicant_not_eligible': {
    status: 409,
    en: 'Only a personal account that is not yet staff of a provider can apply for a licence.',
    ar: 'يمكن التقدم بطلب الترخيص من حساب شخصي غير مرتبط بمقدم خدمة فقط.',
  },
  'provider.duplicate_registration': {
    status: 409,
    en: 'A provider with this {field} is already registered.',
    ar: 'يوجد مقدم خدمة مسجل بهذا {field}.',
    terms: {
      field: {
        cr_number: { en: 'commercial registration number', ar: 'رقم السجل التجاري' },
        licence_number: { en: 'licence number', ar: 'رقم الترخيص' },
        registration: { en: 'commercial registration or licence number', ar: 'رقم السجل التجاري أو الترخيص' },
      },
    },
  },
  'provider.not_found': {
    status: 404,
    en: 'No such provider.',
    ar: 'لا يوجد مقدم خدمة كهذا.',
  },
  'provider.transition_not_allowed': {
    status: 409,
    en: 'A provider whose licence is {status} cannot be {action}.',
    ar: 'لا يمكن تنفيذ الإجراء ({action}) على مقدم خدمة حالة ترخيصه: {status}.',
  },
  'provider.invalid_licence_dates': {
    status: 400,
    en: 'The licence must end after it starts.',
    ar: 'يجب أن ينتهي الترخيص بعد تاريخ بدايته.',
  },
  'provider.not_licensed': {
    status: 409,
    en: 'Your provider is not licensed today ({status}); it cannot publish or sell.',
    ar: 'مقدم الخدمة غير مرخص اليوم ({status})؛ لا يمكنه النشر أو البيع.',
  },
  'provider.member_role_required': {
    status: 403,
    en: 'This needs the {roles} role in your provider.',
    ar: 'يتطلب هذا دور {roles} لدى مقدم الخدمة.',
  },

  // Packages and catalogue
  'package.not_found': {
    status: 404,
    en: 'No such package.',
    ar: 'لا توجد باقة كهذه.',
  },
  'package.invalid_price': {
    status: 400,
    en: 'The price list is not acceptable: {problem}.',
    ar: 'قائمة الأسعار غير مقبولة: {problem}.',
  },
  'package.unknown_country': {
    status: 400,
    en: 'Unknown country code in the eligible countries: {country}.',
    ar: 'رمز دولة غير معروف في الدول المؤهلة: {country}.',
  },
  'package.departure_city_rule': {
    status: 400,
    en: 'A dedicated package (group flight included) needs a departure city; a general package has none.',
    ar: 'تحتاج الباقة المخصصة (مع رحلة جماعية) إلى مدينة مغادرة، ولا تحتاجها الباقة العامة.',
  },
  'package.transition_not_allowed': {
    status: 409,
    en: 'A {status} package cannot be {action}.',
    ar: 'لا يمكن تنفيذ الإجراء ({action}) على باقة حالتها: {status}.',
  },
  'package.capacity_below_taken': {
    status: 409,
    en: 'Capacity cannot go below the {taken} seats already taken.',
    ar: 'لا يمكن أن تقل السعة عن {taken} مقعدًا محجوزًا بالفعل.',
  },
  'package.compare_limit': {
    status: 400,
    en: 'Compare between 2 and {max} packages.',
    ar: 'قارن بين باقتين و{max} باقات.',
  },

  // Provider integrations
  'auth.api_scope_missing': {
    status: 403,
    en: 'This API key does not have the {scope} scope.',
    ar: 'مفتاح الواجهة البرمجية هذا لا يملك الصلاحية {scope}.',
  },
  'integration.invalid_url': {
    status: 400,
    en: 'This webhook address is not accepted ({problem}); use https to a public host.',
    ar: 'عنوان خطاف الويب هذا غير مقبول ({problem})؛ استخدم https إلى خادم عام.',
  },
  'integration.not_found': {
    status: 404,
    en: 'No such API key, webhook or delivery.',
    ar: 'لا يوجد مفتاح أو خطاف ويب أو عملية تسليم كهذه.',
  },

  // Seasons, programme countries, quotas, eligibility
  'season.not_found': {
    status: 404,
    en: 'No such season.',
    ar: 'لا يوجد موسم كهذا.',
  },
  'season.calendar_out_of_order': {
    status: 400,
    en: 'The calendar is out of order: {earlier} must come before {later}.',
    ar: 'تواريخ التقويم غير مرتبة: يجب أن يسبق {earlier} {later}.',
    terms: { earlier: calendarFieldTerms, later: calendarFieldTerms },
  },
  'season.wrong_hijri_year': {
    status: 400,
    en: 'The reference day {referenceDate} falls in {year}H, not in the season {season}.',
    ar: 'يقع اليوم المرجعي {referenceDate} في عام {year}هـ، لا في موسم {season}.',
  },
  'season.invalid_date': {
    status: 400,
    en: 'Not a real calendar date: {date}.',
    ar: 'ليس تاريخًا صحيحًا في التقويم: {date}.',
  },
  'season.phase_closed': {
    status: 409,
    en: 'This cannot be done now: the season is in its {phase} phase.',
    ar: 'لا يمكن القيام بهذا الآن: الموسم في مرحلة {phase}.',
  },
  'season.country_not_in_programme': {
    status: 400,
    en: '{country} is not a country of the direct programme.',
    ar: '{country} ليست من دول البرنامج المباشر.',
  },
  'season.country_has_quota': {
    status: 409,
    en: '{country} still has seats in season {season}; set its quota to 0 first.',
    ar: 'لا تزال لـ {country} مقاعد في موسم {season}؛ اجعل حصتها صفرًا أولًا.',
  },
  'season.invalid_csv': {
    status: 400,
    en: 'Line {line} of the file is not valid: {problem}. Nothing was imported.',
    ar: 'السطر {line} في الملف غير صالح: {problem}. لم يُستورد شيء.',
  },

  // Pilgrim profiles and documents
  'pilgrim.profile_missing': {
    status: 404,
    en: 'Fill in your profile first.',
    ar: 'أكمل ملفك الشخصي أولًا.',
  },
  'pilgrim.documents_awaited': {
    status: 409,
    en: 'Before {step}, these documents must be approved: {missing}. Upload what is missing; a reviewer approves it.',
    ar: 'قبل {step} يجب اعتماد هذه المستندات: {missing}. ارفع الناقص منها ليعتمده المراجع.',
    terms: {
      step: {
        accept_offer: { en: 'accepting or paying an offer', ar: 'قبول العرض أو دفعه' },
        visa: { en: 'the visa', ar: 'التأشيرة' },
      },
      missing: documentTerms,
    },
  },
  'pilgrim.passport_taken': {
    status: 409,
    en: 'This passport is already registered on another account. Contact support if it is yours.',
    ar: 'جواز السفر هذا مسجل في حساب آخر. تواصل مع الدعم إن كان جوازك.',
  },
  'pilgrim.residence_not_in_programme': {
    status: 400,
    en: 'Residents of {country} are not served by the direct programme this season.',
    ar: 'المقيمون في {country} غير مشمولين بالبرنامج المباشر هذا الموسم.',
  },
  'pilgrim.version_conflict': {
    status: 409,
    en: 'Someone changed this profile in the meantime (version {current}). Reload it and try again.',
    ar: 'عدّل شخص آخر هذا الملف في الأثناء (الإصدار {current}). أعد تحميله وحاول مجددًا.',
  },
  'document.wrong_type': {
    status: 415,
    en: 'This file is not accepted for a {type}: send {accepted}.',
    ar: 'هذا الملف غير مقبول لـ {type}: أرسل {accepted}.',
  },
  'document.too_large': {
    status: 413,
    en: 'The file is larger than {limit} MB.',
    ar: 'حجم الملف أكبر من {limit} ميغابايت.',
  },
  'document.missing_file': {
    status: 400,
    en: 'Attach one file in a multipart/form-data field named "file".',
    ar: 'أرفق ملفًا واحدًا في حقل multipart/form-data باسم "file".',
  },
  'document.not_found': {
    status: 404,
    en: 'No such document.',
    ar: 'لا توجد وثيقة كهذه.',
  },
  'document.already_reviewed': {
    status: 409,
    en: 'This document was already reviewed ({status}).',
    ar: 'تمت مراجعة هذه الوثيقة بالفعل ({status}).',
  },

  // Family applications and preferences
  'application.not_found': {
    status: 404,
    en: 'No such application.',
    ar: 'لا يوجد طلب كهذا.',
  },
  'application.already_applied': {
    status: 409,
    en: '{name} is already in an application for this season.',
    ar: '{name} مسجل بالفعل في طلب لهذا الموسم.',
  },
  'application.admin_only': {
    status: 403,
    en: 'Only the family admin can change the application.',
    ar: 'لا يغيّر الطلب إلا مسؤول العائلة.',
  },
  'application.member_not_found': {
    status: 404,
    en: 'No registered pilgrim with a completed profile uses this email.',
    ar: 'لا يوجد حاج مسجل بملف مكتمل بهذا البريد الإلكتروني.',
  },
  'application.family_rule': {
    status: 409,
    en: 'This member cannot join: {problem}.',
    ar: 'لا يمكن إضافة هذا العضو: {problem}.',
  },
  'application.ranking_rule': {
    status: 400,
    en: 'This ranking is not accepted: {problem}.',
    ar: 'هذا الترتيب غير مقبول: {problem}.',
  },
  'application.version_conflict': {
    status: 409,
    en: 'The application changed in the meantime (version {current}). Reload it and try again.',
    ar: 'تغيّر الطلب في الأثناء (الإصدار {current}). أعد تحميله وحاول مجددًا.',
  },
} as const satisfies Record<string, ErrorCodeSpec>;

export const errorCodes = { ...baseErrorCodes, ...allocationErrorCodes };
export type ErrorCode = keyof typeof errorCodes;
