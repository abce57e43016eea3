import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/**
 * The fairness audit (docs/algorithms/draw.md, "Fairness audit"). For each
 * factor (submission time, family size, country) it tests, with Pearson's
 * chi-square test of independence:
 *
 * - order: is the place in the draw order (in quartiles) independent of the
 *   factor? It must be: the order comes from the seed alone. A small p-value
 *   here means the shuffle is broken and the draw must not be published.
 * - winners: is winning independent of the factor? For submission time it
 *   must be (a lottery was once voided because most winners came from the
 *   first two days of entries). Family size and country legitimately change
 *   the odds (a big family fits fewer packages; quotas differ), so for them
 *   the p-value is reported, not judged.
 */
export interface AuditEntry {
  position: number;
  won: boolean;
  submittedAt: number;
  familySize: number;
  country: string;
}

export interface ChiSquare {
  statistic: number;
  df: number;
  pValue: number;
  /** The smallest expected count of any cell (0 when there is no table to test). */
  minExpected: number;
  /**
   * Whether the data are enough for the test to mean anything (Cochran's rule:
   * at least two groups and two outcomes, no expected count below 1, and at
   * most a fifth of the cells below 5). When false, the p-value says nothing —
   * neither "dependence" nor "no dependence" — and is not judged.
   */
  sufficient: boolean;
}

export interface FactorAudit {
  factor: 'submission_time' | 'family_size' | 'country';
  groups: { label: string; entries: number; winners: number; winRate: number; meanPositionShare: number }[];
  order: ChiSquare;
  winners: ChiSquare;
  /** True when a test that must pass fails at the audit's significance level. */
  flagged: boolean;
}

/** Cochran's rule for the chi-square approximation. */
export const MIN_EXPECTED = 5;

/** Significance level: several tests run per draw, so it is strict to keep false alarms rare. */
export const ALPHA = 0.001;
/** Groups smaller than this are pooled into "other" so expected counts stay meaningful. */
const MIN_GROUP = 20;
const ORDER_BINS = 4;

/** Pearson's chi-square test of independence over a table of counts (rows × columns). */
export function chiSquareTest(table: number[][]): ChiSquare {
  const rows = table.filter((r) => r.some((v) => v > 0));
  const cols = rows[0]?.length ?? 0;
  const colTotals = Array.from({ length: cols }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0));
  const keptCols = colTotals.map((t, j) => (t > 0 ? j : -1)).filter((j) => j >= 0);
  const total = colTotals.reduce((a, b) => a + b, 0);
  const df = (rows.length - 1) * (keptCols.length - 1);
  if (df <= 0 || total === 0) return { statistic: 0, df: 0, pValue: 1, minExpected: 0, sufficient: false };
  let statistic = 0;
  let minExpected = Infinity;
  let small = 0;
  for (const r of rows) {
    const rowTotal = r.reduce((a, b) => a + b, 0);
    for (const j of keptCols) {
      const expected = (rowTotal * colTotals[j]!) / total;
      statistic += (r[j]! - expected) ** 2 / expected;
      minExpected = Math.min(minExpected, expected);
      if (expected < MIN_EXPECTED) small++;
    }
  }
  const sufficient = minExpected >= 1 && small <= (rows.length * keptCols.length) / 5;
  return { statistic, df, pValue: Math.max(0, 1 - chisquareCdf(statistic, df)), minExpected, sufficient };
}

function audit(factor: FactorAudit['factor'], entries: AuditEntry[], groupOf: (e: AuditEntry) => string, mustBeIndependent: boolean): FactorAudit {
  const n = entries.length;
  const raw = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const g = groupOf(e);
    (raw.get(g) ?? raw.set(g, []).get(g)!).push(e);
  }
  const grouped = new Map<string, AuditEntry[]>();
  for (const [label, members] of [...raw].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    const key = members.length < MIN_GROUP ? 'other' : label;
    grouped.set(key, [...(grouped.get(key) ?? []), ...members]);
  }
  const groups = [...grouped].map(([label, members]) => {
    const winners = members.filter((m) => m.won).length;
    return {
      label,
      entries: members.length,
      winners,
      winRate: winners / members.length,
      meanPositionShare: members.reduce((s, m) => s + m.position, 0) / members.length / Math.max(1, n - 1),
    };
  });
  const orderTable = [...grouped.values()].map((members) => {
    const bins = new Array<number>(ORDER_BINS).fill(0);
    for (const m of members) bins[Math.min(ORDER_BINS - 1, Math.floor((m.position * ORDER_BINS) / n))]! += 1;
    return bins;
  });
  const winnersTable = [...grouped.values()].map((members) => {
    const w = members.filter((m) => m.won).length;
    return [w, members.length - w];
  });
  const order = chiSquareTest(orderTable);
  const winners = chiSquareTest(winnersTable);
  const fails = (t: ChiSquare) => t.sufficient && t.pValue < ALPHA;
  return { factor, groups, order, winners, flagged: fails(order) || (mustBeIndependent && fails(winners)) };
}

/** Submission time in ten groups of equal size (deciles), family size, and country. */
export function fairnessAudit(entries: AuditEntry[]): FactorAudit[] {
  const times = entries.map((e) => e.submittedAt).sort((a, b) => a - b);
  const decileOf = (t: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(9, Math.floor((lo * 10) / Math.max(1, times.length)));
  };
  return [
    audit('submission_time', entries, (e) => `D${decileOf(e.submittedAt) + 1}`, true),
    audit('family_size', entries, (e) => String(e.familySize), false),
    audit('country', entries, (e) => e.country, false),
  ];
}
