import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { drawRound, drawTimeline, hajjFixtures } from '../../testing/hajj-fixtures.ts';
import { verifyFiles } from './domain/verify.ts';

// The draws run at the moments that make their freeze name a real quicknet round (hajj-fixtures.ts).
const { calendar, moments } = drawTimeline;

describe('draw faults', () => {
  let t: TestApp;
  let fx: ReturnType<typeof hajjFixtures>;
  let ministry: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(moments.start);
    fx = hajjFixtures(t);
    ({ ministry } = await fx.season({ FR: 50 }, { small: { capacity: 3, countries: ['FR'] } }, calendar));
  });
  afterAll(async () => t?.close());

  it('refuses to rank a package smaller than the family, so such a family never enters', async () => {
    t.clock.set(moments.preference);
    const big = await fx.family('FR', 4, []);
    const pkg = (await t.db.kysely.selectFrom('packages').select('id').executeTakeFirstOrThrow()).id;
    const res = await fx.api('PUT', `/applications/${big.id}/ranking`, big.admin.headers, { packageIds: [pkg] });
    expect(res.json().code).toBe('application.ranking_rule');
  });

  it('draws an empty pool: a commitment to nothing, no results, nothing held, and files that verify', async () => {
    t.clock.set(moments.frozen);
    const frozen = await fx.api('POST', '/seasons/1448H/draw/freeze', ministry, {});
    expect(frozen.json().commitment).toMatchObject({ entryCount: 0, merkleRoot: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', entriesHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    t.clock.set(moments.roundOut);
    expect((await fx.api('POST', '/seasons/1448H/draw/random-value', ministry, drawRound)).statusCode).toBe(200);
    expect((await fx.api('POST', '/seasons/1448H/draw/run', ministry)).json().summary.tables).toMatchObject({ entries: 0, winners: 0 });
    expect((await fx.api('POST', '/seasons/1448H/draw/publish', ministry)).json().status).toBe('published');
    expect((await fx.api('GET', '/seasons/1448H/draw/files/entries.ndjson', {})).body).toBe('');
    expect((await fx.api('GET', '/seasons/1448H/draw/files/results.ndjson', {})).body).toBe('');
    const files = Object.fromEntries(await Promise.all(['commitment.json', 'parameters.json', 'entries.ndjson', 'seed.json', 'results.ndjson'].map(async (n) => [n, (await fx.api('GET', `/seasons/1448H/draw/files/${n}`, {})).body])));
    expect(verifyFiles(files)).toMatchObject({ identical: true, stage: 'published', entries: 0, winners: 0 });
  });
});

/** Six families of one for a package of 4, frozen and seeded with the named round: a draw ready to run. */
async function seededDraw() {
  const t = await createTestApp();
  t.clock.set(moments.start);
  const fx = hajjFixtures(t);
  const s = await fx.season({ FR: 50 }, { a: { capacity: 4, countries: ['FR'] } }, calendar);
  t.clock.set(moments.preference);
  for (let i = 0; i < 6; i++) await fx.family('FR', 1, [s.packages.a!]);
  t.clock.set(moments.frozen);
  const committed: string = (await fx.api('POST', '/seasons/1448H/draw/freeze', s.ministry, {})).json().commitment.merkleRoot;
  t.clock.set(moments.roundOut);
  expect((await fx.api('POST', '/seasons/1448H/draw/random-value', s.ministry, drawRound)).statusCode).toBe(200);
  return { t, fx, ministry: s.ministry, committed };
}

describe('a crash while the results are written', () => {
  let t: TestApp;
  let fx: ReturnType<typeof hajjFixtures>;
  let ministry: Record<string, string>;
  beforeAll(async () => {
    ({ t, fx, ministry } = await seededDraw());
  });
  afterAll(async () => t?.close());

  it('leaves nothing half-written, and the next run completes', async () => {
    // The database fails part-way through the load, as a crash would.
    await t.db.execScript(t.db.kysely, `create function fail_on_fourth() returns trigger language plpgsql as $$ begin
      if new.position = 3 then raise exception 'simulated crash'; end if; return new; end $$;
      create trigger crash before insert on draw_results for each row execute function fail_on_fourth();`);
    const crashed = await fx.api('POST', '/seasons/1448H/draw/run', ministry);
    expect(crashed.statusCode).toBe(500);
    expect((await t.db.kysely.selectFrom('draw_results').selectAll().execute())).toHaveLength(0);
    expect((await fx.api('GET', '/seasons/1448H/draw', {})).json().status).toBe('seeded');
    await sql.raw('drop trigger crash on draw_results').execute(t.db.kysely);
    const run = await fx.api('POST', '/seasons/1448H/draw/run', ministry);
    expect(run.json()).toMatchObject({ status: 'drawn', summary: { tables: { entries: 6, winners: 4 } } });
    expect((await t.db.kysely.selectFrom('draw_results').selectAll().execute())).toHaveLength(6);
  });
});

describe('a record changed after the freeze', () => {
  let t: TestApp;
  let fx: ReturnType<typeof hajjFixtures>;
  let ministry: Record<string, string>;
  let committed: string;
  beforeAll(async () => {
    ({ t, fx, ministry, committed } = await seededDraw());
  });
  afterAll(async () => t?.close());

  it('is refused by the run, which writes nothing, and the run completes once the record is restored', async () => {
    const entry = () => t.db.kysely.selectFrom('draw_entries').select('record').where('leaf_index', '=', 2).executeTakeFirstOrThrow();
    const frozen = (await entry()).record;
    const changed = frozen.replace('"size":1', '"size":2');
    expect(changed).not.toBe(frozen);
    await t.db.kysely.updateTable('draw_entries').set({ record: changed }).where('leaf_index', '=', 2).execute();
    const refused = await fx.api('POST', '/seasons/1448H/draw/run', ministry);
    expect(refused.json()).toMatchObject({ status: 500, code: 'draw.root_mismatch' });
    const { params, title } = refused.json() as { params: { computed: string; committed: string }; title: string };
    expect(params.committed).toBe(committed);
    expect(params.computed).toMatch(/^[0-9a-f]{64}$/);
    expect(params.computed).not.toBe(committed);
    expect(title).toContain(committed);
    expect(await t.db.kysely.selectFrom('draw_results').selectAll().execute()).toHaveLength(0);
    expect((await fx.api('GET', '/seasons/1448H/draw', {})).json().status).toBe('seeded');
    await t.db.kysely.updateTable('draw_entries').set({ record: frozen }).where('leaf_index', '=', 2).execute();
    const run = await fx.api('POST', '/seasons/1448H/draw/run', ministry);
    expect(run.json()).toMatchObject({ status: 'drawn', summary: { tables: { entries: 6, winners: 4 } } });
  });
});
