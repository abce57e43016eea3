import type { Locale } from '../../common/i18n.ts';
import { roleTerms } from '../../core/terms.ts';
import { renderEmail, type Email } from '../../core/emails.ts';
import type { TokenPurpose } from './tables.ts';

/**
 * The email that carries a single-use link (`purpose`), in the reader's
 * language (catalogs' `emails` section, `accounts.<purpose>`). `validHours`
 * is how long the link works: the text says it in hours, or in days for an
 * invitation.
 *
 * @example accountEmail('ar', 'verify_email', { name: 'آمنة', link, role: 'pilgrim', validHours: 48 })
 */
export function accountEmail(locale: Locale, purpose: TokenPurpose, p: { name: string; link: string; role: string; validHours: number }): Email {
  return renderEmail(locale, `accounts.${purpose}`, (l) => ({
    name: p.name,
    link: p.link,
    role: roleTerms.word(l, p.role) ?? p.role,
    hours: p.validHours,
    days: Math.round(p.validHours / 24),
  }));
}
