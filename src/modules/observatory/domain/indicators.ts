/**
 * The observatory's indicators from counts (docs/algorithms/scorecards.md). Pure, so anyone can
 * recompute a published scorecard from its published counts: the same functions, the same numbers.
 *
 * - CSAT: the share of answers 4 or 5 on the 1–5 scale, with its Wilson 95 % interval.
 * - NPS: promoters (9–10) minus detractors (0–6), in points, with the normal interval of a
 *   difference of two shares of one multinomial sample.
 * - Response rate and deadline adherence: shares with Wilson intervals.
 * - Complaints per 1,000 pilgrims served.
 * Privacy: no figure about fewer than 10 people anywhere; nothing published below 30.
 */
export const PRIVACY_MIN = 10;
export const PUBLISH_MIN = 30;
const Z = 1.959963984540054; // the 97.5th percentile of the standard normal

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Wilson's score interval for k successes in n trials (Wilson 1927), 95 %. */
export function wilson(k: number, n: number, z = Z): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: round(Math.max(0, centre - half)), high: round(Math.min(1, centre + half)) };
}

export type Withheld = { value: null; n: number | null; withheld: 'small_group' };
export type Share = { value: number; low: number; high: number; n: number; publishable: boolean };

/** A share with its interval, or withheld when the group is smaller than the privacy floor. */
export function share(k: number, n: number): Share | Withheld {
  if (n < PRIVACY_MIN) return { value: null, n: null, withheld: 'small_group' };
  return { value: round(k / n), ...wilson(k, n), n, publishable: n >= PUBLISH_MIN };
}

/** CSAT: the share of 4–5 among CSAT answers. */
export const csat = (c: { csatN: number; csatTop2: number }) => share(c.csatTop2, c.csatN);

/** NPS in points (−100 to 100) with a 95 % interval. */
export function nps(c: { npsN: number; promoters: number; detractors: number }): { value: number; low: number; high: number; n: number; publishable: boolean } | Withheld {
  const n = c.npsN;
  if (n < PRIVACY_MIN) return { value: null, n: null, withheld: 'small_group' };
  const pp = c.promoters / n;
  const pd = c.detractors / n;
  const v = pp - pd;
  const se = Math.sqrt(Math.max(0, pp + pd - v * v) / n);
  return { value: round(v * 100, 1), low: round(Math.max(-1, v - Z * se) * 100, 1), high: round(Math.min(1, v + Z * se) * 100, 1), n, publishable: n >= PUBLISH_MIN };
}

/** Complaints per 1,000 pilgrims served (withheld when fewer than 10 pilgrims were served). */
export function perThousand(complaints: number, pilgrims: number): { value: number; complaints: number; pilgrims: number; publishable: boolean } | Withheld {
  if (pilgrims < PRIVACY_MIN) return { value: null, n: null, withheld: 'small_group' };
  return { value: round((complaints * 1000) / pilgrims, 2), complaints, pilgrims, publishable: pilgrims >= PUBLISH_MIN };
}

/** The counts every indicator of a group is computed from (what is published, anonymised). */
export interface GroupCounts {
  invited: number;
  shown: number;
  responses: number;
  csatN: number;
  csatTop2: number;
  npsN: number;
  promoters: number;
  detractors: number;
  pilgrims: number;
  complaints: number;
  deadlinesOnTime: number;
  deadlinesLate: number;
  medianFirstAnswerMinutes: number | null;
  medianResolutionMinutes: number | null;
}

export const emptyCounts = (): GroupCounts => ({ invited: 0, shown: 0, responses: 0, csatN: 0, csatTop2: 0, npsN: 0, promoters: 0, detractors: 0, pilgrims: 0, complaints: 0, deadlinesOnTime: 0, deadlinesLate: 0, medianFirstAnswerMinutes: null, medianResolutionMinutes: null });

/** Every indicator of one group, from its counts. Medians of complaint times are withheld below 10 complaints. */
export function indicators(c: GroupCounts) {
  return {
    csat: csat(c),
    nps: nps(c),
    responseRate: share(c.responses, c.invited),
    completionRate: share(c.responses, c.shown),
    complaintsPerThousand: perThousand(c.complaints, c.pilgrims),
    adherence: share(c.deadlinesOnTime, c.deadlinesOnTime + c.deadlinesLate),
    medianFirstAnswerMinutes: c.complaints >= PRIVACY_MIN ? c.medianFirstAnswerMinutes : null,
    medianResolutionMinutes: c.complaints >= PRIVACY_MIN ? c.medianResolutionMinutes : null,
  };
}
export type Indicators = ReturnType<typeof indicators>;
