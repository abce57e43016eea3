import fs from 'node:fs';
import path from 'node:path';
import { systemContext } from '../core/principal.ts';
import type { Services } from '../services.ts';

/** The season the demo's statistics show: built by the simulator from the official figures. */
export const DEMO_STATISTICS_SEASON = '1444H';
const figuresFile = path.resolve(import.meta.dirname, '../../data/hajj-seasons.json');

/**
 * The demo's 1444H: all 1,845,045 records, built by the simulator from the
 * official figures (data/hajj-seasons.json, seed 1444), so the statistics
 * pages and downloads reproduce every published figure exactly. On the
 * embedded database this takes a minute or more, so `manasik start` builds it
 * in the background in steps while it serves (the season reads as `building`,
 * with its progress, until its records are attached at once); a build cut
 * short starts again at the next start. Its tables are counted once at the end.
 *
 * @returns `present` when the season was already built
 */
export async function seedDemoStatistics(services: Services, options: { progress?: (done: number, total: number) => void } = {}): Promise<'seeded' | 'present'> {
  if ((await services.statistics.status(DEMO_STATISTICS_SEASON)) === 'complete') return 'present';
  const sim = services.statistics.generate(DEMO_STATISTICS_SEASON, fs.readFileSync(figuresFile, 'utf8'), 1444);
  await services.statistics.loadInSteps(systemContext('seed'), sim, { seed: 1444, ...(options.progress ? { progress: options.progress } : {}) });
  await services.statistics.tables(DEMO_STATISTICS_SEASON, 'full');
  return 'seeded';
}
