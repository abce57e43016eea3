import type { Generated } from 'kysely';
export type LedgerAccountKind = 'pilgrim_wallet' | 'provider_payable' | 'platform_fees' | 'vat' | 'gateway_clearing' | 'refunds';
export type TransferFlags = 'posted' | 'pending' | 'post_pending' | 'void_pending';

export interface LedgerAccountsTable {
  id: string;
  code: string;
  kind: LedgerAccountKind;
  owner_id: string | null;
  bank_reference: string | null;
  /** A wallet's running totals (posted, and reserved by open holds), kept by a trigger; 0 on other accounts. */
  posted_total: Generated<number>;
  held_total: Generated<number>;
  created_at: Date;
}

export interface LedgerTransfersTable {
  id: string;
  batch_id: string;
  debit_account: string;
  credit_account: string;
  amount: number;
  kind: string;
  flags: TransferFlags;
  pending_id: string | null;
  timeout_at: Date | null;
  booking_id: string | null;
  external_ref: string | null;
  created_at: Date;
}


// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    ledger_accounts: LedgerAccountsTable;
    ledger_transfers: LedgerTransfersTable;
  }
}
