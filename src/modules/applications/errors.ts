import { registerErrors, type Terms } from '../../core/errors.ts';

const familyProblems: Terms = {
  family_full: { en: 'the family already has 8 people', ar: 'في العائلة 8 أفراد بالفعل' },
  different_country: { en: 'all members must live in the same country', ar: 'يجب أن يقيم جميع الأفراد في البلد نفسه' },
  already_member: { en: 'already in this family', ar: 'هو فرد في هذه العائلة بالفعل' },
};
/** Why a ranking (or a booking of one package) is refused; `{package}` and `{max}` come with the code. */
export const rankingProblems: Terms = {
  too_many: { en: 'at most {max} packages', ar: '{max} باقات على الأكثر' },
  duplicate: { en: 'a package appears twice', ar: 'تتكرر باقة مرتين' },
  not_on_sale: { en: 'the package {package} is not on sale', ar: 'الباقة {package} غير معروضة للبيع' },
  not_open_to_country: { en: 'the package {package} is not open to your country of residence', ar: 'الباقة {package} غير متاحة لبلد إقامتك' },
  too_small: { en: 'the package {package} has fewer seats than your family', ar: 'مقاعد الباقة {package} أقل من عدد أفراد عائلتك' },
  other_season: { en: 'the package {package} belongs to another season', ar: 'الباقة {package} تتبع موسمًا آخر' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const applicationErrors = registerErrors({
  'application.not_found': { status: 404, en: 'No such application.', ar: 'لا يوجد طلب كهذا.' },
  'application.already_applied': { status: 409, en: '{name} is already in an application for this season.', ar: '{name} مسجل بالفعل في طلب لهذا الموسم.' },
  'application.admin_only': { status: 403, en: 'Only the family admin can change the application.', ar: 'لا يغيّر الطلب إلا مسؤول العائلة.' },
  'application.member_not_found': { status: 404, en: 'No registered pilgrim with a completed profile uses this email.', ar: 'لا يوجد حاج مسجل بملف مكتمل بهذا البريد الإلكتروني.' },
  'application.family_rule': { status: 409, en: 'This member cannot join: {problem}.', ar: 'لا يمكن إضافة هذا العضو: {problem}.', terms: { problem: familyProblems } },
  'application.ranking_rule': { status: 400, en: 'This ranking is not accepted: {problem}.', ar: 'هذا الترتيب غير مقبول: {problem}.', terms: { problem: rankingProblems } },
  'application.version_conflict': { status: 409, en: 'The application changed in the meantime (version {current}). Reload it and try again.', ar: 'تغيّر الطلب في الأثناء (الإصدار {current}). أعد تحميله وحاول مجددًا.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof applicationErrors, true> {}
}
