import { intlLocale, type Locale } from '../../common/i18n.ts';
import { dateTimeFormat, formatHijri } from '../../core/dates.ts';

interface Email {
  subject: string;
  text: string;
}
type Result = { name: string; season: string; outcome: 'won' | 'waiting'; title: string; rank: number | null; waitlist: number | null; deadline: Date };

const day = (d: Date, locale: Locale) =>
  `${dateTimeFormat(intlLocale(locale, 'gregory'), { timeZone: 'Asia/Riyadh', dateStyle: 'long' }).format(d)} (${formatHijri(d, locale)})`;

/** The draw result each family's admin receives at publication, in the admin's language. */
export const resultEmail: Record<Locale, (p: Result) => Email> = {
  en: (p) => p.outcome === 'won'
    ? { subject: `Hajj ${p.season} draw: your family has seats`, text: `Peace be upon you, ${p.name}.\n\nIn the ${p.season} draw your family was given seats in "${p.title}" (your choice no. ${p.rank}). They are held for you until ${day(p.deadline, 'en')}; pay before then to confirm.\n\nThe draw can be checked by anyone on the public draw page.` }
    : { subject: `Hajj ${p.season} draw: your family is on the waiting list`, text: `Peace be upon you, ${p.name}.\n\nIn the ${p.season} draw no package you ranked had seats left for your whole family when your turn came. Your family is no. ${p.waitlist} on the waiting list: when held seats are released, families are offered them in draw order.\n\nThe draw can be checked by anyone on the public draw page.` },
  ar: (p) => p.outcome === 'won'
    ? { subject: `قرعة حج ${p.season}: حصلت عائلتك على مقاعد`, text: `السلام عليكم ${p.name}،\n\nفي قرعة موسم ${p.season} حصلت عائلتك على مقاعد في «${p.title}» (اختيارك رقم ${p.rank}). المقاعد محجوزة لكم حتى ${day(p.deadline, 'ar')}؛ ادفع قبل ذلك لتأكيدها.\n\nيمكن لأي أحد التحقق من القرعة في صفحتها العامة.` }
    : { subject: `قرعة حج ${p.season}: عائلتك في قائمة الانتظار`, text: `السلام عليكم ${p.name}،\n\nفي قرعة موسم ${p.season} لم يبق عند دور عائلتك مقاعد تكفيها كلها في أي باقة اخترتها. ترتيب عائلتك في قائمة الانتظار هو ${p.waitlist}: وعند إلغاء حجوزات تُعرض المقاعد على العائلات بترتيب القرعة.\n\nيمكن لأي أحد التحقق من القرعة في صفحتها العامة.` },
};
