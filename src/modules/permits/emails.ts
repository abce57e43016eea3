import type { Locale } from '../../common/i18n.ts';
import { emailDate, renderEmail, type Email } from '../../core/emails.ts';

type Closure = { name: string; site: string; startsAt: Date; reason: string; alternatives: Date[] };
type Offer = { name: string; site: string; startsAt: Date; size: number; deadline: Date };

/** A window's start or a deadline, with its weekday: a visit is planned by the day. */
const when = (d: Date, locale: Locale) => emailDate(d, locale, 'weekday');

/**
 * What a pilgrim is told about their permits, in their language (catalogs'
 * `emails` section, `permits.*`).
 *
 * @example permitEmails.offered('ar', { name: 'آمنة', site: 'الروضة الشريفة', startsAt, size: 2, deadline })
 */
export const permitEmails = {
  /** Their window was closed: the permits are void; the nearest windows with room, if any, one per line. */
  closed: (locale: Locale, p: Closure): Email =>
    renderEmail(locale, 'permits.closed', (l) => ({
      name: p.name,
      site: p.site,
      startsAt: when(p.startsAt, l),
      reason: p.reason,
      count: p.alternatives.length,
      windows: p.alternatives.map((a) => `- ${when(a, l)}`).join('\n'),
    })),
  /** Places freed in a window are held for the next on its waiting list until a deadline. */
  offered: (locale: Locale, p: Offer): Email =>
    renderEmail(locale, 'permits.offered', (l) => ({ name: p.name, site: p.site, size: p.size, startsAt: when(p.startsAt, l), deadline: when(p.deadline, l) })),
};
