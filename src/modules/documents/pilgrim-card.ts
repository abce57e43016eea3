import { countryName } from '../../core/countries.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { paidStatuses } from '../bookings/index.ts';
import type { DocumentContext } from './context.ts';
import { signClaim } from './domain/tokens.ts';
import { renderPdf, type Block } from './pdf.ts';

/** A card per pilgrim of a confirmed booking. */
export function pilgrimCardUseCase(dc: DocumentContext) {
  const { deps, db, clock, qr } = dc;
  const use = {
    /**
     * A card per pilgrim of a confirmed booking: the photo, both names, nationality,
     * the last four characters of the passport number (never the whole of it), and a
     * code naming that pilgrim.
     */
    async card(ctx: RequestContext, bookingId: string, accountId: string) {
      const { blocks, title, locale } = await use.cardContent(ctx, bookingId, accountId);
      return renderPdf(blocks, locale, { title });
    },

    /** What a pilgrim's card prints. */
    async cardContent(ctx: RequestContext, bookingId: string, accountId: string) {
      const c = await dc.bookingFacts(ctx, bookingId);
      if (!(paidStatuses as readonly string[]).includes(c.booking.status)) throw new AppError('booking.not_confirmed');
      const p = c.people.get(accountId);
      if (!c.members.includes(accountId) || !p) throw new AppError('booking.not_found');
      const token = signClaim(await deps.signing.signer(), { kind: 'pilgrim', bookingId, accountId, season: c.booking.season }, clock.now());
      const photo = await deps.pilgrims.photoOf(db.kysely, accountId);
      const nationality = countryName(p.nationality, c.locale);
      const { t } = c;
      const blocks: Block[] = [
        { kind: 'title', text: t('card.title', { season: c.booking.season }) },
        photo ? { kind: 'photo', bytes: photo.bytes, width: 110, height: 140 } : { kind: 'line', text: t('card.noPhoto'), muted: true },
        { kind: 'line', text: p.arabicName, size: 16 },
        { kind: 'line', text: `${p.givenNames} ${p.familyName}`, size: 14 },
        { kind: 'pairs', rows: [[t('card.nationality'), nationality], [t('card.passport'), `•••• ${p.passportNumber.slice(-4)}`], [t('shared.package'), c.title], [t('shared.provider'), c.provider], [t('shared.booking'), bookingId.slice(0, 8).toUpperCase()]] },
        { kind: 'gap' },
        { kind: 'image', png: await qr(token), size: 170 },
        { kind: 'line', text: t('card.scan'), muted: true },
      ];
      return { blocks, locale: c.locale, title: t('card.file', { name: `${p.givenNames} ${p.familyName}` }) };
    },

  };
  return use;
}
