import QRCode from 'qrcode';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { DocumentContext } from './context.ts';
import { invoiceQr, riyalText } from './domain/zatca-qr.ts';
import { renderPdf, type Block } from './pdf.ts';
import { formatNumber, gregorianDay, inBothCalendars, money, vatRate } from './words.ts';

/** The receipt of a booking, as a simplified tax invoice. */
export function receiptUseCase(dc: DocumentContext) {
  const { deps, db, clock } = dc;
  const use = {
    /**
     * The receipt, as a Saudi simplified tax invoice: seller and VAT number, buyer,
     * date and time of issue, each line with its VAT rate and amount, totals with
     * VAT, the payments and refunds from the ledger, and the e-invoicing QR code
     * (seller, VAT number, time, total, VAT total; domain/zatca-qr.ts).
     */
    async receipt(ctx: RequestContext, bookingId: string) {
      const { blocks, title, locale } = await use.invoice(ctx, bookingId);
      return renderPdf(blocks, locale, { title });
    },

    /** What the receipt prints, and the text its QR code carries. */
    async invoice(ctx: RequestContext, bookingId: string) {
      const c = await dc.bookingFacts(ctx, bookingId);
      const price = await deps.catalogue.priceOf(db.kysely, c.booking.package_id, c.booking.package_version);
      const seller = price ? await deps.providers.seller(db.kysely, price.providerId) : null;
      if (!price || !seller) throw new AppError('booking.not_found');
      const legs = await deps.ledger.forBooking(db.kysely, bookingId);
      const seats = c.booking.seats;
      const subtotal = price.subtotal * seats;
      const vat = price.vat * seats;
      const issued = clock.now();
      const buyer = c.people.get(c.members[0]!);
      const invoiceNumber = `MN-${bookingId.slice(0, 8).toUpperCase()}`;
      // A payment is its provider leg and its VAT leg, posted in one batch; a refund likewise.
      const batches = new Map<string, { at: Date; amount: number; refund: boolean }>();
      for (const l of legs) {
        const refund = l.kind.startsWith('refund');
        const entry = batches.get(l.batch_id) ?? { at: l.created_at, amount: 0, refund };
        entry.amount += l.amount;
        batches.set(l.batch_id, entry);
      }
      const paid = [...batches.values()].reduce((s, b) => s + (b.refund ? -b.amount : b.amount), 0);
      const qr = invoiceQr({ sellerName: seller.nameAr, vatNumber: seller.vatNumber ?? '', timestamp: issued.toISOString().replace(/\.\d{3}Z$/, 'Z'), total: riyalText(subtotal + vat), vatTotal: riyalText(vat) });
      const { t, locale } = c;
      const m = (h: number) => money(h, locale);
      const blocks: Block[] = [
        { kind: 'title', text: t('receipt.title') },
        { kind: 'pairs', rows: [
          [t('receipt.number'), invoiceNumber],
          [t('receipt.issuedAt'), inBothCalendars(issued, locale, true)],
          [t('receipt.seller'), locale === 'ar' ? seller.nameAr : `${seller.nameEn} · ${seller.nameAr}`],
          [t('receipt.sellerVat'), seller.vatNumber ?? t('receipt.vatMissing')],
          [t('receipt.buyer'), buyer ? `${buyer.givenNames} ${buyer.familyName}` : ''],
          [t('shared.package'), `${c.title} · ${c.booking.season}`],
        ] },
        { kind: 'gap' },
        {
          kind: 'table',
          widths: [0.28, 0.08, 0.18, 0.1, 0.16, 0.2],
          header: [t('receipt.item'), t('receipt.qty'), t('receipt.unit'), t('receipt.rate'), t('receipt.vat'), t('receipt.lineTotal')],
          rows: price.lines.map((l) => [t(`receipt.components.${l.component}`), formatNumber(locale, seats), m(l.net), formatNumber(locale, vatRate[l.vatCategory], { style: 'percent' }), m(l.vat * seats), m(l.gross * seats)]),
        },
        { kind: 'gap' },
        { kind: 'pairs', rows: [[t('receipt.subtotal'), m(subtotal)], [t('receipt.vatTotal'), m(vat)], [t('receipt.total'), m(subtotal + vat)]] },
        { kind: 'gap' },
        { kind: 'line', text: t('receipt.payments'), size: 12 },
        { kind: 'pairs', rows: [
          ...[...batches.values()].map((b): [string, string] => [t(b.refund ? 'receipt.refund' : 'receipt.payment', { date: gregorianDay(b.at, locale) }), m(b.refund ? -b.amount : b.amount)]),
          [t('receipt.paidToDate'), m(paid)],
          [t('receipt.outstanding'), m(c.booking.amount_due - paid)],
        ] },
        { kind: 'gap' },
        { kind: 'image', png: await QRCode.toBuffer(qr, { errorCorrectionLevel: 'M', margin: 1, width: 300 }), size: 120 },
      ];
      return { blocks, qr, locale, title: t('receipt.file', { number: invoiceNumber }) };
    },

  };
  return use;
}
