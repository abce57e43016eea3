import { registerErrors, termSet } from '../../core/errors.ts';

const answerProblems = termSet('observatory.answerProblems');

/** The error codes of the observatory (registered into the one registry, src/core/errors.ts). */
export const observatoryErrors = registerErrors({
  'survey.link_invalid': { status: 404 },
  'survey.link_expired': { status: 410, dates: ['expiredAt'] },
  'survey.already_answered': { status: 409 },
  'survey.bad_answer': { status: 400, terms: { problem: answerProblems } },
  'survey.bad_questionnaire': { status: 400 },
  'survey.photo_type': { status: 415 },
  'survey.photo_too_large': { status: 413 },
  'survey.not_found': { status: 404 },
  'observatory.unknown_dimension': { status: 400 },
  'inspection.checklist_not_found': { status: 404 },
  'inspection.photo_not_found': { status: 422 },
  'inspection.bad_answers': { status: 400 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof observatoryErrors, true> {}
}
