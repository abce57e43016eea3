import { createHash, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor, Trx } from '../../db/database.ts';
import { runOnce } from '../../db/idempotency.ts';
import { platformSecret } from '../../db/platform-secrets.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { writeAudit } from '../audit/index.ts';
import { arrivalLine, batchColumns, departureLine, personKey, refuseRepeats, seasonWindow, type ArrivalLine, type BatchKind, type LineRules } from './domain/batch.ts';
import { seasonYear } from './domain/season.ts';
import type { Reference } from './reference.ts';
import { partitionOf, type RecordRow, type StatisticsRepository } from './repository.ts';
import type { BatchSource, RecordSource } from './tables.ts';

/** The secret that turns a document number into a pilgrim key (domain/batch.ts `personKey`). */
export const PERSON_KEY_SECRET = 'statistics-person-key';

/** A record of one pilgrim's arrival, as the platform's own bookings give it (the direct programme). */
export type ArrivalInput = Omit<ArrivalLine, 'line' | 'personKey'> & { line: number; personKey: string };

/**
 * Records from outside the platform — countries' Hajj offices, domestic Hajj,
 * the border authority — in batches (CSV or JSON), and the platform's own
 * arrivals. A batch is all or nothing: any bad line refuses it, naming the
 * line; the same batch sent again is recognised by its digest and counted once.
 */
export function importUseCases(deps: { db: Db; clock: Clock; repo: StatisticsRepository; reference: () => Reference }) {
  const { db, clock, repo } = deps;

  const rulesFor = async (executor: Executor, season: string, source: BatchSource): Promise<LineRules> => {
    const ref = deps.reference();
    return { season, source, secret: await platformSecret(executor, clock, PERSON_KEY_SECRET), portMode: (code) => ref.port(code)?.mode, makkahRouteCountries: ref.makkahRouteCountries(season) };
  };

  /** Writes arrival lines (already checked) in the caller's transaction; refuses a pilgrim already recorded, naming the line. */
  async function recordArrivals(trx: Trx, season: string, lines: ArrivalInput[], source: RecordSource, batchId: string | null) {
    refuseRepeats(lines);
    await repo.ensurePartition(trx, season);
    explainConstraints({ [`${partitionOf(season)}_pkey`]: ['statistics.already_recorded', { season }] });
    const recorded = await repo.recordedKeys(trx, season, lines.map((l) => l.personKey));
    const again = lines.find((l) => recorded.has(l.personKey));
    if (again) throw source === 'direct' ? new AppError('statistics.already_recorded', { season }) : new AppError('statistics.bad_line', { line: again.line, problem: 'already_recorded' });
    const now = clock.now();
    const rows: RecordRow[] = lines.map((l) => ({
      season, person_key: l.personKey, source, batch_id: batchId, residence: l.residence, nationality: l.nationality, gender: l.gender, age: l.age,
      arrival_mode: l.arrivalMode, entry_port: l.entryPort, arrival_date: l.arrivalDate, makkah_route: l.makkahRoute, departure_port: null, departure_date: null, recorded_at: now,
    }));
    await repo.insertRecords(trx, rows);
    await repo.bumpVersion(trx, season);
    return rows.length;
  }

  /** Sets departures (already checked) in the caller's transaction: each pilgrim recorded, foreign, not yet departed, leaving after arriving. */
  async function recordDepartures(trx: Trx, season: string, lines: { line: number; personKey: string; departurePort: string; departureDate: string }[]) {
    refuseRepeats(lines);
    const arrivals = new Map((await repo.arrivalsOf(trx, season, lines.map((l) => l.personKey))).map((a) => [a.person_key, a]));
    for (const l of lines) {
      const a = arrivals.get(l.personKey);
      const problem = !a ? 'not_recorded' : a.residence !== 'foreign' ? 'departure_for_domestic' : a.departure_date ? 'already_departed' : l.departureDate < a.arrival_date ? 'departure_before_arrival' : null;
      if (problem) throw new AppError('statistics.bad_line', { line: l.line, problem });
    }
    const updated = await repo.setDepartures(trx, season, lines.map((l) => ({ key: l.personKey, port: l.departurePort, date: l.departureDate })));
    await repo.bumpVersion(trx, season);
    return updated;
  }

  /**
   * Imports a batch. `records` are the lines as sent (CSV lines as objects of
   * their header, or the JSON records); `firstLine` is the number the sender
   * gives the first one (2 in a CSV file, after its header; 1 in JSON).
   */
  async function importBatch(ctx: RequestContext, season: string, kind: BatchKind, source: BatchSource, records: Record<string, unknown>[], firstLine: number) {
    const year = seasonYear(season);
    if (records.length === 0) throw new AppError('statistics.bad_line', { line: firstLine, problem: 'empty' });
    const rules = await rulesFor(db.kysely, season, source);
    const window = seasonWindow(year);
    const lines = records.map((r, i) => (kind === 'arrivals' ? arrivalLine(firstLine + i, r, rules, window) : departureLine(firstLine + i, r, rules, window)));
    // The batch's identity: its channel, kind and checked records (not their form: the same batch as CSV or JSON is one batch).
    const digest = createHash('sha256').update(JSON.stringify([kind, source, lines.map(({ line: _line, ...l }) => l)])).digest('hex');
    return runOnce(deps, ctx, async (trx) => {
      const id = randomUUID();
      const claimed = await repo.claimBatch(trx, { id, season, kind, source, digest, records: lines.length, submitted_by: ctx.actor?.accountId ?? null, submitted_at: clock.now() });
      if (!claimed) {
        const earlier = (await repo.batchByDigest(trx, season, digest))!;
        return { batchId: earlier.id, kind, source, records: earlier.records, recorded: 0, duplicate: true };
      }
      const recorded = kind === 'arrivals'
        ? await recordArrivals(trx, season, lines as ArrivalLine[], source, id)
        : await recordDepartures(trx, season, lines as { line: number; personKey: string; departurePort: string; departureDate: string }[]);
      await writeAudit(trx, clock, ctx, { action: 'statistics.batch_imported', subjectType: 'season', subjectId: season, data: { batchId: id, kind, source, records: lines.length } });
      return { batchId: id, kind, source, records: lines.length, recorded, duplicate: false };
    });
  }

  /**
   * Checks the arrivals of pilgrims of the platform (the direct programme) as
   * an imported line is checked; each is named by its passport as the pilgrims
   * module compares it (`ISSUER:NUMBER`), never stored. Pass the caller's transaction.
   */
  async function checkArrivals(executor: Executor, season: string, rows: ({ line: number; passportKey: string } & Record<string, unknown>)[]): Promise<ArrivalLine[]> {
    const rules = await rulesFor(executor, season, 'border');
    const window = seasonWindow(seasonYear(season));
    return rows.map(({ passportKey: key, line, ...raw }) => {
      const [issuer = '', document = ''] = key.split(':');
      return arrivalLine(line, { ...raw, issuer, document }, rules, window);
    });
  }

  return {
    importBatch,
    checkArrivals,
    recordArrivals,
    recordDepartures,

    /** Reads a CSV batch (a header naming the kind's columns, then one line per pilgrim) and imports it. */
    importCsv(ctx: RequestContext, season: string, kind: BatchKind, source: BatchSource, csv: string) {
      let rows: string[][];
      try {
        rows = parse(csv, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
      } catch (error) {
        throw new AppError('statistics.bad_line', { line: (error as { lines?: number }).lines ?? 1, problem: 'not_csv' }, { cause: error });
      }
      const [header, ...lines] = rows;
      const expected = batchColumns[kind];
      if (!header || header.map((h) => h.toLowerCase()).join(',') !== expected.join(',')) throw new AppError('statistics.bad_line', { line: 1, problem: 'bad_header', value: expected.join(',') });
      return importBatch(ctx, season, kind, source, lines.map((l) => Object.fromEntries(expected.map((c, i) => [c, l[i]]))), 2);
    },

    /** The season's batches, newest first. */
    batches: async (season: string) => (await repo.batches(db.kysely, season)).map((b) => ({ id: b.id, kind: b.kind, source: b.source, records: b.records, submittedAt: b.submitted_at.toISOString() })),

    /** The key of a pilgrim of the platform, from their passport's issuer and number. */
    personKeyFor: async (issuer: string, document: string) => personKey(await platformSecret(db.kysely, clock, PERSON_KEY_SECRET), issuer, document),
  };
}
export type ImportUseCases = ReturnType<typeof importUseCases>;
