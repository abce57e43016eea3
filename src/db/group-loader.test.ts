import { describe, expect, it } from 'vitest';
import { groupLoader, rounds, writeInRounds } from './group-loader.ts';

/** A batch function whose batches finish only when the test says so. */
function gated() {
  const batches: { keys: readonly number[]; finish: () => void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const run = (keys: readonly number[]) =>
    new Promise<(number | Error)[]>((resolve) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      batches.push({
        keys,
        finish: () => {
          running--;
          resolve(keys.map((k) => (k < 0 ? new Error(`bad ${k}`) : k * 10)));
        },
      });
    });
  return { run, batches, maxRunning: () => maxRunning };
}
const turn = () => new Promise((r) => setImmediate(r));

describe('groupLoader', () => {
  it('answers a lone request in a batch of its own, at once', async () => {
    const g = gated();
    const loader = groupLoader(g.run);
    const answer = loader.load(4);
    await turn();
    expect(g.batches.map((b) => b.keys)).toEqual([[4]]);
    g.batches[0]!.finish();
    expect(await answer).toBe(40);
  });

  it('gathers the requests that arrive while batches are in flight into the next one, never running more than allowed', async () => {
    const g = gated();
    const loader = groupLoader(g.run, { maxInFlight: 1 });
    const first = loader.load(1);
    await turn();
    const rest = [2, 3, 4, 5].map((k) => loader.load(k));
    await turn();
    await turn();
    expect(g.batches.map((b) => b.keys)).toEqual([[1]]); // the others wait for the slot
    g.batches[0]!.finish();
    await first;
    await turn();
    expect(g.batches.map((b) => b.keys)).toEqual([[1], [2, 3, 4, 5]]);
    g.batches[1]!.finish();
    expect(await Promise.all(rest)).toEqual([20, 30, 40, 50]);
    expect(g.maxRunning()).toBe(1);
  });

  it('splits at the largest batch and fails only the requests whose answer is an error', async () => {
    const g = gated();
    const loader = groupLoader(g.run, { maxInFlight: 2, maxBatch: 2 });
    const answers = [1, -2, 3, 4, 5].map((k) => loader.load(k).then((v) => v, (e: Error) => e.message));
    for (let i = 0; i < 5; i++) {
      await turn();
      g.batches.forEach((b) => b.finish());
    }
    expect(await Promise.all(answers)).toEqual([10, 'bad -2', 30, 40, 50]);
    expect(g.batches.map((b) => b.keys)).toEqual([[1, -2], [3, 4], [5]]);
    expect(g.maxRunning()).toBeLessThanOrEqual(2);
  });

  it('frees its slot when a whole batch fails', async () => {
    let calls = 0;
    const loader = groupLoader(async (keys: readonly number[]) => {
      if (calls++ === 0) throw new Error('connection lost');
      return keys.map((k) => k);
    }, { maxInFlight: 1 });
    await expect(loader.load(1)).rejects.toThrow('connection lost');
    expect(await loader.load(2)).toBe(2);
  });
});

describe('rounds', () => {
  it.each([
    { keys: [], expected: [] },
    { keys: ['a', 'b', 'c'], expected: [[0, 1, 2]] },
    { keys: ['a', 'b', 'a', 'a', 'c'], expected: [[0, 1, 4], [2], [3]] },
  ])('puts each key once per round, in order: $keys', ({ keys, expected }) => {
    expect(rounds(keys, (k) => k).map((r) => r.map((x) => x.index))).toEqual(expected);
  });
});

describe('writeInRounds', () => {
  it('writes a key\'s second request after its first', async () => {
    const writes: string[][] = [];
    const out = await writeInRounds(['a1', 'b1', 'a2'], (s) => s[0]!, async (items) => {
      writes.push(items);
      return items.map((i) => i.toUpperCase());
    });
    expect(writes).toEqual([['a1', 'b1'], ['a2']]);
    expect(out).toEqual(['A1', 'B1', 'A2']);
  });

  it('retries a failed round one request at a time: only the culprit fails', async () => {
    const writes: string[][] = [];
    const out = await writeInRounds(['a', 'poison', 'c'], (s) => s, async (items) => {
      writes.push(items);
      if (items.includes('poison')) throw new Error('deadlock detected');
      return items.map((i) => i.toUpperCase());
    });
    expect(writes).toEqual([['a', 'poison', 'c'], ['a'], ['poison'], ['c']]);
    expect(out.map((o) => (o instanceof Error ? o.message : o))).toEqual(['A', 'deadlock detected', 'C']);
  });

  it('answers a lone request that fails with its own error, without retrying it', async () => {
    let calls = 0;
    const out = await writeInRounds(['x'], (s) => s, async () => {
      calls++;
      throw new Error('gone');
    });
    expect(calls).toBe(1);
    expect((out[0] as Error).message).toBe('gone');
  });
});
