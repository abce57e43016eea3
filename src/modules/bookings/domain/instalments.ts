import { riyadhMidnight } from '../../../core/dates.ts';
/**
 * Instalment plans (data per season): steps of a percentage of the price; the
 * first is due by the offer's deadline, each later one `daysBeforeArrival`
 * days before the season's arrival date. Amounts are whole halalas: each step
 * takes its percentage rounded down and the last takes what is left, so the
 * steps always add up to the price.
 */
export interface PlanStep {
  percent: number;
  daysBeforeArrival: number | null;
}

export const payInFull: PlanStep[] = [{ percent: 100, daysBeforeArrival: null }];

/** Why a plan cannot be used, or null. */
export type PlanProblem = 'no_steps' | 'first_step_dated' | 'later_step_undated' | 'not_approaching' | 'not_100_percent';

export function planProblem(steps: PlanStep[]): PlanProblem | null {
  if (steps.length === 0) return 'no_steps';
  if (steps[0]!.daysBeforeArrival !== null) return 'first_step_dated';
  if (steps.slice(1).some((s) => s.daysBeforeArrival === null)) return 'later_step_undated';
  for (let i = 2; i < steps.length; i++) if (steps[i]!.daysBeforeArrival! >= steps[i - 1]!.daysBeforeArrival!) return 'not_approaching';
  if (steps.reduce((s, x) => s + x.percent, 0) !== 100) return 'not_100_percent';
  return null;
}

export interface ScheduleLine {
  amount: number;
  /** Cumulative amount paid once this step is done. */
  cumulative: number;
  /** null: by the offer's deadline. */
  dueAt: Date | null;
}

export function schedule(amountDue: number, steps: PlanStep[], arrivalDate: string): ScheduleLine[] {
  const arrival = riyadhMidnight(arrivalDate).getTime();
  let cumulative = 0;
  return steps.map((s, i) => {
    const amount = i === steps.length - 1 ? amountDue - cumulative : Math.floor((amountDue * s.percent) / 100);
    cumulative += amount;
    return { amount, cumulative, dueAt: s.daysBeforeArrival === null ? null : new Date(arrival - s.daysBeforeArrival * 86_400_000) };
  });
}

/**
 * The hold's deadline once `paid` has been paid: unchanged while the first step is
 * incomplete; then the due date of the first step not yet covered — never earlier
 * than the current deadline. null once everything is paid.
 */
export function nextDeadline(lines: ScheduleLine[], paid: number, current: Date): Date | null {
  const open = lines.find((l) => l.cumulative > paid);
  if (!open) return null;
  if (open.dueAt === null) return current;
  return open.dueAt > current ? open.dueAt : current;
}
