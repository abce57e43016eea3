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
  bad_share: { en: 'the share of {pool} must be a whole number of basis points from 1 to 9999', ar: 'يجب أن تكون حصة {pool} عددًا صحيحًا من نقاط الأساس بين 1 و9999' },
  inexact_share: { en: 'the share of {pool} has no exact value in basis points (hundredths of a percent); give it as shareBps', ar: 'ليست لحصة {pool} قيمة دقيقة بنقاط الأساس (أجزاء المئة من المئة)؛ أدخلها في shareBps' },
  two_shares: { en: 'give the share of {pool} once, as share or as shareBps', ar: 'أدخل حصة {pool} مرة واحدة، في share أو في shareBps' },
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
  'draw.retired_format': { status: 409, en: 'This draw was made under {algorithm}, a format retired before any real season; its files are not served. Freeze the season again on a new database.', ar: 'أُجريت هذه القرعة بصيغة {algorithm} التي أُوقفت قبل أي موسم فعلي؛ فلا تُقدَّم ملفاتها. جمّد الموسم من جديد على قاعدة بيانات جديدة.' },
  'draw.unknown_beacon': { status: 400, en: 'There is no beacon "{chain}" here.', ar: 'لا توجد منارة عشوائية باسم "{chain}" هنا.' },
  'draw.source_in_past': { status: 400, en: 'The declared value must be published after the freeze; {at} has passed.', ar: 'يجب أن تُنشر القيمة المعلنة بعد التجميد؛ وقد مضى {at}.', dates: ['at'] },
  'draw.round_required': { status: 400, en: 'This draw\'s random value is round {round} of {chain}: enter the round number and its signature.', ar: 'القيمة العشوائية لهذه القرعة هي الجولة {round} من {chain}: أدخل رقم الجولة وتوقيعها.' },
  'draw.wrong_round': { status: 409, en: 'The commitment named round {named} of {chain}; round {round} is refused. The attempt is recorded.', ar: 'سمّى الالتزام الجولة {named} من {chain}؛ فرُفضت الجولة {round}. وقد سُجلت المحاولة.' },
  'draw.round_not_published': { status: 409, en: 'Round {round} is published at {at}; enter it after that. The attempt is recorded.', ar: 'تُنشر الجولة {round} في {at}؛ أدخلها بعد ذلك. وقد سُجلت المحاولة.', dates: ['at'] },
  'draw.bad_signature': { status: 422, en: 'This is not the signature of round {round} of {chain}: it does not verify against the beacon\'s public key. The attempt is recorded.', ar: 'هذا ليس توقيع الجولة {round} من {chain}: لا يتحقق بالمفتاح العام للمنارة. وقد سُجلت المحاولة.' },
  'draw.value_required': { status: 400, en: 'Enter the declared value and where it was published.', ar: 'أدخل القيمة المعلنة ومكان نشرها.' },
  'draw.value_not_ascii': { status: 400, en: 'Write the value in printable ASCII (Latin letters, digits, spaces and punctuation; at most 200 characters), exactly as the commitment describes it.', ar: 'اكتب القيمة بمحارف ASCII المطبوعة (حروف لاتينية وأرقام ومسافات وعلامات ترقيم؛ 200 محرف على الأكثر)، كما يصفها الالتزام تمامًا.' },
  'draw.value_not_published': { status: 409, en: 'The declared value is published after {at}; enter it after that. The attempt is recorded.', ar: 'تُنشر القيمة المعلنة بعد {at}؛ أدخلها بعد ذلك. وقد سُجلت المحاولة.', dates: ['at'] },
  'draw.root_mismatch': { status: 500, en: 'The entries stored for this draw do not hash to the Merkle root committed at the freeze (computed {computed}, committed {committed}): they were changed after the freeze, so the draw is not run. Restore the entries as frozen.', ar: 'لا تُنتج القيود المخزنة لهذه القرعة جذر ميركل المُلتزَم به عند التجميد (المحسوب {computed}، والمُلتزَم به {committed}): فقد غُيّرت بعد التجميد، فلا تُجرى القرعة. أعد القيود كما جُمّدت.' },
  'draw.not_entered': { status: 404, en: 'This application is not in the draw.', ar: 'هذا الطلب غير مشمول في القرعة.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof drawErrors, true> {}
}
