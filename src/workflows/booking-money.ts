import type { Selectable } from 'kysely';
import { AppError } from '../core/errors.ts';
import type { Executor } from '../db/database.ts';
import type { BookingsTable } from '../modules/bookings/index.ts';
import type { CatalogueService } from '../modules/catalogue/index.ts';
import type { BookingMoney } from '../modules/wallet/index.ts';

/**
 * The money facts of a booking, read once per process: who is paid (the
 * package's provider) and the whole price split into subtotal and VAT (the
 * package version's price × seats), and what was paid so far.
 */
export async function bookingMoney(catalogue: Pick<CatalogueService, 'priceOf'>, executor: Executor, b: Selectable<BookingsTable>): Promise<BookingMoney> {
  const price = await catalogue.priceOf(executor, b.package_id, b.package_version);
  if (!price) throw new AppError('booking.price_missing');
  return { bookingId: b.id, providerId: price.providerId, due: { subtotal: price.subtotal * b.seats, vat: price.vat * b.seats }, paid: b.amount_paid };
}
