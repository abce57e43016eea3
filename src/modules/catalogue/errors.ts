import { registerErrors, type Terms } from '../../core/errors.ts';

const priceProblems: Terms = {
  no_lines: { en: 'it has no lines', ar: 'لا تحتوي على أي بند' },
  duplicate_component: { en: 'a component appears twice', ar: 'يتكرر فيها بند واحد' },
  zero_total: { en: 'every line is zero', ar: 'كل بنودها صفر' },
};
const packageStatuses: Terms = {
  draft: { en: 'draft', ar: 'مسودة' },
  published: { en: 'published', ar: 'منشورة' },
  closed: { en: 'closed', ar: 'مغلقة' },
};
const packageActions: Terms = {
  publish: { en: 'published', ar: 'نشر' },
  close: { en: 'closed', ar: 'إغلاق' },
  update: { en: 'edited', ar: 'تعديل' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const catalogueErrors = registerErrors({
  'package.not_found': { status: 404, en: 'No such package.', ar: 'لا توجد باقة كهذه.' },
  'package.invalid_price': { status: 400, en: 'The price list is not acceptable: {problem}.', ar: 'قائمة الأسعار غير مقبولة: {problem}.', terms: { problem: priceProblems } },
  'package.unknown_country': { status: 400, en: 'Unknown country code in the eligible countries: {country}.', ar: 'رمز دولة غير معروف في الدول المؤهلة: {country}.' },
  'package.departure_city_rule': { status: 400, en: 'A dedicated package (group flight included) needs a departure city; a general package has none.', ar: 'تحتاج الباقة المخصصة (مع رحلة جماعية) إلى مدينة مغادرة، ولا تحتاجها الباقة العامة.' },
  'package.transition_not_allowed': { status: 409, en: 'A {status} package cannot be {action}.', ar: 'لا يمكن {action} باقة حالتها «{status}».', terms: { status: packageStatuses, action: packageActions } },
  'package.capacity_below_taken': { status: 409, en: 'Capacity cannot go below the {taken} seats already taken.', ar: 'لا يمكن أن تقل السعة عن {taken} مقعدًا محجوزًا بالفعل.' },
  'package.compare_limit': { status: 400, en: 'Compare between 2 and {max} packages.', ar: 'قارن بين باقتين و{max} باقات.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof catalogueErrors, true> {}
}
