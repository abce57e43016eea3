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
