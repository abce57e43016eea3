import { sql } from 'kysely';
import type { Executor } from './database.ts';

/**
 * Moving a bounded counter (seats taken of a package, seats used of a quota)
 * without ever crossing its bound, under any concurrency
 * (docs/algorithms/capacity.md).
 *
 * `conditional` — the default and the only mode production uses — is one
 * `UPDATE … SET used = used + n WHERE key = k AND used + n <= bound`: the row
 * lock it takes serialises competing writers and the condition is re-checked
 * on the latest row version, so the bound holds without a read first. Keys
 * are updated in sorted order so two transactions can never deadlock.
 *
 * `unguarded` exists only for the concurrency test's control run: it reads,
 * checks in the application and writes the computed value, the classic lost
 * update. The control must oversell, which proves the test can see one.
 */
export type GuardMode = 'conditional' | 'unguarded';

/**
 * A counter and its bound, as the module that owns the table declares it
 * (the catalogue's package seats, the seasons' country quotas): this file
 * knows the rule, never a module's table.
 */
export interface BoundedCounter {
  table: string;
  used: string;
  bound: string;
  /** Key columns and values, e.g. { id } or { season, country }. */
  key: (k: string) => Record<string, string>;
}

/** The amounts per key, keys in sorted order (the order every writer locks them in). */
function sortedTotals(items: { key: string; n: number }[]): [string, number][] {
  const merged = new Map<string, number>();
  for (const i of items) merged.set(i.key, (merged.get(i.key) ?? 0) + i.n);
  return [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
const whereKey = (c: BoundedCounter, key: string) => sql.join(Object.entries(c.key(key)).map(([col, v]) => sql`${sql.ref(col)} = ${v}`), sql` and `);

/** Adds `n` to each key's counter; answers the first key that would cross its bound, or null. */
export async function takeBounded(executor: Executor, c: BoundedCounter, items: { key: string; n: number }[], mode: GuardMode = 'conditional'): Promise<string | null> {
  for (const [key, n] of sortedTotals(items)) {
    const where = whereKey(c, key);
    if (mode === 'unguarded') {
      const row = await sql<{ used: number; bound: number }>`select ${sql.ref(c.used)} as used, ${sql.ref(c.bound)} as bound from ${sql.table(c.table)} where ${where}`.execute(executor);
      const current = row.rows[0];
      if (!current || current.used + n > current.bound) return key;
      await sql`update ${sql.table(c.table)} set ${sql.ref(c.used)} = ${current.used + n} where ${where}`.execute(executor);
      continue;
    }
    const done = await sql`update ${sql.table(c.table)} set ${sql.ref(c.used)} = ${sql.ref(c.used)} + ${n} where ${where} and ${sql.ref(c.used)} + ${n} <= ${sql.ref(c.bound)}`.execute(executor);
    if (Number(done.numAffectedRows ?? 0) !== 1) return key;
  }
  return null;
}

/**
 * Reads what is left under each key's bound of two counters in one statement,
 * locking the rows of the first counter's keys, then the second's, each in
 * sorted order (`conditional`), so nothing else moves them until the
 * transaction ends: the first half of a group commit that decides, in the
 * application, which of many requests fit (the second half is `addBounded`).
 * `unguarded` (the control) reads without locking, the classic lost update. A
 * key with no row is absent from the answer.
 */
export async function leftUnderBounds(executor: Executor, first: [BoundedCounter, string[]], second: [BoundedCounter, string[]], mode: GuardMode = 'conditional'): Promise<[Map<string, number>, Map<string, number>]> {
  const part = ([c, keys]: [BoundedCounter, string[]], which: number) => {
    const sorted = [...new Set(keys)].sort();
    const keyOf = sql`case ${sql.join(sorted.map((k) => sql`when ${whereKey(c, k)} then ${k}::text`), sql` `)} end`;
    const order = sql.join(Object.keys(c.key(sorted[0]!)).map((col) => sql.ref(col)));
    return sql`select ${which}::int as which, ${keyOf} as key, (${sql.ref(c.bound)} - ${sql.ref(c.used)})::int as left
      from ${sql.table(c.table)} where ${sql.join(sorted.map((k) => sql`(${whereKey(c, k)})`), sql` or `)}
      order by ${order}${mode === 'conditional' ? sql` for update` : sql``}`;
  };
  const answer: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
  const parts = [first, second].flatMap((p, i) => (p[1].length ? [part(p, i)] : []));
  if (parts.length === 0) return answer;
  // Materialized, and appended in order: the first counter's rows are locked before the second's.
  const names = parts.map((_, i) => sql.raw(`part${i}`));
  const rows = await sql<{ which: number; key: string; left: number }>`with ${sql.join(parts.map((q, i) => sql`${names[i]!} as materialized (${q})`))}
    ${sql.join(names.map((n) => sql`select * from ${n}`), sql` union all `)}`.execute(executor);
  for (const r of rows.rows) answer[r.which]!.set(r.key, Number(r.left));
  return answer;
}

/**
 * The statement that adds each key's amount to its counter, for a writer that
 * runs it within one of its own statements after `leftUnderBounds` (a
 * data-modifying CTE; it returns one row per key moved). The bound is checked
 * again, so a caller that counted wrong moves fewer rows than keys and must roll
 * back. `unguarded` writes the value computed from the unlocked read instead.
 */
export function addBounded(c: BoundedCounter, totals: ReadonlyMap<string, number>, mode: GuardMode = 'conditional', left?: ReadonlyMap<string, number>) {
  const keys = [...totals.keys()].sort();
  const cases = (value: (key: string) => unknown) => sql`case ${sql.join(keys.map((k) => sql`when ${whereKey(c, k)} then ${value(k)}::int`), sql` `)} end`;
  const anyKey = sql.join(keys.map((k) => sql`(${whereKey(c, k)})`), sql` or `);
  if (mode === 'unguarded') {
    // used = bound - left + n, from the read that took no lock: a concurrent writer's seats are lost.
    return sql`update ${sql.table(c.table)} set ${sql.ref(c.used)} = ${sql.ref(c.bound)} - ${cases((k) => left?.get(k) ?? 0)} + ${cases((k) => totals.get(k))} where ${anyKey} returning 1`;
  }
  const n = cases((k) => totals.get(k));
  return sql`update ${sql.table(c.table)} set ${sql.ref(c.used)} = ${sql.ref(c.used)} + ${n} where (${anyKey}) and ${sql.ref(c.used)} + ${n} <= ${sql.ref(c.bound)} returning 1`;
}

/** Gives seats back (an expired, declined or cancelled booking). */
export async function releaseBounded(executor: Executor, c: BoundedCounter, items: { key: string; n: number }[]): Promise<void> {
  for (const [key, n] of sortedTotals(items)) {
    await sql`update ${sql.table(c.table)} set ${sql.ref(c.used)} = ${sql.ref(c.used)} - ${n} where ${whereKey(c, key)}`.execute(executor);
  }
}
