import type { Locale } from '../../common/i18n.ts';
import { formatInstant } from '../../core/errors.ts';

interface Email {
  subject: string;
  text: string;
}
type Invite = { name: string; title: string; link: string; expiresAt: Date; reminder: boolean };

/** The invitation to a survey, and its one reminder, in the person's language. */
export const surveyEmails = {
  invite: {
    en: (p: Invite): Email => ({
      subject: `${p.reminder ? 'Reminder: ' : ''}${p.title} — two minutes of your time`,
      text: `Peace be upon you, ${p.name}.\n\n${p.reminder ? 'You have not yet answered our short survey. ' : ''}How did it go? Your answers shape the service for every pilgrim after you. Providers never learn who answered.\n\n${p.link}\n\nThe link is yours alone and works once, until ${formatInstant(p.expiresAt, 'en')}.`,
    }),
    ar: (p: Invite): Email => ({
      subject: `${p.reminder ? 'تذكير: ' : ''}${p.title} — دقيقتان من وقتك`,
      text: `السلام عليكم ${p.name}،\n\n${p.reminder ? 'لم تُجب بعد عن استبياننا القصير. ' : ''}كيف كانت تجربتك؟ إجاباتك تحسّن الخدمة لكل حاج بعدك، ولا يعرف مقدمو الخدمة من أجاب.\n\n${p.link}\n\nالرابط لك وحدك ويعمل مرة واحدة حتى ${formatInstant(p.expiresAt, 'ar')}.`,
    }),
  },
} satisfies Record<string, Record<Locale, (p: never) => Email>>;
