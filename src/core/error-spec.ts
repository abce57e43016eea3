import type { Locale } from '../common/i18n.ts';
import { termOf } from '../i18n/catalog.ts';

/**
 * A named set of words for the values of a code (a booking's states, a
 * document's kinds), kept in the catalogs under `terms` (src/i18n/<language>/<module>.json).
 */
export interface TermSet {
  readonly name: string;
  /** The word for `value` in `locale` (English if that language lacks it), or undefined for a value the set does not know. */
  word(locale: Locale, value: string): string | undefined;
}
export type Terms = TermSet;

/** The term set `name` (`<module>.<set>`) of the catalogs. */
export function termSet(name: string): TermSet {
  return { name, word: (locale, value) => termOf(locale, name, value) };
}

/**
 * What an error code answers: the HTTP status; its message in every language
 * is the catalogs' `errors` entry for the code (ICU MessageFormat, `{name}`
 * filled from the error's parameters). A parameter is a code or a value (a
 * number, a date, a name), never a sentence in one language: `terms` give the
 * words for codes (a term may use other parameters, `{package}`), `money`
 * names amounts in halalas shown as riyals, `dates` names instants shown in
 * Saudi time with the Hijri date.
 */
export interface ErrorCodeSpec {
  status: number;
  terms?: Record<string, TermSet>;
  money?: readonly string[];
  dates?: readonly string[];
}
export type ErrorSpecs = Record<string, ErrorCodeSpec>;
