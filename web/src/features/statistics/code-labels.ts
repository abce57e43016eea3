import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, localized } from '../../../../src/common/i18n.ts';
import { dayLabels } from '../../../../src/common/statistics.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { countryName, seasonLabel } from '../../lib/format.ts';
import type { Dimension, Labels } from './types.ts';

/** A day in both calendars, as the statistics label it: "27 June 2023 (9 Dhu al-Hijjah 1444 AH)". */
export function dayName(day: string): string {
  const { gregorian, hijri } = dayLabels(day, currentLanguage());
  return `${gregorian} (${hijri})`;
}

/** A Gregorian month ('2025-03') by name: "March 2025". */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat(intlLocale(currentLanguage(), 'gregory'), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}

/** A season in both calendars: "1444 هـ / 2023", "1444 AH / 2023". */
export function seasonName(season: { season: string; gregorianYear: number }): string {
  return `${seasonLabel(season.season)} / ${season.gregorianYear}`;
}

/**
 * Names the codes of a table's cells in the language on screen: ports,
 * regions and nationalities from the answer's own labels where it has them,
 * the rest from the statistics texts; days in both calendars.
 */
export function useCodeLabels(labels?: Labels) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return useCallback((dimension: Dimension, code: string): string => {
    if (code === 'unknown') return t('statistics.codes.unknown');
    switch (dimension) {
      case 'residence': case 'gender': case 'arrival_mode': case 'makkah_route': case 'region':
        return t(`statistics.codes.${dimension}.${code}`, { defaultValue: code });
      case 'nationality':
        return countryName(code) || (labels?.nationality[code] ? localized(labels.nationality[code], lang) : code);
      case 'entry_port': case 'departure_port':
        return (labels?.entryPort[code] ? localized(labels.entryPort[code], lang) : code);
      case 'arrival_date': case 'departure_date':
        return dayName(code);
      case 'age_band':
        return code === '90+' ? t('statistics.ageNinetyPlus') : t('statistics.ageBand', { band: code });
      case 'month':
        return monthName(code);
    }
  }, [labels, lang, t]);
}
export type CodeLabel = ReturnType<typeof useCodeLabels>;

/** A Latin code (a batch or booking number) set apart inside a sentence, so Arabic text around it keeps its order (as <bdi> does). */
export const isolate = (text: string) => `\u2068${text}\u2069`;
