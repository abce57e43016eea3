import QRCode from 'qrcode';
import type { Clock } from '../../core/clock.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import type { BookingService } from '../bookings/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { PermitService } from '../permits/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { ProviderService } from '../providers/index.ts';
import type { SigningService } from '../signing/index.ts';
import { wordsIn } from './words.ts';

export type DocumentDeps = {
  db: Db;
  clock: Clock;
  bookings: Pick<BookingService, 'readable' | 'find'>;
  catalogue: Pick<CatalogueService, 'titles' | 'priceOf'>;
  providers: Pick<ProviderService, 'displayName' | 'seller'>;
  pilgrims: Pick<PilgrimService, 'manifestRows' | 'photoOf'>;
  ledger: Pick<LedgerService, 'forBooking'>;
  signing: Pick<SigningService, 'signer' | 'checker'>;
  permits: Pick<PermitService, 'document'>;
};

/** What every document shares: its dependencies, a QR code, and a booking's facts read for its reader. */
export function createDocumentContext(deps: DocumentDeps) {
  const { db, clock } = deps;
  const qr = (token: string) => QRCode.toBuffer(token, { errorCorrectionLevel: 'M', margin: 1, width: 360 });

  async function bookingFacts(ctx: RequestContext, bookingId: string) {
    const { booking, family } = await deps.bookings.readable(db.kysely, ctx, bookingId);
    const locale = ctx.locale;
    const price = await deps.catalogue.priceOf(db.kysely, booking.package_id, booking.package_version);
    const title = (await deps.catalogue.titles(db.kysely, [booking.package_id], locale)).get(booking.package_id) ?? '';
    // A provider's name is kept in Arabic and English: Arabic for Arabic readers, English for the others.
    const provider = price ? await deps.providers.displayName(db.kysely, price.providerId, locale === 'ar' ? 'ar' : 'en') : '';
    const members = [family.adminAccountId, ...family.members.filter((m) => m !== family.adminAccountId)];
    const people = await deps.pilgrims.manifestRows(db.kysely, members);
    return { booking, locale, title, provider, members, people, t: wordsIn(locale) };
  }

  return { deps, db, clock, qr, bookingFacts };
}
export type DocumentContext = ReturnType<typeof createDocumentContext>;
