import { dateTimeFormat } from '../date-format.ts';
import { intlLocale, type Locale } from '../i18n.ts';
import { sharedText } from '../texts.ts';
import type { GateVerdict } from './gate.ts';

const time = (ms: number | undefined, locale: Locale) =>
  ms === undefined ? '' : dateTimeFormat(intlLocale(locale, 'gregory'), { timeZone: 'Asia/Riyadh', timeStyle: 'short' }).format(ms);

/** A verdict as the words read it (the times are there only on the refusals that have them). */
type Shown = GateVerdict & { opensAt?: number; closedAt?: number; usedAt?: number };

/**
 * What the gate says for each verdict, in the officer's language (the offline
 * app has no server to ask): `gate.<code>` in the shared catalog (src/i18n/<language>/common.json).
 */
export function gateText(verdict: GateVerdict, locale: Locale): string {
  const v = verdict as Shown;
  const lists = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' });
  const numbers = new Intl.NumberFormat(intlLocale(locale), { useGrouping: false });
  return sharedText(locale, 'gate', v.code, {
    member: numbers.format((v.claim?.memberIndex ?? 0) + 1),
    section: v.claim?.section ?? 'men',
    gates: lists.format((v.claim?.gates ?? []).map((g) => numbers.format(g))),
    time: time(v.opensAt ?? v.closedAt ?? v.usedAt, locale),
  });
}
