export interface ApplicationsTable {
  id: string;
  season: string;
  admin_account_id: string;
  country: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ApplicationMembersTable {
  application_id: string;
  account_id: string;
  season: string;
  role: 'admin' | 'member';
  added_at: Date;
}

export interface ApplicationPreferencesTable {
  application_id: string;
  rank: number;
  package_id: string;
  package_version: number;
}


export interface PackageDemandTable {
  package_id: string;
  country: string;
  shard: number;
  season: string;
  first_choice_seats: number;
  any_choice_seats: number;
  families: number;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    applications: ApplicationsTable;
    application_members: ApplicationMembersTable;
    application_preferences: ApplicationPreferencesTable;
    package_demand: PackageDemandTable;
  }
}
