export { ledgerErrors } from './errors.ts';
export { createLedgerService, platformAccounts, type LedgerService, type Leg } from './service.ts';
export { paymentLegs, refundFor, type Due, type RefundRule } from './domain/payment.ts';
export type { TransferFlags } from './tables.ts';
