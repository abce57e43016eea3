export interface MissionRequirementsTable {
  country: string;
  language: string;
  body: string;
  updated_by: string | null;
  updated_at: Date;
}

// This module's table, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    mission_requirements: MissionRequirementsTable;
  }
}
