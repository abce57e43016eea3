/**
 * Complaint deadlines as data, on a season calendar, with the clock paused while waiting for
 * the pilgrim. Pure arithmetic over instants; written by hand because it is our domain (no
 * library knows "working hours in Riyadh, round the clock in season, minus the pilgrim's turns").
 *
 * Riyadh keeps UTC+3 all year (no daylight saving), so a Riyadh day is a fixed 24-hour span
 * starting at 21:00 UTC the day before.
 */

/** When the deadlines' clock runs. */
export interface DeadlineCalendar {
  /** Riyadh weekdays with working hours, 0 = Sunday … 6 = Saturday (Sunday to Thursday by default). */
  workingDays: readonly number[];
  /** Working hours, in minutes after Riyadh midnight: [from, to). */
  from: number;
  to: number;
  /** Periods in which the clock runs round the clock (the season), as instants. */
  roundTheClock: readonly { from: Date; to: Date }[];
}

/** The targets for one category and severity, in clock minutes; null where that deadline does not apply. */
export interface DeadlineTargets {
  acknowledgeMinutes: number | null;
  firstAnswerMinutes: number | null;
  resolveMinutes: number | null;
}
export type DeadlineKind = 'acknowledge' | 'first_answer' | 'resolve';
export const deadlineKinds: readonly DeadlineKind[] = ['acknowledge', 'first_answer', 'resolve'];

/** A span in which the clock was stopped (waiting for the pilgrim); `to` null while it still is. */
export interface Pause {
  from: Date;
  to: Date | null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const RIYADH_OFFSET = 3 * 3_600_000;
const HORIZON_DAYS = 400;

type Span = [number, number];

/** The spans in [from, until) in which the calendar's clock runs, merged and ordered. */
function calendarSpans(cal: DeadlineCalendar, from: number, until: number): Span[] {
  const spans: Span[] = [];
  for (const p of cal.roundTheClock) {
    const a = Math.max(from, p.from.getTime());
    const b = Math.min(until, p.to.getTime());
    if (a < b) spans.push([a, b]);
  }
  // Riyadh days overlapping [from, until).
  for (let day = Math.floor((from + RIYADH_OFFSET) / DAY) * DAY - RIYADH_OFFSET; day < until; day += DAY) {
    const weekday = new Date(day + RIYADH_OFFSET).getUTCDay();
    if (!cal.workingDays.includes(weekday)) continue;
    const a = Math.max(from, day + cal.from * MINUTE);
    const b = Math.min(until, day + cal.to * MINUTE);
    if (a < b) spans.push([a, b]);
  }
  return merge(spans);
}

function merge(spans: Span[]): Span[] {
  spans.sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** `spans` minus the pauses (an open pause runs to the end of time). */
function withoutPauses(spans: Span[], pauses: readonly Pause[]): Span[] {
  let out = spans;
  for (const p of pauses) {
    const a = p.from.getTime();
    const b = p.to ? p.to.getTime() : Number.POSITIVE_INFINITY;
    out = out.flatMap(([x, y]): Span[] => {
      if (b <= x || a >= y) return [[x, y]];
      const keep: Span[] = [];
      if (x < a) keep.push([x, a]);
      if (b < y) keep.push([b, y]);
      return keep;
    });
  }
  return out;
}

/** Minutes the clock ran between `from` and `to`, not counting pauses (fractions kept). */
export function runningMinutes(cal: DeadlineCalendar, from: Date, to: Date, pauses: readonly Pause[] = []): number {
  if (to <= from) return 0;
  const spans = withoutPauses(calendarSpans(cal, from.getTime(), to.getTime()), pauses);
  return spans.reduce((n, [a, b]) => n + (b - a), 0) / MINUTE;
}

/**
 * The instant at which `targetMinutes` of clock time have run since `from`, pauses excluded; null
 * while a pause is open and the target is not yet reached (the deadline is then unknown: the clock
 * is stopped), or when the calendar never runs within a year and more.
 */
export function dueAt(cal: DeadlineCalendar, from: Date, targetMinutes: number, pauses: readonly Pause[] = []): Date | null {
  let need = targetMinutes * MINUTE;
  if (need <= 0) return from;
  const start = from.getTime();
  const spans = withoutPauses(calendarSpans(cal, start, start + HORIZON_DAYS * DAY), pauses);
  for (const [a, b] of spans) {
    if (b - a >= need) return new Date(a + need);
    need -= b - a;
  }
  return null;
}

/** One deadline as the event log shows it: when it started, its target, and when (if) it was met. */
export interface DeadlineRecord {
  kind: DeadlineKind;
  startedAt: Date;
  targetMinutes: number;
  metAt: Date | null;
}

/**
 * Adherence, from the event log and never from stored flags: minutes early (positive) or late
 * (negative) in clock time, pauses excluded. A deadline not yet met counts only once it is late
 * (then by how late it is now); before that it has no figure yet.
 */
export function adherence(cal: DeadlineCalendar, d: DeadlineRecord, pauses: readonly Pause[], now: Date): { minutes: number; met: boolean } | null {
  const ran = runningMinutes(cal, d.startedAt, d.metAt ?? now, pauses);
  const minutes = Math.round((d.targetMinutes - ran) * 10) / 10;
  if (d.metAt) return { minutes, met: true };
  return minutes < 0 ? { minutes, met: false } : null;
}

/**
 * The next deadline of a complaint that has not been met (the one a sweep watches): the earliest
 * due instant of the given unmet deadlines, or null when none is running (all met, or paused).
 */
export function nextDeadline(cal: DeadlineCalendar, running: readonly Omit<DeadlineRecord, 'metAt'>[], pauses: readonly Pause[]): { kind: DeadlineKind; dueAt: Date } | null {
  let next: { kind: DeadlineKind; dueAt: Date } | null = null;
  for (const d of running) {
    const due = dueAt(cal, d.startedAt, d.targetMinutes, pauses);
    if (due && (!next || due < next.dueAt)) next = { kind: d.kind, dueAt: due };
  }
  return next;
}
