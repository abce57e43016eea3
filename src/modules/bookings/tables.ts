import type { ColumnType } from 'kysely';

export type BookingStatus = 'held' | 'confirmed' | 'visa_ready' | 'completed' | 'expired' | 'declined' | 'cancelled';
/** Bookings that occupy seats. */
export const liveStatuses = ['held', 'confirmed', 'visa_ready', 'completed'] as const satisfies readonly BookingStatus[];
/** Bookings that may still be cancelled (a completed pilgrimage cannot). */
export const cancellableStatuses = ['held', 'confirmed', 'visa_ready'] as const satisfies readonly BookingStatus[];
/** Bookings paid in full. */
export const paidStatuses = ['confirmed', 'visa_ready', 'completed'] as const satisfies readonly BookingStatus[];
export type BookingSource = 'draw' | 'cascade' | 'open_sale';

export interface BookingsTable {
  id: string;
  season: string;
  application_id: string;
  package_id: string;
  package_version: number;
  country: string;
  seats: number;
  source: BookingSource;
  status: BookingStatus;
  hold_deadline: Date | null;
  created_at: Date;
  updated_at: Date;
  confirmed_at: Date | null;
  ended_at: Date | null;
  version: ColumnType<number, number | undefined, number>;
  amount_due: ColumnType<number, number | undefined, number>;
  amount_paid: ColumnType<number, number | undefined, number>;
}

export interface OpenSalesTable {
  season: string;
  admit_per_minute: number;
  first_batch: number;
  token_minutes: number;
  hold_minutes: number;
  order_seed: string | null;
  ordered_at: Date | null;
  early_count: number | null;
  next_position: ColumnType<number, number | undefined, number>;
}

export interface SaleQueueTable {
  season: string;
  account_id: string;
  arrived_at: Date;
  position: number | null;
}

export interface RefundSchedulesTable {
  season: string;
  rules: ColumnType<{ minDaysBefore: number; feeBps: number }[], string, string>;
  updated_by: string | null;
  updated_at: Date;
}

export interface InstalmentPlansTable {
  season: string;
  steps: ColumnType<{ percent: number; daysBeforeArrival: number | null }[], string, string>;
  updated_by: string | null;
  updated_at: Date;
}


// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    bookings: BookingsTable;
    open_sales: OpenSalesTable;
    sale_queue: SaleQueueTable;
    refund_schedules: RefundSchedulesTable;
    instalment_plans: InstalmentPlansTable;
  }
}
