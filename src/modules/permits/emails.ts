import type { Locale } from '../../common/i18n.ts';
import { dateTimeFormat, formatHijri } from '../../core/dates.ts';

interface Email {
  subject: string;
  text: string;
}
const when = (d: Date, locale: Locale) =>
  `${dateTimeFormat(locale === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', { timeZone: 'Asia/Riyadh', dateStyle: 'full', timeStyle: 'short' }).format(d)} (${formatHijri(d, locale)})`;
type Closure = { name: string; site: string; startsAt: Date; reason: string; alternatives: Date[] };
type Offer = { name: string; site: string; startsAt: Date; size: number; deadline: Date };

/** What a pilgrim is told about their permits, in their language. */
export const permitEmails = {
  closed: {
    en: (p: Closure): Email => ({
      subject: `Your visit to ${p.site} was cancelled: the window is closed`,
      text: `Peace be upon you, ${p.name}.\n\nThe ministry closed the window of ${when(p.startsAt, 'en')} at ${p.site} (${p.reason}). Your permits for it are no longer valid and carry no penalty.\n\n${p.alternatives.length ? `The nearest windows with room for your group:\n${p.alternatives.map((a) => `- ${when(a, 'en')}`).join('\n')}\n\nBook one in the app; places go to whoever books first.` : 'No nearby window has room for your group now; watch the app for new windows.'}`,
    }),
    ar: (p: Closure): Email => ({
      subject: `أُلغيت زيارتك إلى ${p.site}: أُغلقت الفترة`,
      text: `السلام عليكم ${p.name}،\n\nأغلقت الوزارة فترة ${when(p.startsAt, 'ar')} في ${p.site} (${p.reason}). لم تعد تصاريحك لها صالحة ولا تترتب عليك أي عقوبة.\n\n${p.alternatives.length ? `أقرب الفترات التي تتسع لمجموعتك:\n${p.alternatives.map((a) => `- ${when(a, 'ar')}`).join('\n')}\n\nاحجز إحداها من التطبيق؛ الأماكن لمن يحجز أولًا.` : 'لا توجد الآن فترة قريبة تتسع لمجموعتك؛ تابع التطبيق لفترات جديدة.'}`,
    }),
  },
  offered: {
    en: (p: Offer): Email => ({
      subject: `A place opened at ${p.site}: answer before ${when(p.deadline, 'en')}`,
      text: `Peace be upon you, ${p.name}.\n\n${p.size} place(s) became free in the window of ${when(p.startsAt, 'en')} at ${p.site}, and you are next on its waiting list. They are held for you until ${when(p.deadline, 'en')}. Accept in the app before then; after it, they go to the next in line.`,
    }),
    ar: (p: Offer): Email => ({
      subject: `توفر مكان في ${p.site}: أجب قبل ${when(p.deadline, 'ar')}`,
      text: `السلام عليكم ${p.name}،\n\nتوفر ${p.size} مكان في فترة ${when(p.startsAt, 'ar')} في ${p.site}، وأنت التالي في قائمة الانتظار. الأماكن محجوزة لك حتى ${when(p.deadline, 'ar')}. اقبلها من التطبيق قبل ذلك، وبعده تنتقل إلى التالي في القائمة.`,
    }),
  },
} satisfies Record<string, Record<Locale, (p: never) => Email>>;
