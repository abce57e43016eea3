import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/harness.ts';
import type { Db } from './database.ts';
import { CopyBinaryWriter, pgDays } from './copy-binary.ts';
import { copyBinaryChunks, copyChunks, copyRows, copyText } from './copy.ts';

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

describe('copyChunks and copyBinaryChunks', () => {
  it('load chunks that come asynchronously, as text or bytes', async () => {
    await sql`create table copy_async (id integer primary key, note text)`.execute(db.kysely);
    async function* chunks() {
      yield '1\tone\n2\t\\N\n';
      await new Promise((resolve) => setTimeout(resolve, 5));
      yield new TextEncoder().encode('3\tthree\n');
    }
    await db.kysely.transaction().execute((trx) => copyChunks(trx, 'copy_async', ['id', 'note'], chunks()));
    expect((await sql<{ id: number; note: string | null }>`select * from copy_async order by id`.execute(db.kysely)).rows)
      .toEqual([{ id: 1, note: 'one' }, { id: 2, note: null }, { id: 3, note: 'three' }]);
  });

  it('load tuples of the binary format, every type the writer knows, in chunks', async () => {
    await sql`create table copy_binary (id integer primary key, note text, flag boolean, small smallint, day date, at timestamptz, key uuid)`.execute(db.kysely);
    const w = new CopyBinaryWriter(16);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (let id = 1; id <= 3000; id++) {
      w.row(7);
      w.int4(id);
      if (id === 2) w.null();
      else w.text(id === 1 ? 'مكة\ttab \\ "q"' : `n${id}`);
      w.bool(id % 2 === 0);
      w.int2(id === 1 ? -7 : id % 130);
      w.date(pgDays(id === 1 ? '1999-12-31' : '2023-06-27'));
      w.timestamptz(Date.parse('2026-05-01T08:00:00.123Z') + id);
      w.uuid(0x01234567, 0x89ab4def, 0x8edcba98, id);
      if (id % 1000 === 0) chunks.push(w.take());
    }
    async function* later() {
      for (const chunk of chunks) yield chunk;
    }
    await db.kysely.transaction().execute((trx) => copyBinaryChunks(trx, 'copy_binary', ['id', 'note', 'flag', 'small', 'day', 'at', 'key'], later()));
    const rows = await sql<Record<string, unknown>>`select id, note, flag, small, day, to_json(at) #>> '{}' as at, key from copy_binary where id <= 2 order by id`.execute(db.kysely);
    expect(rows.rows).toEqual([
      { id: 1, note: 'مكة\ttab \\ "q"', flag: false, small: -7, day: '1999-12-31', at: '2026-05-01T08:00:00.124+00:00', key: '01234567-89ab-4def-8edc-ba9800000001' },
      { id: 2, note: null, flag: true, small: 2, day: '2023-06-27', at: '2026-05-01T08:00:00.125+00:00', key: '01234567-89ab-4def-8edc-ba9800000002' },
    ]);
    expect((await sql<{ n: number }>`select count(*)::int as n from copy_binary`.execute(db.kysely)).rows[0]!.n).toBe(3000);
  });
});
