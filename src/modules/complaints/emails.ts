import { intlLocale, type Locale } from '../../common/i18n.ts';
import { termSet } from '../../core/errors.ts';
import { emailDate, renderEmail, type Email } from '../../core/emails.ts';

/** The names of a complaint's deadlines (acknowledgement, first answer, resolution). */
const deadlineKinds = termSet('complaints.deadlineKinds');

type Filed = { name: string; reference: string; dueAt: Date | null; dueKind: string | null };
type Moved = { name: string; reference: string; state: string; message: string | null; dueAt: Date | null; breached: boolean };
type Breached = { name: string; reference: string; kinds: string[] };

const listFormats = new Map<Locale, Intl.ListFormat>();
/** "acknowledgement and first answer", in the reader's language. */
function kindList(locale: Locale, kinds: readonly string[]): string {
  let f = listFormats.get(locale);
  if (!f) listFormats.set(locale, (f = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' })));
  return f.format(kinds.map((k) => deadlineKinds.word(locale, k) ?? k));
}

/**
 * What a complainant (and, on a breach, the provider) is told at every step
 * of a complaint, in the reader's language (catalogs' `emails` section,
 * `complaints.*`).
 *
 * @example complaintEmails.moved('en', { name, reference: 'C2027-000001', state: 'escalated', message: null, dueAt: null, breached: true })
 */
export const complaintEmails = {
  /** Received and acknowledged; the first deadline it will be held to, if any. */
  filed: (locale: Locale, p: Filed): Email =>
    renderEmail(locale, 'complaints.filed', (l) => ({
      name: p.name,
      reference: p.reference,
      due: p.dueAt ? (p.dueKind === 'first_answer' ? 'first_answer' : 'resolve') : 'none',
      dueAt: p.dueAt ? emailDate(p.dueAt, l) : '',
    })),
  /** The complaint moved to `state`; a breach, the words of the step and the next deadline when there are. */
  moved: (locale: Locale, p: Moved): Email =>
    renderEmail(locale, 'complaints.moved', (l) => ({
      name: p.name,
      reference: p.reference,
      state: p.state,
      breached: p.breached ? 'yes' : 'no',
      quoted: p.message ? 'yes' : 'no',
      message: p.message ?? '',
      due: p.dueAt ? 'next' : 'none',
      dueAt: p.dueAt ? emailDate(p.dueAt, l) : '',
    })),
  /** To the provider: deadlines passed, the ministry holds the complaint. */
  breached: (locale: Locale, p: Breached): Email =>
    renderEmail(locale, 'complaints.breached', (l) => ({ name: p.name, reference: p.reference, count: p.kinds.length, kinds: kindList(l, p.kinds) })),
};
