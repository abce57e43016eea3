import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_MARKER, copyStatement, takeCopyJob } from './copy.ts';

/**
 * node-postgres's client, plus one thing: a query that is a COPY marker
 * (see copy.ts) streams the registered rows with COPY … FROM STDIN on this
 * same connection, so the load joins the caller's transaction.
 */
export class CopyAwareClient extends pg.Client {
  // node-postgres's query() has many overloads; only the (text, values) form Kysely uses is intercepted.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const [text] = args;
    if (typeof text === 'string' && text.startsWith(COPY_MARKER)) return this.copy(text);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (super.query as any)(...args);
  }

  private async copy(marker: string) {
    const job = takeCopyJob(marker);
    const stream = super.query(copyFrom(copyStatement(job, 'STDIN')));
    await pipeline(Readable.from(job.chunks()), stream);
    return { command: 'COPY', rowCount: Number(stream.rowCount ?? 0), rows: [], fields: [] };
  }
}
