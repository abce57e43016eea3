export interface SigningKeysTable {
  key_id: number;
  public_key: string;
  private_key: string;
  status: 'active' | 'retired';
  created_at: Date;
  retired_at: Date | null;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    signing_keys: SigningKeysTable;
  }
}
