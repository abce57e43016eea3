import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary.ts';
import type { Executor } from './types.ts';

/**
 * Bulk loading with COPY … FROM STDIN, inside the caller's transaction, on
 * either engine. Kysely cannot run COPY, so the rows are registered under a
 * one-time token and a marker query carries the token down to the connection
 * that owns the transaction: node-postgres's client (see `CopyAwareClient`)
 * streams them with pg-copy-streams, PGlite reads them as a blob.
 */
export const COPY_MARKER = '-- manasik:copy ';

/** Text chunks of COPY text, or bytes of either format. */
export type CopyChunk = string | Uint8Array<ArrayBuffer>;
/**
 * The chunks of a load, in order: a synchronous iterable made on the spot, or
 * an asynchronous one made ahead elsewhere (a worker thread) while COPY
 * streams what came before.
 */
export type CopyChunks = Iterable<CopyChunk> | AsyncIterable<CopyChunk>;
export type CopyFormat = 'text' | 'binary';

export interface CopyJob {
  table: string;
  columns: string[];
  format: CopyFormat;
  /** Rows in COPY text format, already escaped (see `copyText`), or whole tuples of the binary format framed by its header and trailer. */
  chunks: () => CopyChunks;
}

const pending = new Map<string, CopyJob>();

/** Takes the job a marker names; each token is used once. */
export function takeCopyJob(markerSql: string): CopyJob {
  const token = markerSql.slice(COPY_MARKER.length).trim();
  const job = pending.get(token);
  if (!job) throw new Error('unknown COPY token');
  pending.delete(token);
  return job;
}

export const copyStatement = (job: CopyJob, source: 'STDIN' | "'/dev/blob'") => {
  for (const name of [job.table, ...job.columns]) if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `copy ${job.table} (${job.columns.join(', ')}) from ${source}${job.format === 'binary' ? ' (format binary)' : ''}`;
};

/** Every chunk of a job, read to the end (for an engine that takes the whole load at once). */
export async function allChunks(chunks: CopyChunks): Promise<CopyChunk[]> {
  const all: CopyChunk[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

const SPECIAL = /[\\\t\n\r]/;
const escapeText = (text: string) => (SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text);

/** One value in COPY text format: \N for null, backslash escapes for the rest. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeText(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return escapeText(String(value));
}

/**
 * Loads `rows` into `table` with COPY in the executor's transaction.
 * @example await copyRows(trx, 'draw_results', ['season', 'position'], rows)
 */
export function copyRows(executor: Executor, table: string, columns: string[], rows: Iterable<unknown[]>, chunkRows = 5000): Promise<void> {
  return copyLines(executor, table, columns, (function* () {
    for (const row of rows) yield row.map(copyText).join('\t');
  })(), chunkRows);
}

/**
 * Loads lines already in COPY text format (tab-separated, escaped, \N for null): for the
 * hottest loads, where a repository knows its values never need escaping.
 */
export function copyLines(executor: Executor, table: string, columns: string[], lines: Iterable<string>, chunkRows = 5000): Promise<void> {
  return copyChunks(executor, table, columns, (function* () {
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      if (batch.length === chunkRows) {
        yield batch.join('\n') + '\n';
        batch = [];
      }
    }
    if (batch.length) yield batch.join('\n') + '\n';
  })());
}

/**
 * Loads text already in COPY format, in chunks of whole lines each ending in a
 * newline: for a caller that writes many rows into one string faster than
 * line by line (the season simulator's load).
 */
export async function copyChunks(executor: Executor, table: string, columns: string[], chunks: CopyChunks): Promise<void> {
  return copyJob(executor, { table, columns, format: 'text', chunks: () => chunks });
}

/**
 * Loads tuples already in COPY's binary format (see `CopyBinaryWriter`), in
 * chunks of whole tuples; the header and the trailer are added here.
 */
export async function copyBinaryChunks(executor: Executor, table: string, columns: string[], chunks: CopyChunks): Promise<void> {
  async function* framed() {
    yield COPY_BINARY_HEADER;
    yield* chunks;
    yield COPY_BINARY_TRAILER;
  }
  return copyJob(executor, { table, columns, format: 'binary', chunks: framed });
}

async function copyJob(executor: Executor, job: CopyJob): Promise<void> {
  const token = randomUUID();
  pending.set(token, job);
  try {
    await sql.raw(COPY_MARKER + token).execute(executor);
  } finally {
    pending.delete(token);
  }
}
