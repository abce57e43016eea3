import { intlLocale, type Locale } from '../../common/i18n.ts';
import { dateTimeFormat, formatHijri } from '../../core/dates.ts';

interface Email {
  subject: string;
  text: string;
}
type OfferParams = { name: string; title: string; seats: number; deadline: Date; source: 'draw' | 'cascade' | 'open_sale' };

const when = (d: Date, locale: Locale) =>
  `${dateTimeFormat(intlLocale(locale, 'gregory'), { timeZone: 'Asia/Riyadh', dateStyle: 'long', timeStyle: 'short' }).format(d)} (${formatHijri(d, locale)})`;

/** What a family's admin is told about its booking, in the admin's language. */
export const bookingEmails = {
  offered: {
    en: (p: OfferParams): Email => ({
      subject: `Seats held for your family: ${p.title}`,
      text: `Peace be upon you, ${p.name}.\n\n${p.source === 'cascade' ? 'Seats became free and your family is next on the waiting list. ' : ''}${p.seats} seat(s) in "${p.title}" are held for your family until ${when(p.deadline, 'en')} (Makkah time). Pay before then to confirm them; after it, the seats go to the next family in the draw order.`,
    }),
    ar: (p: OfferParams): Email => ({
      subject: `حُجزت مقاعد لعائلتك: ${p.title}`,
      text: `السلام عليكم ${p.name}،\n\n${p.source === 'cascade' ? 'توفرت مقاعد وعائلتك التالية في قائمة الانتظار. ' : ''}حُجز لعائلتك ${p.seats} مقعد في «${p.title}» حتى ${when(p.deadline, 'ar')} بتوقيت مكة المكرمة. ادفع قبل ذلك لتأكيدها، وبعده تنتقل المقاعد إلى العائلة التالية في ترتيب القرعة.`,
    }),
  },
  expired: {
    en: (p: { name: string; title: string }): Email => ({
      subject: `Your hold expired: ${p.title}`,
      text: `Peace be upon you, ${p.name}.\n\nThe seats held for your family in "${p.title}" were not paid by the deadline and have been released. You may still book in the open sale if seats remain.`,
    }),
    ar: (p: { name: string; title: string }): Email => ({
      subject: `انتهت مهلة الحجز: ${p.title}`,
      text: `السلام عليكم ${p.name}،\n\nلم تُدفع المقاعد المحجوزة لعائلتك في «${p.title}» قبل انتهاء المهلة فأُلغي الحجز. يمكنك الحجز في البيع المفتوح إن بقيت مقاعد.`,
    }),
  },
} satisfies Record<string, Record<Locale, (p: never) => Email>>;
