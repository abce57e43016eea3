import QRCode from 'qrcode';
import type { Clock } from '../../core/clock.ts';
import { formatHijri } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import { existingPlatformSecret, platformSecret } from '../../db/platform-secrets.ts';
import type { BookingService } from '../bookings/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { ProviderService } from '../providers/index.ts';
import { signClaim, verifyClaim } from './domain/tokens.ts';
import { paidStatuses } from '../bookings/tables.ts';
import { renderPdf, type Block } from './pdf.ts';

const words = {
  ar: { confirmation: 'تأكيد الحجز', card: 'بطاقة الحاج', receipt: 'إيصال', season: 'الموسم', booking: 'رقم الحجز', package: 'الباقة', provider: 'مقدم الخدمة', seats: 'المقاعد', status: 'الحالة', due: 'الإجمالي', paid: 'المدفوع', pilgrim: 'الحاج', passport: 'الجواز', scan: 'امسح الرمز للتحقق من الحجز', cardScan: 'امسح الرمز عند البوابة', payment: 'دفعة', vat: 'ضريبة القيمة المضافة', refund: 'استرداد', refundVat: 'ضريبة مستردة', total: 'الصافي المدفوع', issued: 'صدر في', sar: 'ر.س' },
  en: { confirmation: 'Booking confirmation', card: 'Pilgrim card', receipt: 'Receipt', season: 'Season', booking: 'Booking', package: 'Package', provider: 'Provider', seats: 'Seats', status: 'Status', due: 'Total', paid: 'Paid', pilgrim: 'Pilgrim', passport: 'Passport', scan: 'Scan the code to verify the booking', cardScan: 'Show this code at the gate', payment: 'Payment', vat: 'VAT', refund: 'Refund', refundVat: 'VAT refunded', total: 'Net paid', issued: 'Issued', sar: 'SAR' },
} as const;

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
  providers: Pick<ProviderService, 'displayName'>;
  pilgrims: Pick<PilgrimService, 'manifestRows'>;
  ledger: Pick<LedgerService, 'forBooking'>;
}) {
  const { db, clock } = deps;
  const secret = () => platformSecret(db.kysely, clock, 'document-token');
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

  return {
    /** The confirmation of a confirmed booking: who, what, how much, and a signed code. */
    async confirmation(ctx: RequestContext, bookingId: string) {
      const c = await context(ctx, bookingId);
      if (!(paidStatuses as readonly string[]).includes(c.booking.status)) throw new AppError('booking.not_confirmed');
      const token = signClaim(await secret(), { kind: 'booking', bookingId, season: c.booking.season });
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

    /** A card per pilgrim of a confirmed booking, with a code naming that pilgrim. */
    async card(ctx: RequestContext, bookingId: string, accountId: string) {
      const c = await context(ctx, bookingId);
      if (!(paidStatuses as readonly string[]).includes(c.booking.status)) throw new AppError('booking.not_confirmed');
      const p = c.people.get(accountId);
      if (!c.members.includes(accountId) || !p) throw new AppError('booking.not_found');
      const token = signClaim(await secret(), { kind: 'pilgrim', bookingId, accountId, season: c.booking.season });
      return renderPdf([
        { kind: 'title', text: `${c.w.card} — ${c.booking.season}` },
        { kind: 'line', text: p.arabicName, size: 16 },
        { kind: 'line', text: `${p.givenNames} ${p.familyName}`, size: 14 },
        { kind: 'pairs', rows: [[c.w.package, c.title], [c.w.provider, c.provider], [c.w.booking, bookingId.slice(0, 8).toUpperCase()]] },
        { kind: 'gap' },
        { kind: 'image', png: await qr(token), size: 170 },
        { kind: 'line', text: c.w.cardScan, muted: true },
      ], c.locale, { title: `${c.w.card} ${p.givenNames} ${p.familyName}` });
    },

    /** The receipt: every payment and refund of the booking with its VAT, from the ledger. */
    async receipt(ctx: RequestContext, bookingId: string) {
      const c = await context(ctx, bookingId);
      const legs = await deps.ledger.forBooking(db.kysely, bookingId);
      const label = { booking_payment: c.w.payment, booking_vat: c.w.vat, refund: c.w.refund, refund_vat: c.w.refundVat } as Record<string, string>;
      const sign = (kind: string) => (kind.startsWith('refund') ? -1 : 1);
      const net = legs.reduce((s, l) => s + sign(l.kind) * l.amount, 0);
      return renderPdf([
        { kind: 'title', text: `${c.w.receipt} — ${bookingId.slice(0, 8).toUpperCase()}` },
        { kind: 'line', text: `${c.title} · ${c.provider}`, size: 12 },
        { kind: 'gap' },
        { kind: 'pairs', rows: legs.map((l): [string, string] => [`${label[l.kind] ?? l.kind} · ${l.created_at.toISOString().slice(0, 10)}`, money(sign(l.kind) * l.amount, c.locale)]) },
        { kind: 'gap' },
        { kind: 'pairs', rows: [[c.w.total, money(net, c.locale)]] },
      ], c.locale, { title: `${c.w.receipt} ${bookingId}` });
    },

    /** What a scanned code says, checked against the signature and the booking's current state. */
    async verify(token: string) {
      const key = await existingPlatformSecret(db.kysely, 'document-token');
      const claim = key ? verifyClaim(key, token) : null;
      if (!claim) return { valid: false as const };
      const b = await deps.bookings.find(db.kysely, claim.bookingId);
      return { valid: true as const, kind: claim.kind, bookingId: claim.bookingId, accountId: claim.accountId ?? null, season: claim.season, status: b?.status ?? 'unknown', confirmed: Boolean(b && (paidStatuses as readonly string[]).includes(b.status)) };
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
