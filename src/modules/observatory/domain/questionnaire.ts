import { directionOf, isLocale } from '../../../common/i18n.ts';
/**
 * A questionnaire as data, and the check of an answer sheet against it. Pure: written by hand
 * because the rules (CSAT 1–5, NPS 0–10, choices from the list, the photo optional) are ours.
 *
 * Every text is per language; `textIn` answers the reader's language or the fallback, and says
 * which (a screen marks a fallback so a reader knows the question was not translated).
 */
export const stages = ['application_booking', 'arrival', 'makkah_housing', 'mina_arafat', 'transport', 'madinah', 'departure', 'umrah_permit', 'umrah_visit', 'rawdah'] as const;
export type Stage = (typeof stages)[number];
export const questionTypes = ['csat', 'nps', 'single', 'multiple', 'text', 'photo'] as const;
export type QuestionType = (typeof questionTypes)[number];
export type Texts = Record<string, string>;

export interface Question {
  id: string;
  type: QuestionType;
  text: Texts;
  required: boolean;
  /** The stage a CSAT question measures (a season's survey asks about several); defaults to the questionnaire's. */
  stage?: Stage;
  /** The one CSAT question whose answer is the response's headline satisfaction. */
  headline?: boolean;
  options?: { id: string; text: Texts }[];
}

export interface Questionnaire {
  stage: Stage;
  title: Texts;
  questions: Question[];
}

/** Text in the reader's language, else Arabic (a right-to-left reader) or English, then the other; `fallback` set when it is not the reader's. */
export function textIn(texts: Texts, language: string): { text: string; language: string; fallback: boolean } {
  const base = language.split('-')[0]!;
  const rtl = isLocale(base) && directionOf(base) === 'rtl';
  for (const lang of [language, base, ...(rtl ? ['ar', 'en'] : ['en', 'ar'])]) {
    const t = texts[lang];
    if (t) return { text: t, language: lang, fallback: lang !== language && lang !== base };
  }
  const [lang = '', text = ''] = Object.entries(texts)[0] ?? [];
  return { text, language: lang, fallback: true };
}

export type Answer = number | string | string[];
export type AnswerProblem = { question: string; problem: 'required' | 'unknown_question' | 'out_of_range' | 'unknown_option' | 'wrong_type' | 'too_long' };

export interface CheckedSheet {
  csat: number | null;
  nps: number | null;
  stageScores: { stage: Stage; csat: number }[];
  freeText: string | null;
  photos: string[];
}

const MAX_TEXT = 2000;

/**
 * Checks answers against the questionnaire: every required question answered, each answer of its
 * question's type and range, no question that is not in it. Answers the first problem, or the
 * sheet's figures: the headline CSAT, the NPS, CSAT per stage, the free text.
 */
export function checkAnswers(q: Questionnaire, answers: Record<string, Answer>): { ok: true; sheet: CheckedSheet } | { ok: false; problem: AnswerProblem } {
  const byId = new Map(q.questions.map((x) => [x.id, x]));
  for (const id of Object.keys(answers)) if (!byId.has(id)) return { ok: false, problem: { question: id, problem: 'unknown_question' } };
  const sheet: CheckedSheet = { csat: null, nps: null, stageScores: [], freeText: null, photos: [] };
  const texts: string[] = [];
  for (const question of q.questions) {
    const a = answers[question.id];
    if (a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0)) {
      if (question.required) return { ok: false, problem: { question: question.id, problem: 'required' } };
      continue;
    }
    const bad = (problem: AnswerProblem['problem']) => ({ ok: false as const, problem: { question: question.id, problem } });
    switch (question.type) {
      case 'csat':
      case 'nps': {
        const [min, max] = question.type === 'csat' ? [1, 5] : [0, 10];
        if (typeof a !== 'number' || !Number.isInteger(a)) return bad('wrong_type');
        if (a < min || a > max) return bad('out_of_range');
        if (question.type === 'nps') sheet.nps ??= a;
        else {
          if (question.headline || sheet.csat === null) sheet.csat = question.headline ? a : (sheet.csat ?? a);
          const stage = question.stage ?? q.stage;
          if (!sheet.stageScores.some((s) => s.stage === stage)) sheet.stageScores.push({ stage, csat: a });
        }
        break;
      }
      case 'single':
        if (typeof a !== 'string') return bad('wrong_type');
        if (!question.options?.some((o) => o.id === a)) return bad('unknown_option');
        break;
      case 'multiple':
        if (!Array.isArray(a) || a.some((x) => typeof x !== 'string')) return bad('wrong_type');
        if (a.some((x) => !question.options?.some((o) => o.id === x)) || new Set(a).size !== a.length) return bad('unknown_option');
        break;
      case 'text':
        if (typeof a !== 'string') return bad('wrong_type');
        if (a.length > MAX_TEXT) return bad('too_long');
        texts.push(a.trim());
        break;
      case 'photo':
        if (typeof a !== 'string' || !/^[0-9a-f-]{36}$/.test(a)) return bad('wrong_type');
        sheet.photos.push(a);
        break;
    }
  }
  const headline = q.questions.find((x) => x.headline);
  if (headline && typeof answers[headline.id] === 'number') sheet.csat = answers[headline.id] as number;
  sheet.freeText = texts.filter(Boolean).join('\n\n') || null;
  return { ok: true, sheet };
}

/** Problems in a questionnaire itself (the ministry's upload): ids unique, choices with options, one headline at most, texts in Arabic and English. */
export function questionnaireProblems(q: Questionnaire): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (!q.title.ar || !q.title.en) problems.push('title: Arabic and English are needed');
  for (const x of q.questions) {
    if (ids.has(x.id)) problems.push(`${x.id}: the id is used twice`);
    ids.add(x.id);
    if (!x.text.ar || !x.text.en) problems.push(`${x.id}: Arabic and English are needed`);
    if ((x.type === 'single' || x.type === 'multiple') && !(x.options && x.options.length >= 2)) problems.push(`${x.id}: a choice needs two options or more`);
    if (x.headline && x.type !== 'csat') problems.push(`${x.id}: only a CSAT question can be the headline`);
  }
  if (q.questions.filter((x) => x.headline).length > 1) problems.push('more than one headline question');
  if (q.questions.length === 0) problems.push('no questions');
  return problems;
}
