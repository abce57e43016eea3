export { statisticsErrors } from './errors.ts';
export { createStatisticsService, type StatisticsService } from './service.ts';
export { statisticsRoutes } from './routes.ts';
export { statisticsPolicy } from './policies.ts';
export type { PermitStatisticsSource } from './umrah.ts';
export type { ArrivalInput } from './imports.ts';
// The season benchmark times the load and the tables against the bare statements (bench/season.ts).
export { cubeSql, partitionOf } from './repository.ts';
export { copyChunkOf, copyLineOf, recordColumns } from './domain/records.ts';
export { generateSimulation, writeSimulationCsv } from './simulation.ts';
export { tablesCsv } from './open-data.ts';
import { reference } from './reference.ts';
/** The official table's region of a nationality (arab, asia, africa, europeAmericasOceania): the observatory's nationality group. */
export const nationalityRegion = (nationality: string): string => reference().regionOf(nationality);
