import { writeCsv } from '../../core/csv.ts';
import type { Locale } from '../../common/i18n.ts';
import type { Db } from '../../db/database.ts';
import type { ApplicationService } from '../applications/index.ts';
import type { BookingService } from '../bookings/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { SeasonService } from '../seasons/index.ts';

export interface ReadinessRow {
  bookingId: string;
  accountId: string;
  name: string;
  bookingConfirmed: boolean;
  documentsApproved: boolean;
  missingDocuments: string[];
  vaccinationValid: boolean;
  ready: boolean;
}

/**
 * Visa readiness per member of every live booking of a country: the booking
 * confirmed (paid), the documents the visa needs approved, the meningococcal
 * vaccination valid for the season's arrival date. Ready = all three.
 */
export function createVisaReadiness(deps: {
  db: Db;
  seasons: Pick<SeasonService, 'evaluatorFor'>;
  bookings: Pick<BookingService, 'liveForCountry'>;
  applications: Pick<ApplicationService, 'family'>;
  pilgrims: Pick<PilgrimService, 'factsFor' | 'visaDocumentsMissing'>;
}) {
  async function rows(season: string, country: string, locale: Locale): Promise<ReadinessRow[]> {
    const evaluator = await deps.seasons.evaluatorFor(season, locale);
    const out: ReadinessRow[] = [];
    for (const b of await deps.bookings.liveForCountry(season, country)) {
      const family = await deps.applications.family(deps.db.kysely, b.application_id);
      if (!family) continue;
      const members = [family.adminAccountId, ...family.members.filter((m) => m !== family.adminAccountId)];
      const [facts, missing] = await Promise.all([deps.pilgrims.factsFor(deps.db.kysely, members), deps.pilgrims.visaDocumentsMissing(deps.db.kysely, members)]);
      for (const m of members) {
        const f = facts.get(m);
        const vaccinationValid = Boolean(f && evaluator.evaluate(f.person).find((r) => r.code === 'meningococcal_vaccination')?.passed !== false);
        const docs = missing.get(m) ?? [];
        const confirmed = b.status !== 'held'; // confirmed, visa-ready or completed: paid in full
        out.push({ bookingId: b.id, accountId: m, name: f?.name ?? '', bookingConfirmed: confirmed, documentsApproved: docs.length === 0, missingDocuments: docs, vaccinationValid, ready: confirmed && docs.length === 0 && vaccinationValid });
      }
    }
    return out;
  }

  return {
    rows,
    csv: async (season: string, country: string, locale: Locale) =>
      writeCsv(
        ['booking', 'account', 'name', 'booking_confirmed', 'documents_approved', 'missing_documents', 'vaccination_valid', 'ready'],
        (await rows(season, country, locale)).map((r) => [r.bookingId, r.accountId, r.name, r.bookingConfirmed, r.documentsApproved, r.missingDocuments.join(' '), r.vaccinationValid, r.ready]),
      ),
  };
}
export type VisaReadiness = ReturnType<typeof createVisaReadiness>;
