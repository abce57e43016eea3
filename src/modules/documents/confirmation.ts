import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { paidStatuses } from '../bookings/index.ts';
import type { DocumentContext } from './context.ts';
import { signClaim } from './domain/tokens.ts';
import { renderPdf, type Block } from './pdf.ts';
import { formatNumber, inBothCalendars, money } from './words.ts';

/** A confirmed booking's confirmation, with a signed code. */
export function confirmationUseCase(dc: DocumentContext) {
  const { deps, clock, qr } = dc;
  const use = {
    /** The confirmation of a confirmed booking: who, what, how much, and a signed code. */
    async confirmation(ctx: RequestContext, bookingId: string) {
      const c = await dc.bookingFacts(ctx, bookingId);
      if (!(paidStatuses as readonly string[]).includes(c.booking.status)) throw new AppError('booking.not_confirmed');
      const token = signClaim(await deps.signing.signer(), { kind: 'booking', bookingId, season: c.booking.season }, clock.now());
      const { t, locale } = c;
      const blocks: Block[] = [
        { kind: 'title', text: t('confirmation.title', { season: c.booking.season }) },
        { kind: 'line', text: c.title, size: 14 },
        { kind: 'pairs', rows: [[t('shared.booking'), bookingId.slice(0, 8).toUpperCase()], [t('shared.provider'), c.provider], [t('confirmation.seats'), formatNumber(locale, c.booking.seats)], [t('confirmation.due'), money(c.booking.amount_due, locale)], [t('confirmation.paid'), money(c.booking.amount_paid, locale)]] },
        { kind: 'gap' },
        ...c.members.map((m): Block => {
          const p = c.people.get(m);
          return { kind: 'line', text: p ? t('confirmation.pilgrim', { name: locale === 'ar' ? p.arabicName : `${p.givenNames} ${p.familyName}` }) : '' };
        }),
        { kind: 'gap' },
        { kind: 'image', png: await qr(token), size: 150 },
        { kind: 'line', text: t('confirmation.scan'), muted: true },
        { kind: 'line', text: t('confirmation.issued', { date: inBothCalendars(clock.now(), locale) }), muted: true, size: 10 },
      ];
      return renderPdf(blocks, locale, { title: t('confirmation.file', { booking: bookingId }) });
    },

  };
  return use;
}
