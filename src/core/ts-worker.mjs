// The entry of every worker thread (src/core/worker-chunks.ts): a worker does not inherit the
// loader that runs the parent's TypeScript (tsx, whether from its CLI, `--import` or bin/manasik.mjs's
// register(), nor vitest's), so it registers tsx itself, then runs the TypeScript module it was given.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
