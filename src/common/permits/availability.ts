import { dateTimeFormat } from '../date-format.ts';
import { intlLocale, type Locale } from '../i18n.ts';
import { sharedText } from '../texts.ts';

/**
 * A window's availability as a pilgrim sees it: a state with words and a
 * colour, never a colour alone (a colour-blind pilgrim reads the words; a
 * screen reader says them).
 */
export const availabilityStates = ['not_released', 'open', 'few_left', 'full', 'closed', 'past'] as const;
export type AvailabilityState = (typeof availabilityStates)[number];

export interface WindowCounts {
  capacity: number;
  /** Places taken: permits and held waiting-list offers. */
  booked: number;
  /** ms */
  releaseAt: number;
  startsAt: number;
  closed: boolean;
}

/** "Few left": at most a tenth of the window, and at most 20 places. */
export const fewLeft = (remaining: number, capacity: number) => remaining > 0 && remaining * 10 <= capacity && remaining <= 20;

export function availabilityOf(w: WindowCounts, nowMs: number): { state: AvailabilityState; remaining: number } {
  const remaining = Math.max(0, w.capacity - w.booked);
  const state: AvailabilityState = w.closed ? 'closed'
    : nowMs >= w.startsAt ? 'past'
      : nowMs < w.releaseAt ? 'not_released'
        : remaining === 0 ? 'full'
          : fewLeft(remaining, w.capacity) ? 'few_left' : 'open';
  return { state, remaining };
}

/** Colours with enough contrast on white for text (WCAG AA), for the badge beside the words. */
export const availabilityColour: Record<AvailabilityState, string> = {
  not_released: '#5f6368',
  open: '#1b7f3b',
  few_left: '#a15c00',
  full: '#b3261e',
  closed: '#3c3c3c',
  past: '#5f6368',
};

const when = (ms: number, locale: Locale) =>
  dateTimeFormat(intlLocale(locale, 'gregory'), { timeZone: 'Asia/Riyadh', dateStyle: 'medium', timeStyle: 'short' }).format(ms);

/** The words for a state, in the reader's language (`availability.<state>` in the shared catalog). */
export function availabilityText(state: AvailabilityState, remaining: number, releaseAtMs: number, locale: Locale): string {
  return sharedText(locale, 'availability', state, { remaining, releaseAt: when(releaseAtMs, locale) });
}

export interface Candidate {
  id: string;
  startsAt: number;
  capacity: number;
  booked: number;
}

/**
 * The windows a pilgrim is shown first when the one they look at is full or
 * nearly full: bookable ones with room for the whole group and at most
 * `quietLoad` of their places taken, nearest in time first (ties: the emptier).
 */
export function quieterWindows<C extends Candidate>(target: { startsAt: number }, candidates: readonly C[], group = 1, options: { quietLoad?: number; limit?: number } = {}): C[] {
  const quietLoad = options.quietLoad ?? 0.7;
  return candidates
    .filter((c) => c.capacity - c.booked >= group && c.booked <= c.capacity * quietLoad)
    .sort((a, b) => Math.abs(a.startsAt - target.startsAt) - Math.abs(b.startsAt - target.startsAt) || a.booked / a.capacity - b.booked / b.capacity)
    .slice(0, options.limit ?? 5);
}
