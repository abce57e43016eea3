import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from './database.ts';

/**
 * Bulk loading with COPY … FROM STDIN, inside the caller's transaction, on
 * either engine. Kysely cannot run COPY, so the rows are registered under a
 * one-time token and a marker query carries the token down to the connection
 * that owns the transaction: node-postgres's client (see `CopyAwareClient`)
 * streams them with pg-copy-streams, PGlite reads them as a blob.
 */
export const COPY_MARKER = '-- manasik:copy ';

export interface CopyJob {
  table: string;
  columns: string[];
  /** Rows in COPY text format, already escaped (see `copyText`). */
  chunks: () => Iterable<string>;
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
  return `copy ${job.table} (${job.columns.join(', ')}) from ${source}`;
};

/** One value in COPY text format: \N for null, backslash escapes for the rest. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * Loads `rows` into `table` with COPY in the executor's transaction.
 * @example await copyRows(trx, 'draw_results', ['season', 'position'], rows)
 */
export async function copyRows(executor: Executor, table: string, columns: string[], rows: Iterable<unknown[]>, chunkRows = 5000): Promise<void> {
  const token = randomUUID();
  pending.set(token, {
    table,
    columns,
    *chunks() {
      let lines: string[] = [];
      for (const row of rows) {
        lines.push(row.map(copyText).join('\t'));
        if (lines.length === chunkRows) {
          yield lines.join('\n') + '\n';
          lines = [];
        }
      }
      if (lines.length) yield lines.join('\n') + '\n';
    },
  });
  try {
    await sql.raw(COPY_MARKER + token).execute(executor);
  } finally {
    pending.delete(token);
  }
}
