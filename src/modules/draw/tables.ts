import type { RandomnessSource, RandomnessValue } from './domain/files.ts';
import type { ColumnType } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface DrawsTable {
  season: string;
  /** manasik-draw/2 for every draw frozen now; manasik-draw/1 draws' files are no longer served. */
  algorithm: string;
  status: 'frozen' | 'seeded' | 'drawn' | 'published';
  parameters: Json<unknown>;
  parameters_hash: string;
  merkle_root: string;
  entries_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** commitment.json's `randomness`: the source named at the freeze. */
  randomness_source: NullableJson<RandomnessSource>;
  /** seed.json's `randomness`: what was entered. */
  randomness: NullableJson<RandomnessValue>;
  entry_count: number;
  offer_hours: number;
  frozen_at: Date;
  frozen_by: string | null;
  random_value: string | null;
  random_source: string | null;
  seed: string | null;
  seeded_at: Date | null;
  seeded_by: string | null;
  drawn_at: Date | null;
  summary: ColumnType<unknown, string | null, string | null>;
  published_at: Date | null;
  published_by: string | null;
}

export interface DrawEntriesTable {
  season: string;
  leaf_index: number;
  application_id: string;
  admin_account_id: string;
  record: string;
  family_size: number;
  country: string;
  choices: string[];
  pool: string;
  submitted_at: Date;
}

export interface DrawResultsTable {
  season: string;
  position: number;
  application_id: string;
  outcome: 'won' | 'waiting';
  package_id: string | null;
  choice_rank: number | null;
  phase: string | null;
  waitlist_position: number | null;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    draws: DrawsTable;
    draw_entries: DrawEntriesTable;
    draw_results: DrawResultsTable;
  }
}
