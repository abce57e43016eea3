import type { ColumnType } from 'kysely';
import type { ArrivalMode, Gender, Residence } from '../../common/statistics.ts';

export type RecordSource = 'direct' | 'hajj_office' | 'domestic_hajj' | 'border' | 'simulator';
export type BatchSource = Exclude<RecordSource, 'direct' | 'simulator'>;

/** One pilgrim in one season (partitioned by season; see migrations/0020_season_statistics.sql). */
export interface HajjRecordsTable {
  season: string;
  person_key: string;
  source: RecordSource;
  batch_id: string | null;
  residence: Residence;
  nationality: string;
  gender: Gender;
  age: number;
  arrival_mode: ArrivalMode | null;
  entry_port: string | null;
  arrival_date: string;
  makkah_route: boolean;
  departure_port: string | null;
  departure_date: string | null;
  recorded_at: Date;
}

export interface StatisticsSeasonsTable {
  season: string;
  version: ColumnType<number, number | undefined, number>;
  status: 'complete' | 'building';
  build_total: number | null;
  build_done: number | null;
  tables: ColumnType<unknown, string | null, string | null>;
  tables_version: number | null;
  computed_at: Date | null;
}

export interface StatisticsBatchesTable {
  id: string;
  season: string;
  kind: 'arrivals' | 'departures';
  source: BatchSource;
  digest: string;
  records: number;
  submitted_by: string | null;
  submitted_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    hajj_records: HajjRecordsTable;
    statistics_seasons: StatisticsSeasonsTable;
    statistics_batches: StatisticsBatchesTable;
  }
}
