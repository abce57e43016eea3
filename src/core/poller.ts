/**
 * Runs `work` every `intervalMs` in the background, never two runs at once,
 * until stopped; `stop()` waits for a run in progress. Used by the outbox and
 * webhook dispatchers.
 */
export function createPoller(work: () => Promise<unknown>, onError: (error: unknown) => void = () => {}) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  return {
    start(intervalMs = 1000) {
      timer ??= setInterval(() => {
        running ??= work()
          .catch(onError)
          .finally(() => (running = undefined));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
