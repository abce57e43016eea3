/**
 * A season's calendar and the phase it is in at a given instant. Every
 * action of the Hajj programme checks the phase (register, rank packages,
 * pay an offer …), so the rule lives here once.
 */
export interface SeasonCalendar {
  registrationOpens: Date;
  preferenceOpens: Date;
  preferenceCloses: Date;
  drawAt: Date;
  offersClose: Date;
  openSaleAt: Date;
  visaCutoff: Date;
}

export const phases = ['not_open', 'registration', 'preference', 'frozen', 'offers', 'between', 'open_sale', 'closed'] as const;
export type Phase = (typeof phases)[number];

/** The phase at `now`. Each boundary belongs to the phase it opens. */
export function phaseAt(c: SeasonCalendar, now: Date): Phase {
  const t = now.getTime();
  if (t < c.registrationOpens.getTime()) return 'not_open';
  if (t < c.preferenceOpens.getTime()) return 'registration';
  if (t < c.preferenceCloses.getTime()) return 'preference';
  if (t < c.drawAt.getTime()) return 'frozen';
  if (t < c.offersClose.getTime()) return 'offers';
  if (t < c.openSaleAt.getTime()) return 'between';
  if (t < c.visaCutoff.getTime()) return 'open_sale';
  return 'closed';
}

/** The days of a season (Saudi calendar days, `YYYY-MM-DD`). */
export interface SeasonDays {
  /** Pilgrims arrive from this day; refunds count the days before it. */
  arrivalDate: string;
  /** Ages and validity are judged on this day (the Day of Arafah, typically). */
  referenceDate: string;
  seasonEnd: string;
}

export type CalendarField = keyof SeasonCalendar | keyof SeasonDays;

/**
 * What is wrong with a season's dates, or null: the instants in order, the
 * visa cut-off before arrival, arrival and the reference day before the end,
 * and the reference day inside the Hijri year the season is named for
 * (1448H's Hajj is in Dhu al-Hijjah 1448). A calendar that fails here would
 * make refunds, ages and deadlines nonsense, so it is refused whole.
 */
export function seasonDatesProblem(code: string, c: SeasonCalendar, days: SeasonDays, hijriYearOf: (day: string) => number):
  | { kind: 'order'; earlier: CalendarField; later: CalendarField }
  | { kind: 'hijri_year'; year: number }
  | null {
  const order = calendarProblem(c);
  if (order) return { kind: 'order', ...order };
  if (c.visaCutoff.getTime() > new Date(`${days.arrivalDate}T00:00:00+03:00`).getTime()) return { kind: 'order', earlier: 'visaCutoff', later: 'arrivalDate' };
  if (days.arrivalDate > days.seasonEnd) return { kind: 'order', earlier: 'arrivalDate', later: 'seasonEnd' };
  if (days.referenceDate > days.seasonEnd) return { kind: 'order', earlier: 'referenceDate', later: 'seasonEnd' };
  const year = hijriYearOf(days.referenceDate);
  if (`${year}H` !== code) return { kind: 'hijri_year', year };
  return null;
}

/** The calendar's dates must come in order; returns the first pair that does not. */
export function calendarProblem(c: SeasonCalendar): { earlier: keyof SeasonCalendar; later: keyof SeasonCalendar } | null {
  const order: (keyof SeasonCalendar)[] = ['registrationOpens', 'preferenceOpens', 'preferenceCloses', 'drawAt', 'offersClose', 'openSaleAt', 'visaCutoff'];
  for (let i = 1; i < order.length; i++) {
    const earlier = order[i - 1]!;
    const later = order[i]!;
    const strict = !(earlier === 'preferenceCloses' || earlier === 'offersClose');
    const a = c[earlier].getTime();
    const b = c[later].getTime();
    if (strict ? a >= b : a > b) return { earlier, later };
  }
  return null;
}
