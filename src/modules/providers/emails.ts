import type { Locale } from '../../common/i18n.ts';
import { emailDay, renderEmail, type Email } from '../../core/emails.ts';
import type { LicensingAction } from './domain/licensing.ts';

type Params = { name: string; provider: string; reason: string; validTo: string | null };

const keys: Record<LicensingAction, string> = {
  approve: 'providers.licence_granted',
  reject: 'providers.application_declined',
  suspend: 'providers.licence_suspended',
  reinstate: 'providers.licence_reinstated',
};

/**
 * What the provider's owner is told after a licensing decision, in their
 * language (catalogs' `emails` section, `providers.*`); `validTo` is the
 * licence's last day (`YYYY-MM-DD`), when it has one.
 *
 * @example licensingEmail('en', 'approve', { name, provider: 'Al-Safwa Travel', reason: '', validTo: '2028-05-31' })
 */
export function licensingEmail(locale: Locale, action: LicensingAction, p: Params): Email {
  return renderEmail(locale, keys[action], (l) => ({ name: p.name, provider: p.provider, reason: p.reason, validTo: p.validTo ? emailDay(p.validTo, l) : '' }));
}
