import type { ColumnType } from 'kysely';
import type { EligibilityRule } from './domain/eligibility.ts';

export interface SeasonsTable {
  code: string;
  registration_opens: Date;
  preference_opens: Date;
  preference_closes: Date;
  draw_at: Date;
  offers_close: Date;
  open_sale_at: Date;
  visa_cutoff: Date;
  reference_date: string;
  arrival_date: string;
  season_end: string;
  created_at: Date;
  updated_at: Date;
}

export interface ProgrammeCountriesTable {
  code: string;
  added_at: Date;
}

export interface CountryQuotasTable {
  season: string;
  country: string;
  seats: number;
  seats_used: ColumnType<number, number | undefined, number>;
  updated_at: Date;
}

export interface EligibilityRulesTable {
  season: string;
  version: number;
  rules: ColumnType<EligibilityRule[], string, never>;
  created_by: string | null;
  created_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    seasons: SeasonsTable;
    programme_countries: ProgrammeCountriesTable;
    country_quotas: CountryQuotasTable;
    eligibility_rules: EligibilityRulesTable;
  }
}
