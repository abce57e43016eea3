export type SimPaymentStatus = 'requires_card' | 'requires_3ds' | 'succeeded' | 'declined' | 'failed';

export interface SimgwPaymentsTable {
  id: string;
  amount: number;
  description: string;
  status: SimPaymentStatus;
  card_last4: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SimgwEventsTable {
  id: string;
  payment_id: string;
  type: string;
  body: string;
  deliver_at: Date;
  attempts: number;
  delivered_at: Date | null;
  last_error: string | null;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    simgw_payments: SimgwPaymentsTable;
    simgw_events: SimgwEventsTable;
  }
}
