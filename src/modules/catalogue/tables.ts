import type { ColumnType } from 'kysely';
import type { LocalizedText } from './domain/listing.ts';
import type { PriceLine } from '../../common/pricing.ts';

export type PackageStatus = 'draft' | 'published' | 'closed';

export interface PackagesTable {
  id: string;
  provider_id: string;
  season: string;
  status: PackageStatus;
  current_version: number;
  capacity: number;
  seats_taken: ColumnType<number, number | undefined, number>;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  closed_at: Date | null;
}

type Json<T> = ColumnType<T, string, string>;

export interface PackageVersionsTable {
  package_id: string;
  version: number;
  title: Json<LocalizedText>;
  description: Json<LocalizedText>;
  type: 'dedicated' | 'general';
  departure_city: string | null;
  makkah_hotel: string;
  makkah_distance_m: number;
  makkah_room_occupancy: number;
  madinah_hotel: string | null;
  madinah_distance_m: number | null;
  mina_camp: 'A' | 'B' | 'C' | 'D';
  arafat_service: string;
  meals: 'none' | 'breakfast' | 'half_board' | 'full_board';
  transport: 'bus' | 'train';
  guidance_languages: string[];
  insurance: boolean;
  eligible_countries: string[];
  price_lines: Json<PriceLine[]>;
  subtotal: number;
  vat: number;
  total: number;
  created_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    packages: PackagesTable;
    package_versions: PackageVersionsTable;
  }
}
