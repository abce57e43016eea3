import type { Locale } from '../../common/i18n.ts';
import { emailDate, renderEmail, type Email } from '../../core/emails.ts';

type Result = { name: string; season: string; outcome: 'won' | 'waiting'; title: string; rank: number | null; waitlist: number | null; deadline: Date };

/**
 * The draw result each family's admin receives at publication, in the admin's
 * language (catalogs' `emails` section, `draw.won` or `draw.waiting`).
 *
 * @example resultEmail('en', { name, season: '1448H', outcome: 'won', title, rank: 2, waitlist: null, deadline })
 */
export function resultEmail(locale: Locale, p: Result): Email {
  return renderEmail(locale, `draw.${p.outcome}`, (l) => ({
    name: p.name,
    season: p.season,
    title: p.title,
    rank: p.rank ?? 0,
    waitlist: p.waitlist ?? 0,
    deadline: emailDate(p.deadline, l, 'day'),
  }));
}
