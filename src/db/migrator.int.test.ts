import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/harness.ts';
import type { Db } from './database.ts';
import { migrate, MigrationError, readMigrations } from './migrator.ts';

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup?.());

describe('migration runner', () => {
  it('applies each migration once and records its checksum', async () => {
    expect(await migrate(db)).toEqual([]); // the harness already migrated
    const rows = await db.kysely.selectFrom('schema_migrations').selectAll().execute();
    expect(rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
  });

  it('applies a new migration, a multi-statement script, in one transaction', async () => {
    const extra = { name: '9001_extra.sql', script: 'create table extra (id int);\ninsert into extra values (1);', checksum: 'c1' };
    expect(await migrate(db, { migrations: [...readMigrations(), extra] })).toEqual(['9001_extra.sql']);
    const broken = { name: '9002_broken.sql', script: 'create table half (id int);\nselect no_such_function();', checksum: 'c2' };
    await expect(migrate(db, { migrations: [...readMigrations(), extra, broken] })).rejects.toThrow();
    // The failed migration left nothing behind: not its table, not its record.
    const tables = await db.kysely.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('half');
    expect(tables.map((t) => t.name)).toContain('extra');
  });

  it('refuses to run when an applied migration was edited', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db, { migrations: edited })).rejects.toThrow(MigrationError);
  });
});
