import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/database.ts';
import { IdempotencyHeaders } from '../../http/idempotency.ts';
import { policies } from '../../http/policy.ts';
import { seasonPolicy } from '../seasons/index.ts';
import { acceptCsv, csvOnly } from '../../http/uploads.ts';
import { Nullable, Obj, SeasonCode, StringEnum, Uuid } from '../../http/schemas.ts';
import type { BookingService } from '../bookings/index.ts';
import { BookingSchema } from '../bookings/index.ts';
import type { WalletService } from './service.ts';

const WalletSchema = Type.Object({
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
const Line = Type.Object({ line: Type.Integer(), reference: Type.String(), amount: Type.Integer() });
/** /api/v1/wallet, paying a booking, and the bank statement import. */
const Rule = Type.Object({ minDaysBefore: Type.Integer({ minimum: 0, maximum: 1000 }), feeBps: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Fee kept, in basis points of what was paid' }) }, { additionalProperties: false });
const Refund = Type.Object({
  paid: Type.Integer({ description: 'Halalas paid so far' }),
  refund: Type.Integer({ description: 'Halalas that come back to the wallet' }),
  fee: Type.Integer({ description: 'Halalas kept' }),
  daysBefore: Type.Integer({ description: 'Whole days from now until the arrival day begins (negative after it)' }),
  rule: Nullable(Rule),
  reason: StringEnum(['schedule', 'provider_suspended'] as const, { description: 'schedule: the season\'s refund schedule decides (rule: the one that applies; null when none does and everything is kept); provider_suspended: everything comes back' }),
  schedule: Type.Array(Rule),
});

export const walletRoutes: FastifyPluginAsyncTypebox<{ wallet: WalletService; bookings: BookingService; db: Db }> = async (app, { wallet, bookings, db }) => {
  const tags = ['wallet'];
  acceptCsv(app, 2_000_000);

  app.get('/wallet', {
    schema: { tags, summary: 'Your wallet: balance, bank reference for top-ups, and history', response: { 200: WalletSchema } },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => wallet.view(req.ctx));

  app.post('/bookings/:id/pay', {
    schema: {
      tags,
      summary: 'Pay towards a held booking from your wallet (in full by default, or an instalment); the payment that completes it confirms it',
      headers: IdempotencyHeaders,
      params: Obj({ id: Uuid() }),
      body: Obj({ amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000_00, description: 'Halalas; default: everything still owed' })) }),
      response: { 200: Type.Object({ booking: BookingSchema, wallet: WalletSchema }) },
    },
    config: { policy: policies.roles('pilgrim'), idempotent: true },
  }, async (req) => wallet.payBooking(req.ctx, req.params.id, req.body.amount));

  app.get('/bookings/:id/cancellation', {
    schema: { tags, summary: 'What cancelling this booking now would give back, by the season\'s refund schedule', params: Obj({ id: Uuid() }), response: { 200: Refund } },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => wallet.cancellationPreview(req.ctx, req.params.id));

  app.post('/bookings/:id/cancel', {
    schema: {
      tags, summary: 'Cancel your family\'s booking: the refund returns to your wallet at once; the seats go back', headers: IdempotencyHeaders,
      params: Obj({ id: Uuid() }), response: { 200: Type.Intersect([Refund, Type.Object({ wallet: WalletSchema })]) },
    },
    config: { policy: policies.roles('pilgrim'), idempotent: true },
  }, async (req) => wallet.cancelBooking(req.ctx, req.params.id));

  app.get('/seasons/:code/refund-schedule', {
    schema: { tags, summary: 'The season\'s refund schedule: the fee kept by days before arrival', params: Obj({ code: SeasonCode() }), response: { 200: Type.Array(Rule) } },
    config: { policy: policies.public },
  }, async (req) => bookings.refundSchedule(db.kysely, req.params.code));

  app.put('/seasons/:code/refund-schedule', {
    schema: { tags, summary: 'Set the season\'s refund schedule', params: Obj({ code: SeasonCode() }), body: Obj({ rules: Type.Array(Rule, { minItems: 1, maxItems: 10 }) }), response: { 200: Type.Array(Rule) } },
    config: { policy: policies.of(seasonPolicy, 'set_refund_schedule', 'season') },
  }, async (req) => bookings.setRefundSchedule(req.ctx, req.params.code, req.body.rules));

  app.post('/wallet/bank-statements', {
    schema: {
      tags,
      summary: 'Import a bank statement (CSV: date,reference,amount,transaction_id) and credit the wallets it names',
      description: 'Send `Content-Type: text/csv`. A transaction already credited is skipped; a reference that names no wallet is listed, not guessed.',
      body: Type.String({ minLength: 1, maxLength: 2_000_000, description: 'text/csv: a "date,reference,amount,transaction_id" header, then one line per incoming transfer' }),
      consumes: ['text/csv'],
      headers: IdempotencyHeaders,
      response: { 200: Type.Object({ credited: Type.Array(Line), duplicates: Type.Array(Type.Integer()), unmatched: Type.Array(Line) }) },
    },
    config: { policy: policies.roles('ministry_admin'), accepts: csvOnly, idempotent: true },
  }, async (req) => wallet.importStatement(req.ctx, req.body));
};
