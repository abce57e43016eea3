import { locales } from '../../common/i18n.ts';
import { catalogOf } from '../../i18n/catalog.ts';
import { withMessages, type RuleMessage } from './domain/eligibility.ts';

/**
 * The rules a new season starts with, their messages in every language the
 * catalogs have (`eligibility.<code>` in src/i18n/<language>/seasons.json);
 * the ministry edits them per season.
 */
export const defaultRules = withMessages(
  (code) => Object.fromEntries(locales.flatMap((l) => {
    const m = catalogOf(l).sections.eligibility?.[code];
    return m === undefined ? [] : [[l, m]];
  })) as RuleMessage,
);
