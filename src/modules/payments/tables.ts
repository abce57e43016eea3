export interface CardPaymentsTable {
  id: string;
  gateway: string;
  gateway_payment_id: string;
  account_id: string;
  amount: number;
  status: 'created' | 'authorized' | 'succeeded' | 'failed';
  pending_transfer: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface PaymentEventsTable {
  gateway: string;
  event_id: string;
  payment_id: string;
  type: string;
  outcome: string;
  received_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    card_payments: CardPaymentsTable;
    payment_events: PaymentEventsTable;
  }
}
