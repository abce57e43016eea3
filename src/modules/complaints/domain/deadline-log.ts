import { dueAt, runningMinutes, type DeadlineCalendar, type DeadlineKind, type DeadlineTargets, type Pause } from './deadlines.ts';

/**
 * A complaint's deadlines read from its event log, and only from it: when each began (filing;
 * a reopening begins a new resolution deadline), its target (copied into the filing event from
 * the rules then in force, so a later change of the rules does not move old deadlines), when it
 * was met, whether the sweep has already recorded it as breached, and the pilgrim's pauses.
 */
export interface LogEvent {
  action: string;
  actor: string;
  at: Date;
  data: Record<string, unknown>;
}

export interface TrackedDeadline {
  kind: DeadlineKind;
  startedAt: Date;
  targetMinutes: number;
  metAt: Date | null;
  breachedAt: Date | null;
}

/** Which steps meet which deadline: the first of them to happen meets it. */
const meets: Record<DeadlineKind, (e: LogEvent) => boolean> = {
  acknowledge: (e) => e.action === 'acknowledge',
  // A first answer is the first word the pilgrim gets from whoever holds the complaint.
  first_answer: (e) => e.action === 'respond' || e.action === 'resolve' || (e.action === 'ask_pilgrim' && e.actor !== 'system') || (e.action === 'comment' && (e.actor === 'provider' || e.actor === 'ministry')),
  resolve: (e) => e.action === 'resolve',
};

/** What leaves a wait for the pilgrim (and so ends the pause). */
const endsWait = new Set(['pilgrim_replies', 'escalate', 'resolve', 'close']);

export function readLog(events: readonly LogEvent[]): { deadlines: TrackedDeadline[]; pauses: Pause[] } {
  const deadlines: TrackedDeadline[] = [];
  const pauses: Pause[] = [];
  for (const e of events) {
    if (e.action === 'file' || e.action === 'reopen') {
      const targets = e.data.targets as DeadlineTargets | undefined;
      if (targets) {
        const kinds: [DeadlineKind, number | null][] = e.action === 'file'
          ? [['acknowledge', targets.acknowledgeMinutes], ['first_answer', targets.firstAnswerMinutes], ['resolve', targets.resolveMinutes]]
          : [['resolve', targets.resolveMinutes]];
        for (const [kind, target] of kinds) if (target != null) deadlines.push({ kind, startedAt: e.at, targetMinutes: target, metAt: null, breachedAt: null });
      }
      continue;
    }
    if (e.action === 'breach') {
      const d = deadlines.find((x) => x.kind === e.data.kind && x.breachedAt === null && x.metAt === null);
      if (d) d.breachedAt = e.at;
      continue;
    }
    const open = pauses.at(-1);
    if (open && open.to === null && endsWait.has(e.action)) open.to = e.at;
    if (e.action === 'ask_pilgrim') pauses.push({ from: e.at, to: null });
    for (const d of deadlines) if (d.metAt === null && meets[d.kind](e)) d.metAt = e.at;
  }
  return { deadlines, pauses };
}

/** The earliest deadline neither met nor already recorded as breached (what the sweep watches); null when none runs. */
export function watchedDeadline(cal: DeadlineCalendar, log: ReturnType<typeof readLog>): { kind: DeadlineKind; dueAt: Date } | null {
  let next: { kind: DeadlineKind; dueAt: Date } | null = null;
  for (const d of log.deadlines) {
    if (d.metAt || d.breachedAt) continue;
    const due = dueAt(cal, d.startedAt, d.targetMinutes, log.pauses);
    if (due && (!next || due < next.dueAt)) next = { kind: d.kind, dueAt: due };
  }
  return next;
}

/** The deadlines due by `now` that are neither met nor recorded as breached: what a sweep records now. */
export function breachesDue(cal: DeadlineCalendar, log: ReturnType<typeof readLog>, now: Date): DeadlineKind[] {
  return log.deadlines.filter((d) => {
    if (d.metAt || d.breachedAt) return false;
    const due = dueAt(cal, d.startedAt, d.targetMinutes, log.pauses);
    return due !== null && due <= now;
  }).map((d) => d.kind);
}

/**
 * Each deadline met by this step, with its minutes early (positive) or late (negative) in clock
 * time: recorded in the log as `deadline_met` events, which the indicators add up.
 */
export function metBy(cal: DeadlineCalendar, before: ReturnType<typeof readLog>, step: LogEvent): { kind: DeadlineKind; minutes: number; late: boolean; breached: boolean }[] {
  return before.deadlines.filter((d) => d.metAt === null && meets[d.kind](step)).map((d) => {
    const pauses = before.pauses.map((p) => (p.to === null && endsWait.has(step.action) ? { from: p.from, to: step.at } : p));
    const minutes = Math.round((d.targetMinutes - runningMinutes(cal, d.startedAt, step.at, pauses)) * 10) / 10;
    return { kind: d.kind, minutes, late: minutes < 0, breached: d.breachedAt !== null };
  });
}
