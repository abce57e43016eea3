export { pickText, type LocalizedText } from '../../../common/i18n.ts';
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

