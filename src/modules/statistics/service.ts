import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import type { SeasonFigures } from '../../common/statistics.ts';
import { checkMarginals } from './domain/figures.ts';
import { importUseCases } from './imports.ts';
import { openDataFiles, tablesCsv, tablesSdmxCsv, type OpenDataFile } from './open-data.ts';
import { reference } from './reference.ts';
import { createStatisticsRepository } from './repository.ts';
import { seasonTableUseCases } from './season-tables.ts';
import { simulationUseCases } from './simulation.ts';
import { umrahUseCases, type PermitStatisticsSource } from './umrah.ts';

/** The official figures the repository ships (data/hajj-seasons.json), each checked to add up. */
function officialFigures(): SeasonFigures[] {
  const file = path.resolve(import.meta.dirname, '../../../data/hajj-seasons.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { seasons: Record<string, unknown>[] };
  return doc.seasons.map((s) => checkMarginals(s, String(s.season)) as SeasonFigures);
}

/**
 * Season statistics: the records (the platform's own and imported batches),
 * the simulator, the official tables and their cross-tables, open data, and
 * the Umrah figures from the permit records.
 */
export function createStatisticsService(deps: { db: Db; clock: Clock; permitStatistics: PermitStatisticsSource | null }) {
  const repo = createStatisticsRepository();
  let official: SeasonFigures[] | undefined;
  const shared = { db: deps.db, clock: deps.clock, repo, reference };
  const tables = seasonTableUseCases({ ...shared, officialFigures: () => (official ??= officialFigures()) });
  const imports = importUseCases(shared);
  const simulation = simulationUseCases(shared);
  const umrah = umrahUseCases({ source: deps.permitStatistics, reference });

  return {
    ...simulation,
    ...imports,
    seasons: tables.seasons,
    figures: tables.figures,
    /** The season's tables: whole for the ministry and the statistics authority, with small cells withheld for everyone else. */
    tables: tables.seasonTables,

    /** The tables of the mission officer's own country (its nationals from abroad); the country comes from the account. */
    missionTables(ctx: RequestContext, season: string) {
      const country = ctx.actor?.role === 'mission_officer' ? ctx.actor.countryCode : null;
      if (!country) throw new AppError('auth.forbidden');
      return tables.countryTables(season, country);
    },

    /** A season's open data file (small cells withheld). */
    async openData(season: string, file: OpenDataFile): Promise<{ body: string; type: string }> {
      if (!openDataFiles.includes(file)) throw new AppError('request.not_found');
      const t = await tables.seasonTables(season, 'public');
      if (file === 'tables.json') {
        const { figures: _figures, ...published } = t;
        return { body: JSON.stringify(published), type: 'application/json; charset=utf-8' };
      }
      if (file === 'tables.sdmx.csv') return { body: tablesSdmxCsv(season, t.tables), type: 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8' };
      return { body: tablesCsv(season, t.tables), type: 'text/csv; charset=utf-8' };
    },

    umrahYear: umrah.year,

    /** Whether a season has records: none, being built, or complete. */
    async status(season: string): Promise<'none' | 'building' | 'complete'> {
      return (await repo.season(deps.db.kysely, season))?.status ?? 'none';
    },
  };
}
export type StatisticsService = ReturnType<typeof createStatisticsService>;
