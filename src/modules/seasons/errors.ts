import { registerErrors, type Terms } from '../../core/errors.ts';

/** The names of a season's dates, for messages about its calendar. */
const calendarFieldTerms: Terms = {
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
/** A season's phases. */
export const phaseTerms: Terms = {
  not_open: { en: 'not yet open', ar: 'لم يبدأ بعد' },
  registration: { en: 'registration', ar: 'التسجيل' },
  preference: { en: 'preferences', ar: 'التفضيلات' },
  frozen: { en: 'frozen applications, before the draw', ar: 'تجميد الطلبات قبل القرعة' },
  offers: { en: 'offers', ar: 'العروض' },
  between: { en: 'the pause before the open sale', ar: 'الفترة السابقة للبيع المفتوح' },
  open_sale: { en: 'the open sale', ar: 'البيع المفتوح' },
  closed: { en: 'closed', ar: 'الإغلاق' },
};
const quotaCsvProblems: Terms = {
  not_csv: { en: 'it is not CSV', ar: 'ليس بصيغة CSV' },
  bad_header: { en: 'the first line must be "country,seats"', ar: 'يجب أن يكون السطر الأول "country,seats"' },
  unknown_country: { en: '"{value}" is not a country code', ar: '"{value}" ليس رمز دولة' },
  bad_seats: { en: 'seats must be a whole number from 0 to 1,000,000', ar: 'يجب أن تكون المقاعد عددًا صحيحًا من 0 إلى 1,000,000' },
  duplicate_country: { en: '{value} appears twice', ar: '{value} مذكورة مرتين' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const seasonErrors = registerErrors({
  'season.not_found': { status: 404, en: 'No such season.', ar: 'لا يوجد موسم كهذا.' },
  'season.calendar_out_of_order': { status: 400, en: 'The calendar is out of order: {earlier} must come before {later}.', ar: 'تواريخ التقويم غير مرتبة: يجب أن يسبق {earlier} {later}.', terms: { earlier: calendarFieldTerms, later: calendarFieldTerms } },
  'season.wrong_hijri_year': { status: 400, en: 'The reference day {referenceDate} falls in {year}H, not in the season {season}.', ar: 'يقع اليوم المرجعي {referenceDate} في عام {year}هـ، لا في موسم {season}.' },
  'season.invalid_date': { status: 400, en: 'Not a real calendar date: {date}.', ar: 'ليس تاريخًا صحيحًا في التقويم: {date}.' },
  'season.phase_closed': { status: 409, en: 'This cannot be done now: the season is in its phase of {phase}.', ar: 'لا يمكن القيام بهذا الآن: الموسم في مرحلة {phase}.', terms: { phase: phaseTerms } },
  'season.country_not_in_programme': { status: 400, en: '{country} is not a country of the direct programme.', ar: '{country} ليست من دول البرنامج المباشر.' },
  'season.country_has_quota': { status: 409, en: '{country} still has seats in season {season}; set its quota to 0 first.', ar: 'لا تزال لـ {country} مقاعد في موسم {season}؛ اجعل حصتها صفرًا أولًا.' },
  'season.invalid_csv': { status: 400, en: 'Line {line} of the file is not valid: {problem}. Nothing was imported.', ar: 'السطر {line} في الملف غير صالح: {problem}. لم يُستورد شيء.', terms: { problem: quotaCsvProblems } },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof seasonErrors, true> {}
}
