import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../http/idempotency.ts';
import { policies } from '../http/policy.ts';
import { Nullable, Obj, SeasonCode, StringEnum, Uuid } from '../common/schemas/kit.ts';
import { BookingSchema, RefundRule } from '../modules/bookings/index.ts';
import { DrawSchema, drawPolicy } from '../modules/draw/index.ts';
import { ApproveBody, licencePolicy, ProviderIdParams, ProviderSchema, ReasonBody, ReinstateBody } from '../modules/providers/index.ts';
import { WalletSchema } from '../modules/wallet/index.ts';
import { statisticsPolicy } from '../modules/statistics/index.ts';
import type { Workflows } from './index.ts';

const RefundPreview = Type.Object({
  paid: Type.Integer({ description: 'Halalas paid so far' }),
  refund: Type.Integer({ description: 'Halalas that come back to the wallet' }),
  fee: Type.Integer({ description: 'Halalas kept' }),
  daysBefore: Type.Integer({ description: 'Whole days from now until the arrival day begins (negative after it)' }),
  rule: Nullable(RefundRule),
  reason: StringEnum(['schedule', 'provider_suspended'] as const, { description: 'schedule: the season\'s refund schedule decides (rule: the one that applies; null when none does and everything is kept); provider_suspended: everything comes back' }),
  schedule: Type.Array(RefundRule),
});
const BookingParams = Obj({ id: Uuid() });
const pilgrim = policies.roles('pilgrim');

/**
 * The endpoints of the processes that span modules (src/workflows): each
 * validates, calls its workflow, and answers with the modules' own shapes.
 */
export const workflowRoutes: FastifyPluginAsyncTypebox<{ workflows: Workflows }> = async (app, { workflows }) => {
  app.post('/statistics/hajj/:season/arrivals', {
    schema: {
      tags: ['statistics'],
      summary: 'Record the arrival of a paid booking\'s pilgrims (the direct programme) at a port of entry: one record per member, none if any is already recorded',
      headers: IdempotencyHeaders,
      params: Obj({ season: SeasonCode() }),
      body: Obj({
        bookingId: Uuid(),
        entryPort: Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3, description: 'A port of entry code (data/entry-ports.json), e.g. JED' }),
        arrivalDate: Type.String({ format: 'date', maxLength: 10 }),
        makkahRoute: Type.Optional(Type.Boolean({ description: 'Cleared in the home country (the Makkah Route); air arrivals of its countries only' })),
      }),
      response: { 200: Type.Object({ bookingId: Type.String(), recorded: Type.Integer() }) },
    },
    config: { policy: policies.of(statisticsPolicy, 'record_travel', 'statistics'), idempotent: true },
  }, async (req) => workflows.recordArrival(req.ctx, req.params.season, { ...req.body, makkahRoute: req.body.makkahRoute ?? false }));

  app.post('/bookings/:id/pay', {
    schema: {
      tags: ['wallet'],
      summary: 'Pay towards a held booking from your wallet (in full by default, or an instalment); the payment that completes it confirms it',
      headers: IdempotencyHeaders,
      params: BookingParams,
      body: Obj({ amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000_00, description: 'Halalas; default: everything still owed' })) }),
      response: { 200: Type.Object({ booking: BookingSchema, wallet: WalletSchema }) },
    },
    config: { policy: pilgrim, idempotent: true },
  }, async (req) => workflows.payBooking(req.ctx, req.params.id, req.body.amount));

  app.get('/bookings/:id/cancellation', {
    schema: { tags: ['wallet'], summary: 'What cancelling this booking now would give back, by the season\'s refund schedule, and the rule that decides it', params: BookingParams, response: { 200: RefundPreview } },
    config: { policy: pilgrim },
  }, async (req) => workflows.cancellationPreview(req.ctx, req.params.id));

  app.post('/bookings/:id/cancel', {
    schema: {
      tags: ['wallet'], summary: 'Cancel your family\'s booking: the refund returns to your wallet at once; the seats go to the next family',
      headers: IdempotencyHeaders, params: BookingParams, response: { 200: Type.Intersect([RefundPreview, Type.Object({ wallet: WalletSchema })]) },
    },
    config: { policy: pilgrim, idempotent: true },
  }, async (req) => workflows.cancelBooking(req.ctx, req.params.id));

  app.post('/bookings/:id/decline', {
    schema: { tags: ['bookings'], summary: 'Give up a held offer (family admin): any instalment paid comes back; the seats go to the next family in draw order', headers: IdempotencyHeaders, params: BookingParams, response: { 200: BookingSchema } },
    config: { policy: pilgrim, idempotent: true },
  }, async (req) => workflows.declineOffer(req.ctx, req.params.id));

  app.post('/seasons/:code/draw/publish', {
    schema: { tags: ['draw'], summary: 'Publish the results: winners get held bookings, every family is notified', headers: IdempotencyHeaders, params: Obj({ code: SeasonCode() }), response: { 200: DrawSchema } },
    config: { policy: policies.of(drawPolicy, 'publish', 'draw'), idempotent: true },
  }, async (req) => workflows.publishDraw(req.ctx, req.params.code));

  for (const [action, body, summary] of [
    ['approve', ApproveBody, 'Grant the licence for the given dates'],
    ['reject', ReasonBody, 'Decline the application, with a reason'],
    ['suspend', ReasonBody, 'Suspend the licence: packages go off sale at once, and every live booking is cancelled and refunded in full'],
    ['reinstate', ReinstateBody, 'Lift a suspension'],
  ] as const) {
    app.post(`/providers/:id/${action}`, {
      schema: { tags: ['providers'], summary, headers: IdempotencyHeaders, params: ProviderIdParams, body, response: { 200: ProviderSchema } },
      config: { policy: policies.of(licencePolicy, action, 'licence'), idempotent: true },
    }, async (req) => workflows.decideLicence(req.ctx, req.params.id, action, req.body as { validFrom?: string; validTo?: string; reason?: string }));
  }
};
