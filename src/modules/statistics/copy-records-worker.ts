import { serveChunks } from '../../core/worker-chunks.ts';
import { binaryChunks } from './copy-records.ts';
import type { SimulatedSeason } from './domain/simulate.ts';

/** What the load sends its worker (see simulation.ts): the season's columns, copied. */
export interface CopyRecordsJob {
  season: SimulatedSeason;
  from: number;
  to: number;
  recordedAt: string;
}

// The worker thread that writes a season's COPY tuples while the main thread streams them.
serveChunks((job: CopyRecordsJob) => binaryChunks(job.season, job.from, job.to, job.recordedAt));
