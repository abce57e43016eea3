import type { Locale } from '../../common/i18n.ts';
import type { PriceLine } from '../catalogue/index.ts';

/** The printed documents' own words, in each language (a document is not a message: it has no codes). */
export const words = {
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

export const components = {
  ar: { makkah_housing: 'السكن في مكة', madinah_housing: 'السكن في المدينة', mina_arafat: 'منى وعرفات', meals: 'الوجبات', transport: 'النقل', flight: 'الطيران', guidance: 'الإرشاد', insurance: 'التأمين', service_fee: 'رسوم الخدمة' },
  en: { makkah_housing: 'Makkah housing', madinah_housing: 'Madinah housing', mina_arafat: 'Mina and Arafat', meals: 'Meals', transport: 'Transport', flight: 'Flight', guidance: 'Guidance', insurance: 'Insurance', service_fee: 'Service fee' },
} as const satisfies Record<Locale, Record<PriceLine['component'], string>>;

export const permitWords = {
  ar: { permit: 'تصريح زيارة', date: 'التاريخ', window: 'الفترة (بتوقيت مكة)', section: 'القسم', sections: { men: 'الرجال', women: 'النساء' }, gates: 'البوابات', group: 'عدد المجموعة', member: 'الفرد', document: 'الوثيقة (آخر أربعة)', code: 'الرمز', scan: 'اعرض الرمز عند البوابة في موعدك؛ يُستخدم مرة واحدة.', offline: 'التصريح موقَّع إلكترونيًا ويُتحقق منه دون اتصال.' },
  en: { permit: 'Visit permit', date: 'Date', window: 'Window (Makkah time)', section: 'Section', sections: { men: 'Men', women: 'Women' }, gates: 'Gates', group: 'Group size', member: 'Member', document: 'Document (last four)', code: 'Code', scan: 'Show this code at the gate in your window; it is used once.', offline: 'The permit is signed and checked offline at the gate.' },
} as const;

export const vatPercent: Record<PriceLine['vatCategory'], string> = { standard: '15%', zero: '0%' };

export const money = (halalas: number, locale: Locale) => `${(halalas / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${words[locale].sar}`;
