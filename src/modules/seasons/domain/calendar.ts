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
