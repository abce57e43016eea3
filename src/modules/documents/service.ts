import QRCode from 'qrcode';
import type { Clock } from '../../core/clock.ts';
import { formatHijri } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Locale } from '../../common/i18n.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import { existingPlatformSecret } from '../../db/platform-secrets.ts';
import type { BookingService } from '../bookings/index.ts';
import type { CatalogueService, PriceLine } from '../catalogue/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { ProviderService } from '../providers/index.ts';
import { keyIdOf, signClaim, verifyClaim, verifyLegacyClaim } from './domain/tokens.ts';
import type { SigningService } from '../signing/index.ts';
import type { PermitService } from '../permits/index.ts';
import { paidStatuses } from '../bookings/index.ts';
import { renderPdf, type Block } from './pdf.ts';
import { invoiceQr, riyalText } from './domain/zatca-qr.ts';
import { countryName } from '../../core/countries.ts';

const words = {
  ar: {
    confirmation: 'تأكيد الحجز', card: 'بطاقة الحاج', season: 'الموسم', booking: 'رقم الحجز', package: 'الباقة', provider: 'مقدم الخدمة', seats: 'المقاعد', due: 'الإجمالي', paid: 'المدفوع',
    pilgrim: 'الحاج', passport: 'الجواز (آخر أربعة)', nationality: 'الجنسية', noPhoto: 'لم تُرفع صورة بعد', scan: 'امسح الرمز للتحقق من الحجز', cardScan: 'امسح الرمز عند البوابة', issued: 'صدر في', sar: 'ر.س',
    invoice: 'فاتورة ضريبية مبسطة', invoiceNumber: 'رقم الفاتورة', issuedAt: 'تاريخ ووقت الإصدار', seller: 'البائع', sellerVat: 'الرقم الضريبي للبائع', vatMissing: 'لم يُسجَّل بعد', buyer: 'المشتري',
    item: 'البند', qty: 'الكمية', unit: 'سعر الوحدة دون الضريبة', rate: 'نسبة الضريبة', vat: 'ضريبة القيمة المضافة', lineTotal: 'الإجمالي مع الضريبة',
    subtotal: 'الإجمالي دون الضريبة', vatTotal: 'مجموع ضريبة القيمة المضافة', total: 'الإجمالي شاملًا الضريبة', payments: 'المدفوعات', payment: 'دفعة', refund: 'استرداد', paidToDate: 'المدفوع حتى الآن', outstanding: 'المتبقي',
  },
  en: {
    confirmation: 'Booking confirmation', card: 'Pilgrim card', season: 'Season', booking: 'Booking', package: 'Package', provider: 'Provider', seats: 'Seats', due: 'Total', paid: 'Paid',
    pilgrim: 'Pilgrim', passport: 'Passport (last four)', nationality: 'Nationality', noPhoto: 'No photo uploaded yet', scan: 'Scan the code to verify the booking', cardScan: 'Show this code at the gate', issued: 'Issued', sar: 'SAR',
    invoice: 'Simplified tax invoice', invoiceNumber: 'Invoice number', issuedAt: 'Issued on', seller: 'Seller', sellerVat: 'Seller VAT number', vatMissing: 'not registered yet', buyer: 'Buyer',
    item: 'Item', qty: 'Qty', unit: 'Unit price excl. VAT', rate: 'VAT rate', vat: 'VAT', lineTotal: 'Total incl. VAT',
    subtotal: 'Total excl. VAT', vatTotal: 'Total VAT', total: 'Total incl. VAT', payments: 'Payments', payment: 'Payment', refund: 'Refund', paidToDate: 'Paid to date', outstanding: 'Outstanding',
  },
} as const;

const components = {
  ar: { makkah_housing: 'السكن في مكة', madinah_housing: 'السكن في المدينة', mina_arafat: 'منى وعرفات', meals: 'الوجبات', transport: 'النقل', flight: 'الطيران', guidance: 'الإرشاد', insurance: 'التأمين', service_fee: 'رسوم الخدمة' },
  en: { makkah_housing: 'Makkah housing', madinah_housing: 'Madinah housing', mina_arafat: 'Mina and Arafat', meals: 'Meals', transport: 'Transport', flight: 'Flight', guidance: 'Guidance', insurance: 'Insurance', service_fee: 'Service fee' },
} as const satisfies Record<Locale, Record<PriceLine['component'], string>>;

const permitWords = {
  ar: { permit: 'تصريح زيارة', date: 'التاريخ', window: 'الفترة (بتوقيت مكة)', section: 'القسم', sections: { men: 'الرجال', women: 'النساء' }, gates: 'البوابات', group: 'عدد المجموعة', member: 'الفرد', document: 'الوثيقة (آخر أربعة)', code: 'الرمز', scan: 'اعرض الرمز عند البوابة في موعدك؛ يُستخدم مرة واحدة.', offline: 'التصريح موقَّع إلكترونيًا ويُتحقق منه دون اتصال.' },
  en: { permit: 'Visit permit', date: 'Date', window: 'Window (Makkah time)', section: 'Section', sections: { men: 'Men', women: 'Women' }, gates: 'Gates', group: 'Group size', member: 'Member', document: 'Document (last four)', code: 'Code', scan: 'Show this code at the gate in your window; it is used once.', offline: 'The permit is signed and checked offline at the gate.' },
} as const;

const vatPercent: Record<PriceLine['vatCategory'], string> = { standard: '15%', zero: '0%' };

const money = (halalas: number, locale: Locale) => `${(halalas / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${words[locale].sar}`;

/**
 * The booking's documents, in the reader's language: the confirmation with a
 * signed QR code, a card per pilgrim with its own signed code, and a receipt
 * whose lines come from the ledger (payments and their VAT, refunds).
 */
export function createDocumentService(deps: {
  db: Db;
  clock: Clock;
  bookings: Pick<BookingService, 'readable' | 'find'>;
  catalogue: Pick<CatalogueService, 'titles' | 'priceOf'>;
  providers: Pick<ProviderService, 'displayName' | 'seller'>;
  pilgrims: Pick<PilgrimService, 'manifestRows' | 'photoOf'>;
  ledger: Pick<LedgerService, 'forBooking'>;
  signing: Pick<SigningService, 'signer' | 'checker'>;
  permits: Pick<PermitService, 'document'>;
}) {
  const { db, clock } = deps;
  const qr = (token: string) => QRCode.toBuffer(token, { errorCorrectionLevel: 'M', margin: 1, width: 360 });

  async function context(ctx: RequestContext, bookingId: string) {
    const { booking, family } = await deps.bookings.readable(db.kysely, ctx, bookingId);
    const locale = ctx.locale;
    const price = await deps.catalogue.priceOf(db.kysely, booking.package_id, booking.package_version);
    const title = (await deps.catalogue.titles(db.kysely, [booking.package_id], locale)).get(booking.package_id) ?? '';
    const provider = price ? await deps.providers.displayName(db.kysely, price.providerId, locale) : '';
    const members = [family.adminAccountId, ...family.members.filter((m) => m !== family.adminAccountId)];
    const people = await deps.pilgrims.manifestRows(db.kysely, members);
    return { booking, locale, title, provider, members, people, w: words[locale] };
  }

  const service = {
    /** The confirmation of a confirmed booking: who, what, how much, and a signed code. */
    async confirmation(ctx: RequestContext, bookingId: string) {
      const c = await context(ctx, bookingId);
      if (!(paidStatuses as readonly string[]).includes(c.booking.status)) throw new AppError('booking.not_confirmed');
      const token = signClaim(await deps.signing.signer(), { kind: 'booking', bookingId, season: c.booking.season }, clock.now());
      const blocks: Block[] = [
        { kind: 'title', text: `${c.w.confirmation} — ${c.booking.season}` },
        { kind: 'line', text: c.title, size: 14 },
        { kind: 'pairs', rows: [[c.w.booking, bookingId.slice(0, 8).toUpperCase()], [c.w.provider, c.provider], [c.w.seats, String(c.booking.seats)], [c.w.due, money(c.booking.amount_due, c.locale)], [c.w.paid, money(c.booking.amount_paid, c.locale)]] },
        { kind: 'gap' },
        ...c.members.map((m): Block => {
          const p = c.people.get(m);
          return { kind: 'line', text: p ? `${c.w.pilgrim}: ${c.locale === 'ar' ? p.arabicName : `${p.givenNames} ${p.familyName}`}` : '' };
        }),
        { kind: 'gap' },
        { kind: 'image', png: await qr(token), size: 150 },
        { kind: 'line', text: c.w.scan, muted: true },
        { kind: 'line', text: `${c.w.issued}: ${formatHijri(clock.now(), c.locale)}`, muted: true, size: 10 },
      ];
      return renderPdf(blocks, c.locale, { title: `${c.w.confirmation} ${bookingId}` });
    },

    /**
     * A card per pilgrim of a confirmed booking: the photo, both names, nationality,
     * the last four characters of the passport number (never the whole of it), and a
     * code naming that pilgrim.
     */
    async card(ctx: RequestContext, bookingId: string, accountId: string) {
      const { blocks, title, locale } = await service.cardContent(ctx, bookingId, accountId);
      return renderPdf(blocks, locale, { title });
    },

    /** What a pilgrim's card prints. */
    async cardContent(ctx: RequestContext, bookingId: string, accountId: string) {
      const c = await context(ctx, bookingId);
      if (!(paidStatuses as readonly string[]).includes(c.booking.status)) throw new AppError('booking.not_confirmed');
      const p = c.people.get(accountId);
      if (!c.members.includes(accountId) || !p) throw new AppError('booking.not_found');
      const token = signClaim(await deps.signing.signer(), { kind: 'pilgrim', bookingId, accountId, season: c.booking.season }, clock.now());
      const photo = await deps.pilgrims.photoOf(db.kysely, accountId);
      const nationality = countryName(p.nationality, c.locale);
      const blocks: Block[] = [
        { kind: 'title', text: `${c.w.card} — ${c.booking.season}` },
        photo ? { kind: 'photo', bytes: photo.bytes, width: 110, height: 140 } : { kind: 'line', text: c.w.noPhoto, muted: true },
        { kind: 'line', text: p.arabicName, size: 16 },
        { kind: 'line', text: `${p.givenNames} ${p.familyName}`, size: 14 },
        { kind: 'pairs', rows: [[c.w.nationality, nationality], [c.w.passport, `•••• ${p.passportNumber.slice(-4)}`], [c.w.package, c.title], [c.w.provider, c.provider], [c.w.booking, bookingId.slice(0, 8).toUpperCase()]] },
        { kind: 'gap' },
        { kind: 'image', png: await qr(token), size: 170 },
        { kind: 'line', text: c.w.cardScan, muted: true },
      ];
      return { blocks, locale: c.locale, title: `${c.w.card} ${p.givenNames} ${p.familyName}` };
    },

    /**
     * The receipt, as a Saudi simplified tax invoice: seller and VAT number, buyer,
     * date and time of issue, each line with its VAT rate and amount, totals with
     * VAT, the payments and refunds from the ledger, and the e-invoicing QR code
     * (seller, VAT number, time, total, VAT total; domain/zatca-qr.ts).
     */
    async receipt(ctx: RequestContext, bookingId: string) {
      const { blocks, title, locale } = await service.invoice(ctx, bookingId);
      return renderPdf(blocks, locale, { title });
    },

    /** What the receipt prints, and the text its QR code carries. */
    async invoice(ctx: RequestContext, bookingId: string) {
      const c = await context(ctx, bookingId);
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

    /**
     * A permit booking as PDF, in the reader's language (Arabic or English): the site, the
     * window in both calendars, the section and gates, then a page per member with their
     * name, the last four characters of their document, the code to type and the signed QR.
     */
    async permit(ctx: RequestContext, bookingId: string) {
      const { blocks, locale, title } = await service.permitContent(ctx, bookingId);
      return renderPdf(blocks, locale, { title });
    },

    /** What the permit PDF prints. */
    async permitContent(ctx: RequestContext, bookingId: string) {
      const { view, site, gates, people } = await deps.permits.document(ctx, bookingId);
      const locale = ctx.locale;
      const w = permitWords[locale];
      const time = (iso: string) => new Date(iso).toLocaleTimeString(locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', { timeZone: 'Asia/Riyadh', hour: '2-digit', minute: '2-digit' });
      const day = (iso: string) => `${new Date(iso).toLocaleDateString(locale === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', { timeZone: 'Asia/Riyadh', dateStyle: 'long' })} · ${formatHijri(new Date(iso), locale)}`;
      const header: Block[] = [
        { kind: 'title', text: `${w.permit} — ${site[locale]}` },
        { kind: 'pairs', rows: [
          [w.date, day(view.startsAt)],
          [w.window, `${time(view.startsAt)} – ${time(view.endsAt)}`],
          [w.section, w.sections[view.section]],
          [w.gates, gates.map((g) => `${g.number} ${g.name[locale]}`).join(locale === 'ar' ? '، ' : ', ')],
          [w.group, String(view.size)],
        ] },
      ];
      const blocks: Block[] = [];
      for (const [i, p] of view.permits.entries()) {
        const person = people.get(p.personId);
        if (i > 0) blocks.push({ kind: 'page' });
        blocks.push(...header, { kind: 'gap' },
          { kind: 'line', text: person ? (locale === 'ar' ? person.name_ar : person.name_en) : p.name, size: 16 },
          { kind: 'pairs', rows: [[w.member, `${p.memberIndex + 1} / ${view.size}`], [w.document, `•••• ${person?.doc_last4 ?? ''}`], [w.code, `${p.code.slice(0, 5)} ${p.code.slice(5)}`]] },
          { kind: 'gap' },
          { kind: 'image', png: await qr(p.token), size: 200 },
          { kind: 'line', text: w.scan, muted: true },
          { kind: 'line', text: w.offline, muted: true, size: 10 });
      }
      return { blocks, locale, title: `${w.permit} ${site[locale]}` };
    },

    /**
     * What a scanned code says, checked against the signature (Ed25519, any key the platform
     * ever used: the state is read here, online) and the booking's current state. A code
     * printed before the move to Ed25519 (HMAC, `mnsk1.`) is still checked, online only.
     */
    async verify(token: string) {
      let claim: { kind: 'booking' | 'pilgrim'; bookingId: string; accountId?: string; season: string; keyId?: number } | null = null;
      if (token.startsWith('mnsk1.')) {
        const key = await existingPlatformSecret(db.kysely, 'document-token');
        claim = key ? verifyLegacyClaim(key, token) : null;
      } else {
        const keyId = keyIdOf(token);
        claim = keyId === null ? null : verifyClaim(await deps.signing.checker([keyId]), token);
      }
      if (!claim) return { valid: false as const };
      const b = await deps.bookings.find(db.kysely, claim.bookingId);
      return { valid: true as const, kind: claim.kind, bookingId: claim.bookingId, accountId: claim.accountId ?? null, season: claim.season, keyId: claim.keyId ?? null, status: b?.status ?? 'unknown', confirmed: Boolean(b && (paidStatuses as readonly string[]).includes(b.status)) };
    },
  };
  return service;
}
export type DocumentService = ReturnType<typeof createDocumentService>;
