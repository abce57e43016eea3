import type { Locale } from '../common/i18n.ts';

/** Words for a parameter that is a code: `{ cr_number: { en, ar } }`. */
export type Terms = Record<string, Record<Locale, string>>;

/**
 * What an error code answers: the HTTP status and the message in every
 * language. `{name}` placeholders are filled from the error's parameters.
 * A parameter is a code or a value (a number, a date, a name), never a
 * sentence in one language: `terms` give the words for codes (a term may use
 * other parameters, `{package}`), `money` names amounts in halalas shown as
 * riyals, `dates` names instants shown in Saudi time with the Hijri date.
 */
export interface ErrorCodeSpec {
  status: number;
  en: string;
  ar: string;
  terms?: Record<string, Terms>;
  money?: readonly string[];
  dates?: readonly string[];
}
export type ErrorSpecs = Record<string, ErrorCodeSpec>;
