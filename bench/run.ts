/**
 * `npm run bench -- <name>`: runs one benchmark and prints one JSON object per
 * line: { bench, metric, value, unit, [ceiling, ratio], ...context }.
 */
const benches: Record<string, () => Promise<void>> = {
  'http-baseline': async () => (await import('./http-baseline.ts')).run(),
  catalogue: async () => (await import('./catalogue.ts')).run(),
  intake: async () => (await import('./intake.ts')).run(),
  draw: async () => (await import('./draw.ts')).run(),
  'open-sale': async () => (await import('./open-sale.ts')).run(),
  queue: async () => (await import('./queue.ts')).run(),
  payments: async () => (await import('./payments.ts')).run(),
  permits: async () => (await import('./permits.ts')).run(),
  gate: async () => (await import('./gate.ts')).run(),
  season: async () => (await import('./season.ts')).run(),
  observatory: async () => (await import('./observatory.ts')).run(),
  web: async () => (await import('./web.ts')).run(),
};

const benchName = process.argv[2];
const bench = benchName ? benches[benchName] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
await bench();

export {};
