/**
 * Which document a profile field is checked against, and which steps of the
 * journey need which reviewed documents. On the real platform a profile edit
 * sent everything back to a week-long review and pilgrims missed the sale;
 * here an edit re-opens only the documents that field affects, and a step
 * waits only for the documents it needs.
 */
import { documentTypes, type DocumentType } from '../../../common/schemas/pilgrims.ts';

export { documentTypes, type DocumentType };

export const profileFields = [
  'residenceCountry', 'nationality', 'givenNamesLatin', 'familyNameLatin', 'fullNameArabic', 'dateOfBirth', 'gender',
  'passportNumber', 'passportExpiry', 'meningococcalVaccination', 'healthConditions', 'performedHajj',
] as const;
export type ProfileField = (typeof profileFields)[number];

const checkedAgainst: Record<ProfileField, DocumentType[]> = {
  residenceCountry: ['residence_proof'],
  nationality: ['passport_scan'],
  givenNamesLatin: ['passport_scan'],
  familyNameLatin: ['passport_scan'],
  fullNameArabic: [],
  dateOfBirth: ['passport_scan'],
  gender: ['passport_scan'],
  passportNumber: ['passport_scan'],
  passportExpiry: ['passport_scan'],
  meningococcalVaccination: ['vaccination_certificate'],
  healthConditions: [],
  performedHajj: [],
};

/** The documents to review again after `changed` fields were edited. */
export function documentsToRecheck(changed: readonly ProfileField[]): DocumentType[] {
  return documentTypes.filter((d) => changed.some((f) => checkedAgainst[f].includes(d)));
}

export const steps = ['apply', 'rank_packages', 'accept_offer', 'visa'] as const;
export type Step = (typeof steps)[number];

const stepNeeds: Record<Step, DocumentType[]> = {
  apply: [],
  rank_packages: [],
  accept_offer: ['passport_scan', 'photo'],
  visa: ['passport_scan', 'photo', 'residence_proof', 'vaccination_certificate'],
};

/** Steps waiting for a review, with the documents each still needs approved. */
export function blockedSteps(approved: ReadonlySet<DocumentType>): Partial<Record<Step, DocumentType[]>> {
  const out: Partial<Record<Step, DocumentType[]>> = {};
  for (const step of steps) {
    const missing = stepNeeds[step].filter((d) => !approved.has(d));
    if (missing.length > 0) out[step] = missing;
  }
  return out;
}

/** What a file may be, by what its bytes say (never by its name or declared type). */
export const acceptedContent: Record<DocumentType, string[]> = {
  photo: ['image/jpeg', 'image/png'],
  passport_scan: ['image/jpeg', 'image/png', 'application/pdf'],
  residence_proof: ['image/jpeg', 'image/png', 'application/pdf'],
  vaccination_certificate: ['image/jpeg', 'image/png', 'application/pdf'],
};
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** One passport, one account: numbers compare without spaces, dashes or case, per issuing country. */
export function passportKey(nationality: string, number: string): string {
  return `${nationality.toUpperCase()}:${number.replace(/[\s-]/g, '').toUpperCase()}`;
}
