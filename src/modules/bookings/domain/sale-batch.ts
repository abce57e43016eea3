import type { ErrorParams } from '../../../core/errors.ts';

/**
 * The open sale's group commit (docs/algorithms/open-sale.md): bookings that
 * arrive together are judged one by one, in order of arrival, exactly as if
 * each had come alone; then the accepted ones take their seats in that order,
 * each as many as its family needs, while the package and the country's quota
 * both have room. A family that does not fit is refused; a smaller family
 * behind it may still fit (seats are never held back for a family that was
 * refused).
 */

/** What one booking asks for: its family's seats in a package, from its country's quota. */
export interface SeatRequest {
  packageId: string;
  country: string;
  seats: number;
}

export type SeatOutcome = 'held' | 'sold_out' | 'quota_full';

/**
 * Seats for requests in order of arrival, against what is left of each
 * package and each country's quota (read under the rows' locks). A package or
 * quota with no row has no room. The package is checked first: a full package
 * is `sold_out` even when the quota is full as well (a lone booking's order).
 */
export function fitInOrder(requests: readonly SeatRequest[], packagesLeft: ReadonlyMap<string, number>, quotasLeft: ReadonlyMap<string, number>): SeatOutcome[] {
  const pkg = new Map(packagesLeft);
  const quota = new Map(quotasLeft);
  return requests.map((r) => {
    const p = pkg.get(r.packageId) ?? 0;
    if (r.seats > p) return 'sold_out';
    const q = quota.get(r.country) ?? 0;
    if (r.seats > q) return 'quota_full';
    pkg.set(r.packageId, p - r.seats);
    quota.set(r.country, q - r.seats);
    return 'held';
  });
}

/** The seats the held requests take per package and per country (what the counters move by). */
export function seatTotals(requests: readonly SeatRequest[], outcomes: readonly SeatOutcome[]) {
  const packages = new Map<string, number>();
  const countries = new Map<string, number>();
  requests.forEach((r, i) => {
    if (outcomes[i] !== 'held') return;
    packages.set(r.packageId, (packages.get(r.packageId) ?? 0) + r.seats);
    countries.set(r.country, (countries.get(r.country) ?? 0) + r.seats);
  });
  return { packages, countries };
}

/** What is known of one booking request before seats: its family and the checks a lone request makes. */
export interface SaleCandidate {
  accountId: string;
  family: { id: string; adminAccountId: string; members: readonly string[] } | undefined;
  /** A member fails the season's eligibility rules. */
  ineligible: boolean;
  /** The documents the step still needs (the error's parameters), or null. */
  documentsAwaited: ErrorParams | null;
  /** Why the package does not suit the family (the error's parameters), or null. */
  packageProblem: ErrorParams | null;
  /** The family already has a live booking this season. */
  alreadyBooked: boolean;
}

export type SaleRefusal =
  | { code: 'application.not_found' | 'application.admin_only' | 'booking.not_eligible' | 'booking.already_booked' }
  | { code: 'booking.package_unsuitable' | 'pilgrim.documents_awaited'; params: ErrorParams };

/** The first check a booking request fails, in the order a lone request makes them, or null when it may take seats. */
export function refusalOf(c: SaleCandidate): SaleRefusal | null {
  if (!c.family) return { code: 'application.not_found' };
  if (c.family.adminAccountId !== c.accountId) return { code: 'application.admin_only' };
  if (c.ineligible) return { code: 'booking.not_eligible' };
  if (c.documentsAwaited) return { code: 'pilgrim.documents_awaited', params: c.documentsAwaited };
  if (c.packageProblem) return { code: 'booking.package_unsuitable', params: c.packageProblem };
  if (c.alreadyBooked) return { code: 'booking.already_booked' };
  return null;
}
