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
 * Adds `n` to two counters in one statement, first then second, or to neither:
 * answers 'first' or 'second' for the one that would cross its bound (the caller
 * rolls back), or null. One round trip instead of two keeps a hot row's lock
 * short when thousands book one package at the opening of the open sale.
 */
export async function takeBoundedPair(executor: Executor, first: [BoundedCounter, string], second: [BoundedCounter, string], n: number): Promise<'first' | 'second' | null> {
  const where = ([c, key]: [BoundedCounter, string]) => whereKey(c, key);
  const [a, b] = [first[0], second[0]];
  const result = await sql<{ first: number; second: number }>`
    with a as (update ${sql.table(a.table)} set ${sql.ref(a.used)} = ${sql.ref(a.used)} + ${n} where ${where(first)} and ${sql.ref(a.used)} + ${n} <= ${sql.ref(a.bound)} returning 1),
         b as (update ${sql.table(b.table)} set ${sql.ref(b.used)} = ${sql.ref(b.used)} + ${n} where ${where(second)} and ${sql.ref(b.used)} + ${n} <= ${sql.ref(b.bound)} and exists (select 1 from a) returning 1)
    select (select count(*) from a)::int as first, (select count(*) from b)::int as second`.execute(executor);
  const row = result.rows[0]!;
  return row.first !== 1 ? 'first' : row.second !== 1 ? 'second' : null;
}

/** Gives seats back (an expired, declined or cancelled booking). */
export async function releaseBounded(executor: Executor, c: BoundedCounter, items: { key: string; n: number }[]): Promise<void> {
  for (const [key, n] of sortedTotals(items)) {
    await sql`update ${sql.table(c.table)} set ${sql.ref(c.used)} = ${sql.ref(c.used)} - ${n} where ${whereKey(c, key)}`.execute(executor);
  }
}
