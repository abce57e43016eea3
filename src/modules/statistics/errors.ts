import { registerErrors, type Terms } from '../../core/errors.ts';

/** The breakdowns of a season's figures (data/hajj-seasons.json), and the totals they add up to. */
export const breakdownTerms: Terms = {
  residence: { en: 'residence (foreign and domestic)', ar: 'الإقامة (الخارج والداخل)' },
  gender: { en: 'gender', ar: 'الجنس' },
  foreignByRegion: { en: 'foreign pilgrims by region', ar: 'حجاج الخارج حسب المنطقة' },
  foreignByArrival: { en: 'foreign pilgrims by arrival mode', ar: 'حجاج الخارج حسب منفذ القدوم' },
  makkahRoute: { en: 'the Makkah Route', ar: 'طريق مكة' },
  total: { en: 'the total', ar: 'الإجمالي' },
  foreign: { en: 'the foreign total', ar: 'إجمالي حجاج الخارج' },
  air: { en: 'the air arrivals', ar: 'القادمين جوًا' },
};
const lineProblems: Terms = {
  not_csv: { en: 'it is not CSV', ar: 'ليس بصيغة CSV' },
  bad_header: { en: 'the first line must be "{value}"', ar: 'يجب أن يكون السطر الأول "{value}"' },
  bad_field: { en: '"{value}" is not a valid {field}', ar: '"{value}" ليست قيمة صالحة للحقل {field}' },
  unknown_country: { en: '"{value}" is not a country code', ar: '"{value}" ليس رمز دولة' },
  unknown_port: { en: '"{value}" is not a port of entry', ar: '"{value}" ليس منفذ دخول' },
  port_for_domestic: { en: 'a domestic pilgrim enters through no port', ar: 'حاج الداخل لا يدخل عبر منفذ' },
  no_port: { en: 'a pilgrim from abroad needs a port of entry', ar: 'حاج الخارج يحتاج إلى منفذ دخول' },
  wrong_residence: { en: 'this channel records only {value} pilgrims', ar: 'هذه القناة تسجل حجاج {value} فقط' },
  makkah_route_not_air: { en: 'the Makkah Route is only for arrivals by air', ar: 'طريق مكة للقادمين جوًا فقط' },
  makkah_route_country: { en: 'the Makkah Route does not serve {value} this season', ar: 'طريق مكة لا يخدم {value} في هذا الموسم' },
  date_outside_season: { en: '{value} is outside the season', ar: '{value} خارج الموسم' },
  duplicate: { en: 'the same pilgrim appears earlier in the batch', ar: 'الحاج نفسه مذكور في سطر سابق من الدفعة' },
  already_recorded: { en: 'this pilgrim is already recorded for the season', ar: 'هذا الحاج مسجل بالفعل في الموسم' },
  not_recorded: { en: 'this pilgrim has no arrival record in the season', ar: 'لا يوجد سجل قدوم لهذا الحاج في الموسم' },
  already_departed: { en: 'this pilgrim\'s departure is already recorded', ar: 'مغادرة هذا الحاج مسجلة بالفعل' },
  departure_before_arrival: { en: 'the departure comes before the arrival', ar: 'تاريخ المغادرة يسبق تاريخ القدوم' },
  departure_for_domestic: { en: 'a domestic pilgrim does not leave through a port', ar: 'حاج الداخل لا يغادر عبر منفذ' },
  empty: { en: 'the batch holds no record', ar: 'الدفعة لا تحتوي على أي سجل' },
};
const figuresProblems: Terms = {
  not_json: { en: 'it is not JSON', ar: 'ليس بصيغة JSON' },
  no_seasons: { en: 'it has no "seasons" list', ar: 'لا يحتوي على قائمة "seasons"' },
  season_missing: { en: 'it has no entry for {season}', ar: 'لا يحتوي على بيانات الموسم {season}' },
  bad_field: { en: '{field} must be a whole number of people', ar: 'يجب أن يكون {field} عددًا صحيحًا من الأشخاص' },
  unknown_field: { en: '{field} is not a field of the format', ar: '{field} ليس من حقول الصيغة' },
  wrong_year: { en: 'gregorianYear {field} is not the year of the Day of Arafah of {season}', ar: 'السنة الميلادية {field} ليست سنة يوم عرفة لموسم {season}' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const statisticsErrors = registerErrors({
  'statistics.bad_season': { status: 400, en: '"{season}" is not a Hijri season such as 1444H.', ar: '"{season}" ليس موسمًا هجريًا مثل 1444H.' },
  'statistics.bad_figures': { status: 400, en: 'The figures file cannot be used: {problem}.', ar: 'لا يمكن استخدام ملف الأرقام: {problem}.', terms: { problem: figuresProblems } },
  'statistics.figures_do_not_add_up': {
    status: 400,
    en: '{breakdown} adds up to {sum}, which is {difference} off {total} ({expected}). Nothing was built.',
    ar: 'مجموع {breakdown} هو {sum}، بفارق {difference} عن {total} ({expected}). لم يُبنَ شيء.',
    terms: { breakdown: breakdownTerms, total: breakdownTerms },
  },
  'statistics.tables_do_not_add_up': { status: 500, en: 'The table {table} adds up to {sum}, not to its total {total}: the records are inconsistent.', ar: 'مجموع الجدول {table} هو {sum} وليس إجماليه {total}: السجلات غير متسقة.' },
  'statistics.makkah_route_infeasible': { status: 400, en: 'The Makkah Route count {makkahRoute} is more than the {capacity} air arrivals from its countries can hold.', ar: 'عدد طريق مكة {makkahRoute} أكبر مما يتسع له القادمون جوًا من دوله ({capacity}).' },
  'statistics.season_has_records': { status: 409, en: 'Season {season} already holds {records} records; replace them on purpose (--replace) or choose another season.', ar: 'يحتوي الموسم {season} على {records} سجلًا بالفعل؛ استبدلها عن قصد (--replace) أو اختر موسمًا آخر.' },
  'statistics.season_building': { status: 409, en: 'Season {season} is being built ({done} of {total} records); its tables come when it is complete.', ar: 'يجري بناء الموسم {season} ({done} من {total} سجلًا)؛ تظهر جداوله عند اكتماله.' },
  'statistics.no_records': { status: 404, en: 'There are no records for season {season}.', ar: 'لا توجد سجلات للموسم {season}.' },
  'statistics.bad_line': { status: 400, en: 'Line {line} of the batch is not valid: {problem}. Nothing was recorded.', ar: 'السطر {line} من الدفعة غير صالح: {problem}. لم يُسجل شيء.', terms: { problem: lineProblems } },
  'statistics.already_recorded': { status: 409, en: 'This pilgrim is already recorded for season {season}. Nothing was recorded.', ar: 'هذا الحاج مسجل بالفعل في الموسم {season}. لم يُسجل شيء.' },
  'statistics.booking_not_travelling': { status: 409, en: 'This booking is {status}: only a paid booking travels.', ar: 'هذا الحجز {status}: لا يسافر إلا الحجز المدفوع.' },
  'statistics.no_umrah_year': { status: 400, en: '{year} is not a year the Umrah statistics cover.', ar: '{year} ليست سنة تغطيها إحصاءات العمرة.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof statisticsErrors, true> {}
}
