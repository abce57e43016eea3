import DataLoader from 'dataloader';

/**
 * A DataLoader that sends at most `maxInFlight` batches to the database at a
 * time (natural batching): while they run, every new request joins the next
 * batch, so a busy server sends one statement for many requests and an idle
 * one still answers the first request at once. No caching: every load reads
 * or writes afresh, exactly as if it had been sent alone.
 *
 * @param run answers each key in order: a value, or an Error for that key alone
 */
export function groupLoader<K, V>(run: (keys: readonly K[]) => Promise<(V | Error)[]>, options: { maxInFlight?: number; maxBatch?: number } = {}) {
  const maxInFlight = options.maxInFlight ?? 2;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const settle = () => {
    const next = waiting.shift();
    if (next) setImmediate(next);
    else inFlight--;
  };
  return new DataLoader<K, V>(
    async (keys) => {
      try {
        return await run(keys);
      } finally {
        settle();
      }
    },
    {
      cache: false,
      maxBatchSize: options.maxBatch ?? 200,
      // A batch is dispatched after this turn's I/O callbacks when a slot is free, else when one frees up.
      batchScheduleFn: (dispatch) => {
        if (inFlight < maxInFlight) {
          inFlight++;
          setImmediate(dispatch);
        } else {
          waiting.push(dispatch);
        }
      },
    },
  );
}

/**
 * Writes a batch in rounds in which each key appears once, keeping the
 * requests' order (a key's second request is written after its first, as if
 * they had come one after the other). A round whose transaction fails as a
 * whole is retried one request per transaction, so that no request fails for
 * another's fault; its own failure is its answer.
 */
export async function writeInRounds<T, R>(items: readonly T[], key: (item: T) => string, write: (items: T[]) => Promise<(R | Error)[]>): Promise<(R | Error)[]> {
  const out: (R | Error)[] = new Array(items.length);
  for (const round of rounds(items, key)) {
    let results: (R | Error)[];
    try {
      results = await write(round.map((r) => r.item));
    } catch (error) {
      results = [];
      for (const { item } of round) results.push(round.length === 1 ? asError(error) : await write([item]).then((r) => r[0]!, asError));
    }
    round.forEach((r, i) => (out[r.index] = results[i]!));
  }
  return out;
}

/** Splits items into rounds in which each key appears once, in order. */
export function rounds<T>(items: readonly T[], key: (item: T) => string): { item: T; index: number }[][] {
  const out: { item: T; index: number }[][] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const k = key(item);
    const round = seen.get(k) ?? 0;
    seen.set(k, round + 1);
    (out[round] ??= []).push({ item, index });
  });
  return out;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
