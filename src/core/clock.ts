/**
 * Time is injected, never read from `Date.now()` in domain or service code,
 * so that deadlines, expiries and lockouts can be tested exactly.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: for tests and simulations. */
export class ManualClock implements SettableClock {
  #ms: number;
  constructor(start: Date | string = '2026-05-01T08:00:00Z') {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
  set(to: Date | string): void {
    this.#ms = new Date(to).getTime();
  }
}

/** A clock that can be set to another moment (tests; the demo, which seeds a past draw at its own moments). */
export interface SettableClock extends Clock {
  set(to: Date | string): void;
}
export const isSettable = (clock: Clock): clock is SettableClock => typeof (clock as Partial<SettableClock>).set === 'function';

/**
 * The system's time, moved by an offset when set: time keeps running from the
 * moment it was set to. The demo data is seeded with it (src/cli/seed-draw.ts).
 */
export class OffsetClock implements SettableClock {
  #offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }
  set(to: Date | string): void {
    this.#offsetMs = new Date(to).getTime() - Date.now();
  }
}
