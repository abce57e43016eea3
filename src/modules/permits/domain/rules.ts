import { addDays, gregorianOf, hijriOf, riyadhDate, riyadhMidnight, type IsoDate } from '../../../core/dates.ts';
import type { PenaltyTrigger, RuleKind } from '../tables.ts';

/**
 * Frequency rules, as data per site and season, judged per person (a person
 * is their document: docs/algorithms/permits.md). Every refusal names the
 * rule and the first moment the person may book again.
 *
 * - `per_hijri_month` (month m, at most n): windows in Hijri month m hold at most n permits per
 *   Hijri year — "one Umrah per Ramadan". Eligible again the day after that month ends.
 * - `per_days` (d days, at most n): no d-day span holds more than n permits — "the Rawdah once
 *   in 365 days". Eligible again d days after the permit that blocks.
 * - `max_active` (at most n): permits not yet used and not yet over. Eligible again when the
 *   earliest of them ends.
 * - `min_gap_hours` (g): windows at least g hours apart. Eligible again g hours after the blocking one.
 *
 * A rule holds for windows whose Saudi date lies in its season (`appliesFrom` … `appliesTo`, either open).
 */
export interface Rule {
  code: string;
  kind: RuleKind;
  hijriMonth?: number | null;
  days?: number | null;
  maxCount?: number | null;
  gapHours?: number | null;
  appliesFrom?: IsoDate | null;
  appliesTo?: IsoDate | null;
}

/** A permit a person holds at the site (valid or used), or an active penalty. */
export interface Held {
  startsAt: Date;
  endsAt: Date;
  /** Not yet used: counts toward `max_active` while it has not ended. */
  unused: boolean;
}
export interface Ban {
  trigger: PenaltyTrigger;
  endsAt: Date;
}

export type RuleVerdict = { ok: true } | { ok: false; rule: string; kind: RuleKind | 'penalty'; eligibleFrom: Date; trigger?: PenaltyTrigger };

const HOUR = 3_600_000;
const DAY = 86_400_000;

function appliesTo(rule: Rule, day: IsoDate) {
  return (!rule.appliesFrom || day >= rule.appliesFrom) && (!rule.appliesTo || day <= rule.appliesTo);
}

/** The first day after Hijri month `month` of `year` ends. */
function dayAfterMonth(year: number, month: number): IsoDate {
  return month === 12 ? gregorianOf(year + 1, 1, 1) : gregorianOf(year, month + 1, 1);
}

/** Judges one person for a window: penalties first, then each rule in order; the first that fails answers. */
export function judgeRules(rules: readonly Rule[], held: readonly Held[], bans: readonly Ban[], window: { startsAt: Date }, now: Date): RuleVerdict {
  const ban = bans.filter((b) => b.endsAt > now).sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
  if (ban) return { ok: false, rule: ban.trigger, kind: 'penalty', eligibleFrom: ban.endsAt, trigger: ban.trigger };
  const day = riyadhDate(window.startsAt);
  const w = window.startsAt.getTime();
  for (const rule of rules) {
    if (!appliesTo(rule, day)) continue;
    const refuse = (eligibleFrom: Date): RuleVerdict => ({ ok: false, rule: rule.code, kind: rule.kind, eligibleFrom });
    switch (rule.kind) {
      case 'per_hijri_month': {
        const h = hijriOf(day);
        if (h.month !== rule.hijriMonth) break;
        const inMonth = held.filter((p) => {
          const ph = hijriOf(riyadhDate(p.startsAt));
          return ph.year === h.year && ph.month === h.month;
        });
        if (inMonth.length >= (rule.maxCount ?? 1)) return refuse(riyadhMidnight(dayAfterMonth(h.year, h.month)));
        break;
      }
      case 'per_days': {
        const span = (rule.days ?? 365) * DAY;
        const near = held.map((p) => p.startsAt.getTime()).filter((s) => Math.abs(s - w) < span).sort((a, b) => b - a);
        const n = rule.maxCount ?? 1;
        if (near.length >= n) return refuse(new Date(near[n - 1]! + span));
        break;
      }
      case 'max_active': {
        const active = held.filter((p) => p.unused && p.endsAt > now).map((p) => p.endsAt.getTime()).sort((a, b) => a - b);
        if (active.length >= (rule.maxCount ?? 1)) return refuse(new Date(active[0]!));
        break;
      }
      case 'min_gap_hours': {
        const gap = (rule.gapHours ?? 24) * HOUR;
        const close = held.map((p) => p.startsAt.getTime()).filter((s) => Math.abs(s - w) < gap);
        if (close.length > 0) return refuse(new Date(Math.max(...close) + gap));
        break;
      }
    }
  }
  return { ok: true };
}

/** A rule's shape, checked when the ministry sets it (the database checks the ranges too). */
export function ruleProblem(r: Rule): string | null {
  if (r.kind === 'per_hijri_month' && !r.hijriMonth) return 'hijri_month_needed';
  if (r.kind === 'per_days' && !r.days) return 'days_needed';
  if (r.kind === 'min_gap_hours' && !r.gapHours) return 'gap_needed';
  if (r.appliesFrom && r.appliesTo && r.appliesFrom > r.appliesTo) return 'season_backwards';
  return null;
}

/** When a penalty that starts at `from` ends. */
export const penaltyEnd = (from: Date, banDays: number) => riyadhMidnight(addDays(riyadhDate(from), banDays + 1));
