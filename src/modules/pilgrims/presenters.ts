import type { Selectable } from 'kysely';
import type { PilgrimDocumentsTable } from './tables.ts';

export interface ProfileInput {
  residenceCountry: string;
  nationality: string;
  givenNamesLatin: string;
  familyNameLatin: string;
  fullNameArabic: string;
  dateOfBirth: string;
  gender: 'male' | 'female';
  passportNumber: string;
  passportExpiry: string;
  meningococcalVaccination?: string | undefined;
  healthConditions?: string[] | undefined;
  performedHajj?: boolean | undefined;
  /** The version the person edited; a stale one is refused instead of overwriting a newer edit. */
  expectedVersion?: number | undefined;
}

export function presentDocument(d: Selectable<PilgrimDocumentsTable>) {
  return {
    id: d.id,
    type: d.type,
    status: d.status,
    contentType: d.content_type,
    sizeBytes: d.size_bytes,
    rejectionReason: d.rejection_reason,
    uploadedAt: d.uploaded_at.toISOString(),
    reviewedAt: d.reviewed_at?.toISOString() ?? null,
  };
}
