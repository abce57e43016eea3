import QRCode from 'qrcode';
import { formatHijri } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { DocumentContext } from './context.ts';
import { invoiceQr, riyalText } from './domain/zatca-qr.ts';
import { renderPdf, type Block } from './pdf.ts';
import { components, money, vatPercent } from './words.ts';

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
      const m = (h: number) => money(h, c.locale);
      const blocks: Block[] = [
        { kind: 'title', text: c.w.invoice },
        { kind: 'pairs', rows: [
          [c.w.invoiceNumber, `MN-${bookingId.slice(0, 8).toUpperCase()}`],
          [c.w.issuedAt, `${issued.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${formatHijri(issued, c.locale)}`],
          [c.w.seller, c.locale === 'ar' ? seller.nameAr : `${seller.nameEn} · ${seller.nameAr}`],
          [c.w.sellerVat, seller.vatNumber ?? c.w.vatMissing],
          [c.w.buyer, buyer ? `${buyer.givenNames} ${buyer.familyName}` : ''],
          [c.w.package, `${c.title} · ${c.booking.season}`],
        ] },
        { kind: 'gap' },
        {
          kind: 'table',
          widths: [0.28, 0.08, 0.18, 0.1, 0.16, 0.2],
          header: [c.w.item, c.w.qty, c.w.unit, c.w.rate, c.w.vat, c.w.lineTotal],
          rows: price.lines.map((l) => [components[c.locale][l.component], String(seats), m(l.net), vatPercent[l.vatCategory], m(l.vat * seats), m(l.gross * seats)]),
        },
        { kind: 'gap' },
        { kind: 'pairs', rows: [[c.w.subtotal, m(subtotal)], [c.w.vatTotal, m(vat)], [c.w.total, m(subtotal + vat)]] },
        { kind: 'gap' },
        { kind: 'line', text: c.w.payments, size: 12 },
        { kind: 'pairs', rows: [
          ...[...batches.values()].map((b): [string, string] => [`${b.refund ? c.w.refund : c.w.payment} · ${b.at.toISOString().slice(0, 10)}`, m(b.refund ? -b.amount : b.amount)]),
          [c.w.paidToDate, m(paid)],
          [c.w.outstanding, m(c.booking.amount_due - paid)],
        ] },
        { kind: 'gap' },
        { kind: 'image', png: await QRCode.toBuffer(qr, { errorCorrectionLevel: 'M', margin: 1, width: 300 }), size: 120 },
      ];
      return { blocks, qr, locale: c.locale, title: `${c.w.invoice} MN-${bookingId.slice(0, 8).toUpperCase()}` };
    },

  };
  return use;
}
