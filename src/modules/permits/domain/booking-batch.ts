import type { ErrorCode, ErrorParams } from '../../../core/errors.ts';
import type { Section } from '../tables.ts';
import { judgeRules, type Ban, type Held, type Rule } from './rules.ts';

/**
 * Judging a batch of booking requests that arrived together (group commit:
 * src/modules/permits/booking-writer.ts), each on its own and in arrival
 * order, against the windows and people as locked in the batch's
 * transaction. A request accepted earlier in the batch counts for the ones
 * after it: its places are taken and its permits are held, so two requests of
 * one person (from two accounts) in one batch meet the rules exactly as if
 * they had come one after the other. Pure: the writer does the reading and
 * the writing.
 */
export interface WindowFacts {
  id: string;
  siteId: string;
  section: Section;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  booked: number;
  releaseAt: Date;
  closedAt: Date | null;
}
export interface PersonFacts {
  id: string;
  gender: 'male' | 'female';
  name: string;
  /** Live permits at each site, and active penalties per site. */
  held: Map<string, Held[]>;
  bans: Map<string, Ban[]>;
}
export interface BookingRequest {
  accountId: string;
  windowId: string;
  personIds: string[];
  /** Moving an existing booking: its own permits do not count against it. */
  excludeBookingPermits?: Held[];
}
export interface SiteFacts {
  maxGroup: number;
  rules: Rule[];
}
export type Judgement = { ok: true } | { ok: false; code: ErrorCode; params: ErrorParams };

const sectionGender: Record<Section, 'male' | 'female'> = { men: 'male', women: 'female' };

/** Whether a window takes bookings now, or why not. */
export function windowRefusal(w: WindowFacts | undefined, now: Date): Judgement | null {
  if (!w) return { ok: false, code: 'permit.window_not_found', params: {} };
  if (w.closedAt) return { ok: false, code: 'permit.window_closed', params: {} };
  if (now >= w.startsAt) return { ok: false, code: 'permit.window_past', params: {} };
  if (now < w.releaseAt) return { ok: false, code: 'permit.window_not_released', params: { releaseAt: w.releaseAt.toISOString() } };
  return null;
}

/** Judges one request; `linked` are the people the account has proved documents for. */
export function judgeRequest(req: BookingRequest, w: WindowFacts | undefined, site: SiteFacts | undefined, people: ReadonlyMap<string, PersonFacts>, linked: ReadonlySet<string>, now: Date): Judgement {
  const closed = windowRefusal(w, now);
  if (closed) return closed;
  const size = req.personIds.length;
  if (size < 1 || !site || size > site.maxGroup) return { ok: false, code: 'permit.group_too_large', params: { max: site?.maxGroup ?? 0 } };
  if (new Set(req.personIds).size !== size) return { ok: false, code: 'permit.person_twice', params: {} };
  for (const id of req.personIds) if (!linked.has(id) || !people.has(id)) return { ok: false, code: 'permit.person_unknown', params: {} };
  const wanted = sectionGender[w!.section];
  const other = req.personIds.map((id) => people.get(id)!).find((p) => p.gender !== wanted);
  if (other) return { ok: false, code: 'permit.wrong_section', params: { member: other.name, section: w!.section } };
  for (const id of req.personIds) {
    const p = people.get(id)!;
    const held = p.held.get(w!.siteId) ?? [];
    const mine = req.excludeBookingPermits ?? [];
    const counted = held.filter((h) => !mine.some((m) => m.startsAt.getTime() === h.startsAt.getTime() && m.endsAt.getTime() === h.endsAt.getTime()));
    const v = judgeRules(site.rules, counted, p.bans.get(w!.siteId) ?? [], w!, now);
    if (!v.ok) {
      return v.kind === 'penalty'
        ? { ok: false, code: 'permit.penalty_active', params: { member: p.name, trigger: v.rule, until: v.eligibleFrom.toISOString() } }
        : { ok: false, code: 'permit.rule_broken', params: { member: p.name, rule: v.rule, kind: v.kind, eligibleFrom: v.eligibleFrom.toISOString() } };
    }
  }
  if (w!.capacity - w!.booked < size) return { ok: false, code: 'permit.window_full', params: { remaining: Math.max(0, w!.capacity - w!.booked) } };
  return { ok: true };
}

/**
 * Judges a batch in order. Accepted requests take their places in `windows`
 * and add held permits to `people` (both are the batch's working copies).
 */
export function judgeBatch(requests: readonly BookingRequest[], windows: Map<string, WindowFacts>, sites: ReadonlyMap<string, SiteFacts>, people: Map<string, PersonFacts>, linked: (accountId: string) => ReadonlySet<string>, now: Date): Judgement[] {
  return requests.map((req) => {
    const w = windows.get(req.windowId);
    const verdict = judgeRequest(req, w, w ? sites.get(w.siteId) : undefined, people, linked(req.accountId), now);
    if (verdict.ok && w) {
      w.booked += req.personIds.length;
      for (const id of req.personIds) {
        const p = people.get(id)!;
        p.held.set(w.siteId, [...(p.held.get(w.siteId) ?? []), { startsAt: w.startsAt, endsAt: w.endsAt, unused: true }]);
      }
    }
    return verdict;
  });
}
