import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/harness.ts';
import type { Db } from './database.ts';
import { copyRows, copyText } from './copy.ts';

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(() => cleanup());

describe('copyRows', () => {
  it('loads rows with awkward text, nulls and arrays, inside the caller\'s transaction', async () => {
    await sql`create table copy_probe (id integer primary key, note text, tags text[])`.execute(db.kysely);
    await db.kysely.transaction().execute(async (trx) => {
      await copyRows(trx, 'copy_probe', ['id', 'note', 'tags'], [
        [1, 'tab\there, newline\nthere, backslash \\ and "quotes"', ['a', 'b c']],
        [2, null, []],
        ...Array.from({ length: 12_000 }, (_, i) => [i + 3, `row ${i}`, ['x']]),
      ]);
    });
    const rows = await sql<{ id: number; note: string | null; tags: string[] }>`select * from copy_probe where id <= 2 order by id`.execute(db.kysely);
    expect(rows.rows).toEqual([
      { id: 1, note: 'tab\there, newline\nthere, backslash \\ and "quotes"', tags: ['a', 'b c'] },
      { id: 2, note: null, tags: [] },
    ]);
    expect((await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(db.kysely)).rows[0]!.n).toBe(12_002);
  });

  it('rolls back with the transaction', async () => {
    await sql`create table copy_rollback (id integer primary key)`.execute(db.kysely);
    await expect(db.kysely.transaction().execute(async (trx) => {
      await copyRows(trx, 'copy_rollback', ['id'], [[1], [2]]);
      throw new Error('crash after the load');
    })).rejects.toThrow('crash after the load');
    expect((await sql<{ n: number }>`select count(*)::int as n from copy_rollback`.execute(db.kysely)).rows[0]!.n).toBe(0);
  });

  it('refuses an unsafe identifier', async () => {
    await expect(copyRows(db.kysely, 'x; drop table y', ['id'], [[1]])).rejects.toThrow(/unsafe/);
  });

  it.each([[null, '\\N'], ['a\\b', 'a\\\\b'], [new Date('2026-01-01T00:00:00Z'), '2026-01-01T00:00:00.000Z'], [['q"x'], '{"q\\\\"x"}']])('writes %j as %s', (v, text) => {
    expect(copyText(v)).toBe(text);
  });
});
