import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../common/schemas/kit.ts';

/** What the wallet and a cancellation's refund look like to the API. */
export const WalletSchema = Type.Object({
  bankReference: Type.String({ description: 'Quote this reference on a bank transfer to top up' }),
  balance: Type.Integer({ description: 'Halalas' }),
  available: Type.Integer({ description: 'Halalas not held by a pending payment' }),
  pendingIn: Type.Integer({ description: 'Halalas on their way in (authorised card payments)' }),
  history: Type.Array(Type.Object({
    id: Type.String(),
    at: Type.String({ format: 'date-time' }),
    kind: Type.String({ description: 'top_up_bank, top_up_card, booking_payment, booking_vat, refund, refund_vat' }),
    state: StringEnum(['pending', 'posted', 'voided'] as const, { description: 'A card top-up is one movement: pending while authorised, then posted (captured) or voided' }),
    amount: Type.Integer({ description: 'Halalas, positive into the wallet' }),
    bookingId: Nullable(Type.String()),
    settledAt: Nullable(Type.String({ format: 'date-time', description: 'When a pending movement was captured or voided' })),
  })),
});
export const StatementLine = Type.Object({ line: Type.Integer(), reference: Type.String(), amount: Type.Integer() });

