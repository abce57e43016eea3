import { registerErrors, termSet } from '../../core/errors.ts';

export const actionTerms = termSet('complaints.actionTerms');
export const stateTerms = termSet('complaints.stateTerms');
const subjectProblems = termSet('complaints.subjectProblems');

/** The error codes of complaints (registered into the one registry, src/core/errors.ts). */
export const complaintErrors = registerErrors({
  'complaint.not_found': { status: 404 },
  'complaint.step_not_allowed': { status: 409, terms: { action: actionTerms, state: stateTerms } },
  'complaint.reopen_expired': { status: 409, dates: ['until'] },
  'complaint.bad_subject': { status: 400, terms: { problem: subjectProblems } },
  'complaint.provider_not_found': { status: 404 },
  'complaint.caller_not_found': { status: 404 },
  'complaint.already_rated': { status: 409 },
  'complaint.not_resolved': { status: 409 },
  'complaint.too_many': { status: 429 },
  'complaint.too_many_attachments': { status: 409 },
  'complaint.attachment_type': { status: 415 },
  'complaint.attachment_too_large': { status: 413 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof complaintErrors, true> {}
}
