import { serveChunks } from './worker-chunks.ts';

/**
 * The worker of worker-chunks.test.ts: `count` chunks of one byte each (their
 * number), failing at `failAt`; counts the chunks made in `made[0]` (shared memory).
 */
serveChunks(function* (job: { count: number; failAt?: number; made?: Int32Array }) {
  for (let i = 0; i < job.count; i++) {
    if (i === job.failAt) throw new Error(`chunk ${i} failed`);
    if (job.made) Atomics.add(job.made, 0, 1);
    yield new Uint8Array([i]);
  }
});
