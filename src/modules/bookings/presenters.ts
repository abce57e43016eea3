import type { Selectable } from 'kysely';
import type { BookingsTable } from './tables.ts';

/** A booking as the API shows it (schemas.ts `BookingSchema`). */
export const presentBooking = (b: Selectable<BookingsTable>) => ({
  id: b.id,
  season: b.season,
  applicationId: b.application_id,
  packageId: b.package_id,
  packageVersion: b.package_version,
  seats: b.seats,
  source: b.source,
  status: b.status,
  holdDeadline: b.hold_deadline?.toISOString() ?? null,
  createdAt: b.created_at.toISOString(),
  confirmedAt: b.confirmed_at?.toISOString() ?? null,
  amountDue: b.amount_due,
  amountPaid: b.amount_paid,
});
