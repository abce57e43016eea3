import { describe, expect, it } from 'vitest';
import { placementList, reserveOf } from './allocate.ts';
import { simulateSeason } from './simulate.ts';
import { verifyFiles } from './verify.ts';

describe('a simulated season (manasik draw simulate)', () => {
  const spec = { families: 3000, packages: 12, shareBps: 2900, seed: 'test' };
  const season = simulateSeason(spec);

  it('is the same for the same arguments, and another for another seed', () => {
    expect(simulateSeason(spec).files).toEqual(season.files);
    expect(simulateSeason({ ...spec, seed: 'other' }).files['entries.ndjson']).not.toBe(season.files['entries.ndjson']);
  });

  it('publishes every file, naming a real quicknet round, and verifies as identical', () => {
    expect(JSON.parse(season.files['commitment.json']).randomness).toMatchObject({ kind: 'drand', chain: 'quicknet', round: 657413 });
    expect(verifyFiles(season.files)).toMatchObject({ identical: true, stage: 'published', entries: 3000 });
  });

  it('reserves exactly ⌊2900 × seats / 10000⌋ of every package for the first-time pool, never more', () => {
    const firstTime = new Map<string, number>();
    for (const p of placementList(season.placements)) if (p.phase === 'first_time') firstTime.set(p.packageId!, (firstTime.get(p.packageId!) ?? 0) + JSON.parse(season.files['entries.ndjson'].split('\n')[p.entry]!).size);
    const parameters = JSON.parse(season.files['parameters.json']) as { packages: { id: string; seats: number }[] };
    for (const p of parameters.packages) expect(firstTime.get(p.id) ?? 0).toBeLessThanOrEqual(reserveOf(2900, p.seats));
    expect(firstTime.size).toBeGreaterThan(0);
  });
});
