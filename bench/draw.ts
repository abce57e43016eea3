import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from '../src/db/copy.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { ALGORITHM, canonicalRecord, computeDraw, resultRows, createDrawRepository, fairnessAudit, frozenInputs, type DrawEntry, type DrawParameters, type EntryRow, type ResultRow } from '../src/modules/draw/index.ts';
import { drawCeiling } from './draw-ceiling.ts';
import { benchDatabaseEnv, emit } from './support.ts';

const PILGRIMS = Number(process.env.BENCH_PILGRIMS ?? 1_660_915);
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 2000);
const COUNTRIES = 126;
/** Families of 1 to 8, mostly small (weights in percent). */
const SIZE_WEIGHTS = [30, 20, 15, 12, 9, 7, 4, 3];

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic season: families summing to exactly PILGRIMS people, 5 ranked choices each with a popularity skew. */
function syntheticSeason() {
  const rnd = mulberry32(1448);
  const countries = Array.from({ length: COUNTRIES }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));
  const packages = Array.from({ length: PACKAGES }, () => ({ id: randomUUID(), seats: 100 + Math.floor(rnd() * 300) }));
  const entries: DrawEntry[] = [];
  const demand = new Map<string, number>();
  let people = 0;
  while (people < PILGRIMS) {
    let r = rnd() * 100;
    let size = 1;
    for (const w of SIZE_WEIGHTS) {
      if (r < w) break;
      r -= w;
      size++;
    }
    size = Math.min(size, 8, PILGRIMS - people);
    // Countries and packages follow a skew: a few are much more popular than the rest.
    const country = countries[Math.floor(COUNTRIES * rnd() ** 2)]!;
    const choices = new Set<string>();
    while (choices.size < 5) choices.add(packages[Math.floor(PACKAGES * rnd() ** 1.5)]!.id);
    entries.push({ applicationId: randomUUID(), familySize: size, country, choices: [...choices], pool: rnd() < 0.6 ? 'first_time' : 'general' });
    demand.set(country, (demand.get(country) ?? 0) + size);
    people += size;
  }
  entries.sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
  const seats = packages.reduce((s, p) => s + p.seats, 0);
  // Quotas: each country's share of the seats in proportion to its demand.
  const quotas = countries.map((country) => ({ country, seats: Math.round(((demand.get(country) ?? 0) / people) * seats) }));
  const parameters: DrawParameters = { packages, quotas, pools: [{ code: 'first_time', shareBps: 2000 }, { code: 'general' }] };
  return { entries, parameters, people, seats };
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * draw: (a) the whole draw in memory (commitment, seed, order, allocation) for a
 * season of 1,660,915 pilgrims, as the run computes it: from the season frozen into
 * draw_entries and read back before the clock by the run's own function (frozenInputs:
 * entries in leaf order, and their canonical records as frozen), against its ceiling in the same run (bare hashing of
 * the records into the tree, the stream and shuffle, one pass of choice checks:
 * draw-ceiling.ts), ratio = ceiling time / draw time; (b) writing every result to PostgreSQL through
 * the service's own path (COPY in the run's transaction); (c) as the ceiling, a
 * bare COPY of the same rows, pre-serialised, into a table of the same shape.
 */
export async function run() {
  process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/manasik_bench';
  process.stderr.write(`generating a season of ${PILGRIMS} pilgrims…\n`);
  const season = syntheticSeason();
  const { people, seats } = season;
  const context = { pilgrims: people, families: season.entries.length, packages: PACKAGES, countries: COUNTRIES, seats };

  const { env } = await benchDatabaseEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 });
  await migrate(db);
  const repo = createDrawRepository();
  // The season frozen as the freeze stores it: the draw's row with its parameters, and every entry
  // in draw_entries, in leaf order, with its canonical record (freeze.ts). The bench has no
  // applications, so the key from draw_entries to them goes; it is checked when rows are inserted,
  // never when the run reads them.
  await sql`insert into seasons (code, registration_opens, preference_opens, preference_closes, draw_at, offers_close, open_sale_at, visa_cutoff, reference_date, arrival_date, season_end, created_at, updated_at)
    values ('1448H', now() - interval '10 days', now() - interval '9 days', now() - interval '8 days', now() - interval '7 days', now() + interval '1 day', now() + interval '2 days', now() + interval '90 days', '2027-05-15', '2027-05-10', '2027-05-25', now(), now())`.execute(db.kysely);
  await sql`insert into draws (season, algorithm, status, parameters, parameters_hash, merkle_root, entries_hash, randomness_source, randomness, entry_count, offer_hours, frozen_at, random_value, seed)
    values ('1448H', ${ALGORITHM}, 'seeded', ${JSON.stringify(season.parameters)}, '', ${'0'.repeat(64)}, ${'0'.repeat(64)}, '{}', '{}', ${season.entries.length}, 72, now(), 'v', 's')`.execute(db.kysely);
  await sql`alter table draw_entries drop constraint draw_entries_application_id_fkey`.execute(db.kysely);
  const submittedAt = new Date('2026-06-01T00:00:00Z');
  const frozen: EntryRow[] = season.entries.map((e, leafIndex) => ({ ...e, leafIndex, record: canonicalRecord(e), adminAccountId: randomUUID(), submittedAt }));
  await db.kysely.transaction().execute((trx) => repo.insertEntries(trx, '1448H', frozen));
  frozen.length = 0;
  season.entries.length = 0;
  // What the run does before computing the draw (run.ts): the draw's row, then the entries read and
  // made by the run's own function, in leaf order, with strings as the driver makes them from the
  // rows. The generated entries are dropped: the draw never sees them.
  // Each round draws from the season read afresh, as the run draws once from what it has just
  // read: strings fresh from the driver, none of them hashed yet by an earlier round.
  const load = async () => {
    const draw = (await repo.find(db.kysely, '1448H'))!;
    const { rows, entries } = await frozenInputs(repo, db.kysely, '1448H');
    return { parameters: draw.parameters as DrawParameters, entryRows: rows, entries, records: rows.map((r) => r.record) };
  };
  let { parameters, entryRows, entries, records } = await load();

  const inMemory: number[] = [];
  const bare: number[] = [];
  const ceilingRun = drawCeiling(entries, parameters);
  let computed!: ReturnType<typeof computeDraw>;
  // The draw and its ceiling in alternating rounds, so that whatever else the machine does falls on both.
  for (let i = 0; i < 3; i++) {
    if (i > 0) {
      // The last round's season is let go before the next is read, as a run holds only the one it read.
      entryRows = entries = records = [];
      ({ parameters, entryRows, entries, records } = await load());
    }
    let start = process.hrtime.bigint();
    computed = computeDraw(entries, parameters, `beacon round ${i}`, records);
    inMemory.push(ms(start));
    start = process.hrtime.bigint();
    ceilingRun();
    bare.push(ms(start));
  }
  const auditStart = process.hrtime.bigint();
  const { placements } = computed;
  fairnessAudit(Array.from(placements.entry, (e, position) => ({ position, won: placements.pkg[position]! >= 0, submittedAt: entryRows[e]!.submitted_at.getTime(), familySize: entries[e]!.familySize, country: entries[e]!.country })));
  const auditMs = ms(auditStart);
  const winners = placements.winners;
  const drawMs = Math.min(...inMemory);
  const ceilingMs = Math.min(...bare);
  emit({ bench: 'draw', metric: 'draw.in_memory', value: Math.round(drawMs), unit: 'ms', ceiling: Math.round(ceilingMs), ratio: Number((ceilingMs / drawMs).toFixed(3)), goal: 'ratio ≥ 0.5', runs: inMemory.map(Math.round), ceilingRuns: bare.map(Math.round), winners, ...context });
  emit({ bench: 'draw', metric: 'draw.fairness_audit', value: Math.round(auditMs), unit: 'ms', ...context });

  await sql`update draws set merkle_root = ${computed.root}, seed = ${computed.seed} where season = '1448H'`.execute(db.kysely);
  await sql`create table draw_results_ceiling (like draw_results including all)`.execute(db.kysely);
  const rows: ResultRow[] = [...resultRows(entries, placements)];

  const service: number[] = [];
  const ceiling: number[] = [];
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  for (let i = 0; i < 3; i++) {
    await sql`truncate draw_results, draw_results_ceiling`.execute(db.kysely);
    await sql`checkpoint`.execute(db.kysely);
    // (b) what DrawService.run does once the draw is computed: one transaction, COPY, status.
    let start = process.hrtime.bigint();
    await db.kysely.transaction().execute(async (trx) => {
      await repo.insertResults(trx, '1448H', rows);
      await repo.update(trx, '1448H', { status: 'seeded' });
    });
    service.push(ms(start));
    await sql`checkpoint`.execute(db.kysely);
    // (c) the ceiling: the same rows as ready-made COPY text, streamed by a bare client in one transaction.
    const text: string[] = [];
    for (let k = 0; k < rows.length; k += 5000) {
      text.push(rows.slice(k, k + 5000).map((r) => ['1448H', r.position, r.applicationId, r.outcome, r.packageId, r.choiceRank, r.phase, r.waitlistPosition].map(copyText).join('\t')).join('\n') + '\n');
    }
    start = process.hrtime.bigint();
    await client.query('begin');
    await pipeline(Readable.from(text), client.query(copyFrom('copy draw_results_ceiling (season, position, application_id, outcome, package_id, choice_rank, phase, waitlist_position) from stdin')));
    await client.query('commit');
    ceiling.push(ms(start));
  }
  await client.end();
  const b = Math.min(...service);
  const c = Math.min(...ceiling);
  emit({ bench: 'draw', metric: 'draw.write_results', value: Math.round(b), unit: 'ms', ceiling: Math.round(c), ratio: Number((b / c).toFixed(3)), goal: '≤ 1.5 × ceiling', rows: rows.length, runs: service.map(Math.round), ceilingRuns: ceiling.map(Math.round), engine: 'postgres', ...context });
  await db.close();
}
