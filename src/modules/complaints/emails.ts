import type { Locale } from '../../common/i18n.ts';
import { formatInstant } from '../../core/errors.ts';

interface Email {
  subject: string;
  text: string;
}
const when = (d: Date, locale: Locale) => formatInstant(d, locale);

const states: Record<string, Record<Locale, string>> = {
  received: { en: 'received', ar: 'مستلمة' },
  acknowledged: { en: 'acknowledged', ar: 'تم الإقرار باستلامها' },
  with_provider: { en: 'with the provider, who must answer', ar: 'لدى مقدم الخدمة، وعليه الرد' },
  provider_responded: { en: 'answered by the provider: accept the answer or escalate it', ar: 'رد عليها مقدم الخدمة: اقبل الرد أو صعّده' },
  awaiting_pilgrim: { en: 'waiting for your reply (the deadlines are paused meanwhile)', ar: 'بانتظار ردك (المهل متوقفة في الأثناء)' },
  escalated: { en: 'escalated to the ministry', ar: 'مصعّدة إلى الوزارة' },
  resolved: { en: 'resolved', ar: 'محلولة' },
  closed: { en: 'closed', ar: 'مغلقة' },
};
export const stateWords = (state: string, locale: Locale) => states[state]?.[locale] ?? state;

type Breached = { name: string; reference: string; kinds: string[] };
const kindWords: Record<string, Record<Locale, string>> = { acknowledge: { en: 'acknowledgement', ar: 'الإقرار بالاستلام' }, first_answer: { en: 'first answer', ar: 'أول إجابة' }, resolve: { en: 'resolution', ar: 'المعالجة' } };
type Filed = { name: string; reference: string; dueAt: Date | null; dueKind: string | null };
type Moved = { name: string; reference: string; state: string; message: string | null; dueAt: Date | null; breached: boolean };

/** What a complainant is told, in their language, at every step of their complaint. */
export const complaintEmails = {
  filed: {
    en: (p: Filed): Email => ({
      subject: `Complaint ${p.reference} received`,
      text: `Peace be upon you, ${p.name}.\n\nWe received your complaint ${p.reference} and acknowledge it. ${p.dueAt ? `You will have ${p.dueKind === 'first_answer' ? 'a first answer' : 'a resolution'} by ${when(p.dueAt, 'en')} at the latest; if not, it goes to the ministry by itself.` : ''}\n\nFollow it in the app under "My complaints".`,
    }),
    ar: (p: Filed): Email => ({
      subject: `استلمنا الشكوى ${p.reference}`,
      text: `السلام عليكم ${p.name}،\n\nاستلمنا شكواك ${p.reference} ونقر باستلامها. ${p.dueAt ? `ستصلك ${p.dueKind === 'first_answer' ? 'أول إجابة' : 'معالجة'} في موعد أقصاه ${when(p.dueAt, 'ar')}، وإلا انتقلت إلى الوزارة تلقائيًا.` : ''}\n\nتابعها في التطبيق تحت "شكاواي".`,
    }),
  },
  moved: {
    en: (p: Moved): Email => ({
      subject: `Complaint ${p.reference}: ${stateWords(p.state, 'en')}`,
      text: `Peace be upon you, ${p.name}.\n\nYour complaint ${p.reference} is now ${stateWords(p.state, 'en')}.${p.breached ? ' It was not answered in time, so the ministry has taken it over.' : ''}${p.message ? `\n\n"${p.message}"` : ''}${p.dueAt ? `\n\nNext deadline: ${when(p.dueAt, 'en')}.` : ''}\n\nFollow it in the app under "My complaints".`,
    }),
    ar: (p: Moved): Email => ({
      subject: `الشكوى ${p.reference}: ${stateWords(p.state, 'ar')}`,
      text: `السلام عليكم ${p.name}،\n\nشكواك ${p.reference} الآن ${stateWords(p.state, 'ar')}.${p.breached ? ' لم يُرد عليها في الوقت المحدد، فتولتها الوزارة.' : ''}${p.message ? `\n\n"${p.message}"` : ''}${p.dueAt ? `\n\nالمهلة التالية: ${when(p.dueAt, 'ar')}.` : ''}\n\nتابعها في التطبيق تحت "شكاواي".`,
    }),
  },
  breached: {
    en: (p: Breached): Email => ({
      subject: `Complaint ${p.reference}: deadline missed, escalated to the ministry`,
      text: `Peace be upon you, ${p.name}.\n\nThe deadline of the ${p.kinds.map((k) => kindWords[k]?.en ?? k).join(' and ')} of complaint ${p.reference} passed without it. The ministry now holds the complaint; you can still answer it in your console or by the API. This counts in your public scorecard's deadline adherence.`,
    }),
    ar: (p: Breached): Email => ({
      subject: `الشكوى ${p.reference}: فاتت المهلة وصُعّدت إلى الوزارة`,
      text: `السلام عليكم ${p.name}،\n\nانقضت مهلة ${p.kinds.map((k) => kindWords[k]?.ar ?? k).join(' و')} للشكوى ${p.reference} دون تحققها. تتولى الوزارة الشكوى الآن، ويمكنك الرد عليها من لوحتك أو عبر الواجهة البرمجية. يُحتسب ذلك في نسبة الالتزام بالمهل في بطاقة أدائك العامة.`,
    }),
  },
} satisfies Record<string, Record<Locale, (p: never) => Email>>;
