import { describe, expect, it } from 'vitest';
import { checkAnswers, questionnaireProblems, textIn, type Questionnaire } from './questionnaire.ts';

const q: Questionnaire = {
  stage: 'departure',
  title: { ar: 'استبيان المغادرة', en: 'Departure survey' },
  questions: [
    { id: 'overall', type: 'csat', text: { ar: 'الرضا العام', en: 'Overall' }, required: true, headline: true },
    { id: 'housing', type: 'csat', text: { ar: 'السكن', en: 'Housing' }, required: false, stage: 'makkah_housing' },
    { id: 'recommend', type: 'nps', text: { ar: 'التوصية', en: 'Recommend' }, required: true },
    { id: 'mode', type: 'single', text: { ar: 'الوسيلة', en: 'Mode' }, required: false, options: [{ id: 'bus', text: { en: 'Bus' } }, { id: 'train', text: { en: 'Train' } }] },
    { id: 'liked', type: 'multiple', text: { ar: 'ما أعجبك', en: 'Liked' }, required: false, options: [{ id: 'food', text: { en: 'Food' } }, { id: 'guide', text: { en: 'Guide' } }] },
    { id: 'comment', type: 'text', text: { ar: 'تعليق', en: 'Comment' }, required: false },
  ],
};

describe('an answer sheet is checked against its questionnaire', () => {
  it.each([
    ['a complete sheet gives its figures', { overall: 4, housing: 2, recommend: 9, mode: 'bus', liked: ['food'], comment: ' Good ' }, { csat: 4, nps: 9, stageScores: [{ stage: 'departure', csat: 4 }, { stage: 'makkah_housing', csat: 2 }], freeText: 'Good', photos: [] }],
    ['optional questions may be left out', { overall: 5, recommend: 0 }, { csat: 5, nps: 0, stageScores: [{ stage: 'departure', csat: 5 }], freeText: null, photos: [] }],
  ] as const)('%s', (_rule, answers, sheet) => {
    expect(checkAnswers(q, answers as never)).toEqual({ ok: true, sheet });
  });

  it.each([
    ['a required question left out', { recommend: 5 }, { question: 'overall', problem: 'required' }],
    ['a CSAT above 5', { overall: 6, recommend: 5 }, { question: 'overall', problem: 'out_of_range' }],
    ['an NPS below 0', { overall: 3, recommend: -1 }, { question: 'recommend', problem: 'out_of_range' }],
    ['a CSAT that is not a whole number', { overall: 3.5, recommend: 5 }, { question: 'overall', problem: 'wrong_type' }],
    ['a choice not in the list', { overall: 3, recommend: 5, mode: 'camel' }, { question: 'mode', problem: 'unknown_option' }],
    ['the same choice twice', { overall: 3, recommend: 5, liked: ['food', 'food'] }, { question: 'liked', problem: 'unknown_option' }],
    ['a question that is not asked', { overall: 3, recommend: 5, extra: 1 }, { question: 'extra', problem: 'unknown_question' }],
    ['free text past 2,000 characters', { overall: 3, recommend: 5, comment: 'x'.repeat(2001) }, { question: 'comment', problem: 'too_long' }],
  ] as const)('refuses %s', (_rule, answers, problem) => {
    expect(checkAnswers(q, answers as never)).toEqual({ ok: false, problem });
  });
});

describe('texts fall back, and say so', () => {
  it.each([
    ['the reader\'s language first', { ar: 'أ', en: 'a', fr: 'à' }, 'fr', { text: 'à', language: 'fr', fallback: false }],
    ['a regional tag finds its language', { ar: 'أ', en: 'a', fr: 'à' }, 'fr-SN', { text: 'à', language: 'fr', fallback: false }],
    ['a missing language falls back to Arabic, marked', { ar: 'أ', en: 'a' }, 'ur', { text: 'أ', language: 'ar', fallback: true }],
    ['then to English, marked', { en: 'a' }, 'ur', { text: 'a', language: 'en', fallback: true }],
    ['a left-to-right reader falls back to English first, marked', { ar: 'أ', en: 'a' }, 'id', { text: 'a', language: 'en', fallback: true }],
  ] as const)('%s', (_rule, texts, lang, expected) => {
    expect(textIn(texts, lang)).toEqual(expected);
  });
});

describe('a questionnaire is checked before it is published', () => {
  it.each([
    ['a sound one has no problems', q, []],
    ['a choice without options', { ...q, questions: [{ id: 'a', type: 'single', text: { ar: 'س', en: 'q' }, required: true }] }, ['a: a choice needs two options or more']],
    ['a headline that is not CSAT', { ...q, questions: [{ id: 'a', type: 'nps', text: { ar: 'س', en: 'q' }, required: true, headline: true }] }, ['a: only a CSAT question can be the headline']],
    ['a question without English', { ...q, questions: [{ id: 'a', type: 'csat', text: { ar: 'س' }, required: true }] }, ['a: Arabic and English are needed']],
  ] as const)('%s', (_rule, questionnaire, problems) => {
    expect(questionnaireProblems(questionnaire as Questionnaire)).toEqual(problems);
  });
});
