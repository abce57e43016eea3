import type { Locale } from '../../common/i18n.ts';
import { emailDate, renderEmail, type Email } from '../../core/emails.ts';

type Invite = { name: string; title: string; link: string; expiresAt: Date; reminder: boolean };

/**
 * The invitation to a survey, and its one reminder, in the person's language
 * (catalogs' `emails` section, `observatory.invite`).
 *
 * @example surveyEmails.invite('ar', { name: 'آمنة', title, link, expiresAt, reminder: true })
 */
export const surveyEmails = {
  invite: (locale: Locale, p: Invite): Email =>
    renderEmail(locale, 'observatory.invite', (l) => ({ name: p.name, title: p.title, link: p.link, reminder: p.reminder ? 'yes' : 'no', expiresAt: emailDate(p.expiresAt, l) })),
};
