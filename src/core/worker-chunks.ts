import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * Bytes made in a worker thread and consumed, in order, on the main thread:
 * for work that would otherwise hold the thread that also streams its
 * result (the season simulator's COPY text). The worker runs ahead by at most
 * `ahead` chunks (a bounded queue): it makes the next only when the consumer
 * has taken one, so memory stays bounded however slow the consumer.
 */
// A failure of `make` travels as a message on the same port as the chunks, so it arrives after
// every chunk made before it (the worker's 'error' event has no such order with its messages).
type ToParent = { chunk: Uint8Array<ArrayBuffer> } | { done: true } | { failed: string };
interface Boot<T> {
  entry: string;
  data: T;
}

/**
 * Runs `entry` (a module that calls `serveChunks`) in a worker thread with
 * `data` (copied by structured clone: typed arrays and plain values) and
 * yields the chunks it makes. Stopping early (break, or an error downstream)
 * ends the worker; an error in the worker is thrown here.
 *
 * @example for await (const chunk of chunksFromWorker(new URL('./make.ts', import.meta.url), { n: 10 })) write(chunk)
 */
export async function* chunksFromWorker<T>(entry: URL, data: T, options: { ahead?: number } = {}): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const ahead = options.ahead ?? 4;
  const boot: Boot<T> = { entry: entry.href, data };
  const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: boot });
  const queue: ToParent[] = [];
  const failure: { error?: unknown } = {};
  let exited = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: ToParent) => {
    queue.push(message);
    signal();
  });
  worker.on('error', (error) => {
    failure.error = error;
    signal();
  });
  worker.on('exit', () => {
    exited = true;
    signal();
  });
  try {
    worker.postMessage(ahead);
    for (;;) {
      const message = queue.shift();
      if (message === undefined) {
        if ('error' in failure) throw failure.error;
        if (exited) throw new Error(`worker ${entry.pathname} stopped before its last chunk`);
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('done' in message) return;
      if ('failed' in message) throw new Error(message.failed);
      worker.postMessage(1);
      yield message.chunk;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * The worker's side: makes the chunks of `make(data)` as the consumer asks
 * for them, transferring each (no copy). Call it once, at the top of the
 * worker's module. Each chunk must own its buffer (it is transferred).
 */
export function serveChunks<T>(make: (data: T) => Iterable<Uint8Array<ArrayBuffer>>): void {
  const port = parentPort;
  if (!port) throw new Error('serveChunks runs in a worker thread (see chunksFromWorker)');
  const chunks = make((workerData as Boot<T>).data)[Symbol.iterator]();
  let credit = 0;
  port.on('message', (more: number) => {
    credit += more;
    while (credit > 0) {
      let next: IteratorResult<Uint8Array<ArrayBuffer>>;
      try {
        next = chunks.next();
      } catch (error) {
        port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies ToParent);
        return;
      }
      if (next.done) {
        port.postMessage({ done: true } satisfies ToParent);
        return; // the consumer ends the worker
      }
      credit--;
      port.postMessage({ chunk: next.value } satisfies ToParent, [next.value.buffer]);
    }
  });
}
