import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../common/schemas/kit.ts';

/** What a booking looks like to its family and to the API (the wallet and the draw answer with it too). */
export const BookingSchema = Type.Object({
  id: Type.String(),
  season: Type.String(),
  applicationId: Type.String(),
  packageId: Type.String(),
  packageVersion: Type.Integer(),
  seats: Type.Integer(),
  source: Type.String(),
  status: Type.String(),
  holdDeadline: Nullable(Type.String()),
  createdAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  amountDue: Type.Integer({ description: 'Halalas: the package version\'s total × seats' }),
  amountPaid: Type.Integer({ description: 'Halalas paid so far, per the ledger' }),
});
const Money = (description: string) => Type.Integer({ description: `Halalas: ${description}` });
export const FamilyBookingSchema = Type.Object({
  id: Type.String(),
  season: Type.String(),
  applicationId: Type.String(),
  packageId: Type.String(),
  packageTitle: Type.String({ description: 'In the reader\'s language where the provider wrote one' }),
  seats: Type.Integer(),
  source: StringEnum(['draw', 'cascade', 'open_sale'] as const),
  status: StringEnum(['held', 'confirmed', 'visa_ready', 'completed', 'expired', 'declined', 'cancelled'] as const),
  holdDeadline: Nullable(Type.String({ format: 'date-time', description: 'Pay by then, or the offer expires' })),
  createdAt: Type.String({ format: 'date-time' }),
  confirmedAt: Nullable(Type.String({ format: 'date-time' })),
  amountDue: Money('the price of every seat'),
  amountPaid: Money('paid so far'),
  outstanding: Money('still to pay'),
  arrivalDate: Type.String({ format: 'date' }),
  schedule: Type.Array(Type.Object({ step: Type.Integer(), amount: Money('this step'), dueAt: Nullable(Type.String({ format: 'date-time' })), paid: Type.Boolean() })),
  members: Type.Array(Type.Object({ accountId: Type.String(), name: Type.String(), admin: Type.Boolean() })),
  documents: Type.Object({
    confirmation: Nullable(Type.String({ description: 'PDF, once paid in full' })),
    receipt: Nullable(Type.String({ description: 'PDF (a simplified tax invoice), once something is paid' })),
    cards: Type.Array(Type.Object({ accountId: Type.String(), name: Type.String(), url: Type.String() })),
  }),
  allowedActions: Type.Array(StringEnum(['pay', 'decline', 'cancel'] as const), { description: 'What you may do now; a client shows exactly these' }),
});

export { RefundRule } from '../../common/schemas/seasons.ts';
