import { registerErrors, termSet } from '../../core/errors.ts';

/** The names of a pilgrim's documents. */
export const documentTerms = termSet('pilgrims.documentTerms');
const stepTerms = termSet('pilgrims.stepTerms');
const documentStatuses = termSet('pilgrims.documentStatuses');
const contentTypes = termSet('pilgrims.contentTypes');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const pilgrimErrors = registerErrors({
  'pilgrim.profile_missing': { status: 404 },
  'pilgrim.documents_awaited': { status: 409, terms: { step: stepTerms, missing: documentTerms } },
  'pilgrim.passport_taken': { status: 409 },
  'pilgrim.residence_not_in_programme': { status: 400 },
  'pilgrim.version_conflict': { status: 409 },
  'document.wrong_type': { status: 415, terms: { type: documentTerms, accepted: contentTypes } },
  'document.too_large': { status: 413 },
  'document.missing_file': { status: 400 },
  'document.not_found': { status: 404 },
  'document.already_reviewed': { status: 409, terms: { status: documentStatuses } },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof pilgrimErrors, true> {}
}
