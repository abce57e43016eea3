/** What a pilgrim sees of a package's seats: a state, never a count that invites a rush. */
export type Availability = 'open' | 'few_left' | 'full';

/**
 * `few_left` when at most a tenth of the seats (and at least 10 seats' worth)
 * remain, so that small packages do not show "few left" from the start.
 */
export function availability(capacity: number, seatsTaken: number): Availability {
  const remaining = capacity - seatsTaken;
  if (remaining <= 0) return 'full';
  if (remaining <= Math.max(10, Math.ceil(capacity * 0.1)) && remaining < capacity) return 'few_left';
  return 'open';
}

/** Text in several languages: the reader's, else Arabic, else English, else any. */
export type LocalizedText = Record<string, string>;

export function pickText(text: LocalizedText, language: string): { text: string; language: string } {
  for (const lang of [language, 'ar', 'en']) {
    const value = text[lang];
    if (value) return { text: value, language: lang };
  }
  const [lang = '', value = ''] = Object.entries(text)[0] ?? [];
  return { text: value, language: lang };
}

/** A season of Hajj, by Hijri year: `1448H`. */
export const SEASON_PATTERN = '^14[4-9][0-9]H$';
