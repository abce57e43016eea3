import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/principal.ts';
import { loadConfig } from '../../core/config.ts';
import { createServices, type Services } from '../../services.ts';
import { createTestDb, testEngine } from '../../testing/harness.ts';

/**
 * The whole 1444H season at real scale, on each engine: 1,845,045 records built
 * by the simulator from data/hajj-seasons.json, and every official figure
 * computed back from them exactly.
 */
const official = fs.readFileSync(new URL('../../../data/hajj-seasons.json', import.meta.url), 'utf8');
const entry = (JSON.parse(official) as { seasons: unknown[] }).seasons[0];

let services: Services;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const t = await createTestDb({ onDisk: true });
  cleanup = t.cleanup;
  services = createServices({ config: loadConfig({ LOG_LEVEL: 'silent' }), db: t.db });
});
afterAll(async () => cleanup?.());

describe(`1444H at full scale on ${testEngine}`, () => {
  it('builds the season from the official figures and computes every one of them back exactly', async () => {
    const started = Date.now();
    const sim = services.statistics.generate('1444H', official, 1444);
    expect(sim.season.count).toBe(1_845_045);
    await services.statistics.load(systemContext('test'), sim, { seed: 1444 });
    const loaded = Date.now();
    expect(await services.statistics.figures('1444H')).toEqual(entry);
    const { tables, sources } = await services.statistics.tables('1444H', 'full');
    expect(sources).toEqual({ simulator: 1_845_045 });
    // Every table adds up to its total (tabulate refuses otherwise); the cross-tables are there.
    for (const id of ['gender_by_residence', 'nationality_by_arrival', 'port_by_date', 'age_by_gender', 'departures_by_port_date']) {
      const t = tables.find((x) => x.id === id)!;
      expect(t.cells.reduce((s, c) => s + c.value!, 0), id).toBe(t.total);
    }
    console.warn(`1444H on ${testEngine}: generated and loaded in ${((loaded - started) / 1000).toFixed(1)} s, tabulated in ${((Date.now() - loaded) / 1000).toFixed(1)} s`);
  }, 900_000);
});
