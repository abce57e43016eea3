import { registerErrors, type Terms } from '../../core/errors.ts';

/** The states of a draw. */
const drawStates: Terms = {
  none: { en: 'not frozen yet', ar: 'لم تُجمَّد بعد' },
  frozen: { en: 'frozen', ar: 'مجمدة' },
  seeded: { en: 'seeded with the public value', ar: 'أُدخلت قيمتها العشوائية العامة' },
  drawn: { en: 'drawn', ar: 'أُجريت' },
  published: { en: 'published', ar: 'منشورة' },
};
const poolProblems: Terms = {
  bad_code: { en: 'the pool code "{pool}" is not accepted', ar: 'رمز المجموعة "{pool}" غير مقبول' },
  unknown_pool: { en: 'there is no pool "{pool}"', ar: 'لا توجد مجموعة "{pool}"' },
  duplicate_pool: { en: 'the pool {pool} appears twice', ar: 'تتكرر المجموعة {pool}' },
  bad_share: { en: 'the share of {pool} must be more than 0 and less than the whole', ar: 'يجب أن تكون حصة {pool} أكبر من صفر وأقل من الكل' },
  shares_over_whole: { en: 'the reserved shares add up to more than the whole', ar: 'مجموع الحصص المحجوزة أكبر من الكل' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const drawErrors = registerErrors({
  'draw.not_found': { status: 404, en: 'There is no draw for this season yet.', ar: 'لا توجد قرعة لهذا الموسم بعد.' },
  'draw.wrong_state': { status: 409, en: 'The draw is {state}; this step needs it to be {needed}.', ar: 'القرعة {state}؛ وهذه الخطوة تتطلب أن تكون {needed}.', terms: { state: drawStates, needed: drawStates } },
  'draw.already_frozen': { status: 409, en: 'The applications of this season are already frozen.', ar: 'طلبات هذا الموسم مجمدة بالفعل.' },
  'draw.random_value_set': { status: 409, en: 'The public random value was already entered and cannot be changed. The attempt is recorded.', ar: 'أُدخلت القيمة العشوائية العامة من قبل ولا يمكن تغييرها. وقد سُجلت هذه المحاولة.' },
  'draw.bad_pools': { status: 400, en: 'The pools are not valid: {problem}.', ar: 'المجموعات غير صالحة: {problem}.', terms: { problem: poolProblems } },
  'draw.no_quotas': { status: 409, en: 'Set the country quotas before freezing.', ar: 'حدد حصص الدول قبل التجميد.' },
  'draw.capacity_changed': { status: 409, en: 'A package or quota shrank below the seats the draw gives it ({key}); restore it before publishing.', ar: 'انخفضت سعة باقة أو حصة عن المقاعد التي منحتها القرعة ({key})؛ أعدها قبل النشر.' },
  'draw.not_published': { status: 404, en: 'The results are not published yet.', ar: 'لم تُنشر النتائج بعد.' },
  'draw.not_entered': { status: 404, en: 'This application is not in the draw.', ar: 'هذا الطلب غير مشمول في القرعة.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof drawErrors, true> {}
}
