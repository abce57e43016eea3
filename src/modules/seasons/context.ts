import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { shortCache } from '../../core/short-cache.ts';
import type { Db, Executor } from '../../db/database.ts';
import { createSeasonsRepository } from './repository.ts';

export type SeasonDeps = { db: Db; clock: Clock };

/**
 * What every use case of the seasons module shares: its dependencies, its
 * repository, the reference-data cache, and loading a season or refusing it.
 */
export function createSeasonContext(deps: SeasonDeps) {
  const repo = createSeasonsRepository();
  const { db, clock } = deps;

  /**
   * Reference data (a season's calendar, its rules, the programme countries)
   * is read on every programme action and changes rarely: each process keeps
   * it for a second. A change made here clears it at once; another process
   * sees it within a second. Phases are still computed from the live clock.
   */
  const reference = shortCache(1000);
  const cached = reference.get;
  const forget = reference.clear;

  async function load(executor: Executor, code: string) {
    const row = await repo.find(executor, code);
    if (!row) throw new AppError('season.not_found');
    return row;
  }

  return { deps, db, clock, repo, cached, forget, load };
}
export type SeasonContext = ReturnType<typeof createSeasonContext>;
