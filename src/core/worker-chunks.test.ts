import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chunksFromWorker } from './worker-chunks.ts';

const entry = new URL('./worker-chunks.test-worker.ts', import.meta.url);
const run = promisify(execFile);

describe('chunks made in a worker thread', () => {
  it('arrive in order, every one, from a TypeScript worker', async () => {
    const seen: number[] = [];
    for await (const chunk of chunksFromWorker(entry, { count: 50 })) seen.push(...chunk);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('are made at most `ahead` before they are taken', async () => {
    const made = new Int32Array(new SharedArrayBuffer(4));
    const chunks = chunksFromWorker(entry, { count: 50, made }, { ahead: 2 });
    expect((await chunks.next()).value).toEqual(new Uint8Array([0]));
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for a worker that did not wait to make them all
    expect(Atomics.load(made, 0)).toBe(3); // the one taken, and two ahead
    let taken = 1;
    while (!(await chunks.next()).done) taken++;
    expect(taken).toBe(50);
  });

  it('throw the worker\'s error to the consumer', async () => {
    const seen: number[] = [];
    await expect((async () => {
      for await (const chunk of chunksFromWorker(entry, { count: 10, failAt: 3 })) seen.push(...chunk);
    })()).rejects.toThrow('chunk 3 failed');
    expect(seen).toEqual([0, 1, 2]);
  });

  it('end the worker when the consumer stops early', async () => {
    const seen: number[] = [];
    for await (const chunk of chunksFromWorker(entry, { count: 1_000_000 })) {
      seen.push(...chunk);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([0, 1, 2]);
  });

  // Outside vitest: what `npm start`, the benchmarks (tsx's command) and bin/manasik.mjs (tsx's register()) run.
  const script = `import(${JSON.stringify(new URL('./worker-chunks.ts', import.meta.url).href)}).then(async ({ chunksFromWorker }) => {
    let sum = 0;
    for await (const chunk of chunksFromWorker(new URL(${JSON.stringify(entry.href)}), { count: 5 })) sum += chunk[0];
    console.log(sum);
  })`;
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  it.each([
    ['tsx\'s command', [tsxCli, '-e', script]],
    ['node --import tsx', ['--import', 'tsx', '-e', script]],
    ['tsx\'s register()', ['-e', `import('tsx/esm/api').then((tsx) => { tsx.register(); return ${script}; })`]],
  ])('load their TypeScript worker under %s', async (_, args) => {
    const { stdout } = await run(process.execPath, args, { cwd: new URL('../..', import.meta.url).pathname });
    expect(stdout.trim()).toBe('10');
  }, 30_000);
});
