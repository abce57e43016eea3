import { registerErrors, type Terms } from '../../core/errors.ts';

const answerProblems: Terms = {
  required: { en: 'it must be answered', ar: 'يجب الإجابة عنه' },
  unknown_question: { en: 'it is not in this survey', ar: 'ليس في هذا الاستبيان' },
  out_of_range: { en: 'the score is out of its scale', ar: 'الدرجة خارج مقياسها' },
  unknown_option: { en: 'the choice is not one of its options', ar: 'الاختيار ليس من خياراته' },
  wrong_type: { en: 'the answer is not of its kind', ar: 'الإجابة ليست من نوعه' },
  too_long: { en: 'the text is longer than 2,000 characters', ar: 'النص أطول من 2000 حرف' },
};

/** The error codes of the observatory (registered into the one registry, src/core/errors.ts). */
export const observatoryErrors = registerErrors({
  'survey.link_invalid': { status: 404, en: 'This survey link is not valid. Open the link from your message again.', ar: 'رابط الاستبيان هذا غير صالح. افتح الرابط من رسالتك مجددًا.' },
  'survey.link_expired': { status: 410, en: 'This survey closed on {expiredAt}. Thank you all the same.', ar: 'أُغلق هذا الاستبيان في {expiredAt}. شكرًا لك على أي حال.', dates: ['expiredAt'] },
  'survey.already_answered': { status: 409, en: 'This survey was already answered from this link; the first answer is kept.', ar: 'أُجيب عن هذا الاستبيان من هذا الرابط من قبل؛ وتُحفظ الإجابة الأولى.' },
  'survey.bad_answer': { status: 400, en: 'The answer to "{question}" is not accepted: {problem}.', ar: 'الإجابة عن "{question}" غير مقبولة: {problem}.', terms: { problem: answerProblems } },
  'survey.bad_questionnaire': { status: 400, en: 'This questionnaire cannot be published: {problems}.', ar: 'لا يمكن نشر هذا الاستبيان: {problems}.' },
  'survey.photo_type': { status: 415, en: 'Send the photo as JPEG or PNG.', ar: 'أرسل الصورة بصيغة JPEG أو PNG.' },
  'survey.photo_too_large': { status: 413, en: 'A photo is at most {maxMb} MB.', ar: 'حجم الصورة {maxMb} ميغابايت على الأكثر.' },
  'survey.not_found': { status: 404, en: 'There is no such questionnaire.', ar: 'لا يوجد استبيان بهذا المعرف.' },
  'observatory.unknown_dimension': { status: 400, en: 'Indicators are given by provider, package, stage, country or language.', ar: 'تُعرض المؤشرات حسب مقدم الخدمة أو الباقة أو المرحلة أو الدولة أو اللغة.' },
  'inspection.checklist_not_found': { status: 404, en: 'There is no active checklist for this kind of place.', ar: 'لا توجد قائمة تحقق فعالة لهذا النوع من الأماكن.' },
  'inspection.photo_not_found': { status: 422, en: 'A photo named by this inspection was not uploaded by you.', ar: 'صورة مذكورة في هذا التقرير لم ترفعها أنت.' },
  'inspection.bad_answers': { status: 400, en: 'The checklist answers do not match its items.', ar: 'إجابات قائمة التحقق لا تطابق بنودها.' },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof observatoryErrors, true> {}
}
