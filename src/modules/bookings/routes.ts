import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../../http/idempotency.ts';
import { policies } from '../../http/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import { seasonPolicy } from '../seasons/index.ts';
import { Nullable, Obj, SeasonCode, Uuid } from '../../common/schemas/kit.ts';
import type { FamilyBookings } from './family-bookings.ts';
import { BookingSchema, FamilyBookingSchema, RefundRule } from './schemas.ts';
import { InstalmentPlanBody, InstalmentStep, RefundScheduleBody, SaleSettingsBody } from '../../common/schemas/seasons.ts';
import type { SaleService } from './sale-service.ts';
import type { BookingService } from './service.ts';

const Season = SeasonCode;
const QueueSchema = Type.Object({
  season: Type.String(),
  opensAt: Type.String(),
  inQueue: Type.Boolean(),
  position: Type.Union([Type.Integer(), Type.Null()]),
  admittedUpTo: Type.Integer(),
  queueLength: Type.Integer(),
  estimatedWaitSeconds: Type.Union([Type.Integer(), Type.Null()]),
  admitted: Type.Boolean(),
  admissionToken: Nullable(Type.String()),
  /** Once one has a place: poll GET …/sale/place with it, no session and no database read needed. */
  placeToken: Nullable(Type.String()),
});
const SettingsSchema = Type.Object({
  admitPerMinute: Type.Integer(), firstBatch: Type.Integer(), tokenMinutes: Type.Integer(), holdMinutes: Type.Integer(),
  orderSeed: Nullable(Type.String()), orderedAt: Nullable(Type.String()), earlyArrivals: Type.Union([Type.Integer(), Type.Null()]),
});
const SeasonParams = Obj({ code: Season() });

/** /api/v1/bookings and the open sale under /api/v1/seasons/:code/sale. */
export const bookingRoutes: FastifyPluginAsyncTypebox<{ bookings: BookingService; sale: SaleService; familyBookings: FamilyBookings }> = async (app, { bookings, sale, familyBookings }) => {
  const tags = ['bookings'];

  app.get('/me/bookings', {
    schema: { tags, summary: 'Your family\'s bookings in every season: status, amounts, schedule, deadline, documents and what you may do', response: { 200: Type.Object({ items: Type.Array(FamilyBookingSchema) }) } },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => ({ items: await familyBookings.list(req.ctx) }));

  app.get('/me/bookings/:id', {
    schema: { tags, summary: 'One of your family\'s bookings', params: Obj({ id: Uuid() }), response: { 200: FamilyBookingSchema } },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => familyBookings.one(req.ctx, req.params.id));
  const pilgrim = policies.roles('pilgrim');

  const Step = InstalmentStep;

  app.get('/bookings/:id/schedule', {
    schema: {
      tags, summary: 'Your booking\'s payment schedule under the season\'s instalment plan', params: Obj({ id: Uuid() }),
      response: { 200: Type.Array(Type.Object({ step: Type.Integer(), amount: Type.Integer(), dueAt: Nullable(Type.String()), paid: Type.Boolean() })) },
    },
    config: { policy: pilgrim },
  }, async (req) => bookings.scheduleOf(req.ctx, req.params.id));

  app.get('/seasons/:code/refund-schedule', {
    schema: { tags, summary: 'The season\'s refund schedule: the fee kept by days before arrival', params: SeasonParams, response: { 200: Type.Array(RefundRule) } },
    config: { policy: policies.public },
  }, async (req) => bookings.refundScheduleOf(req.params.code));

  app.put('/seasons/:code/refund-schedule', {
    schema: { tags, summary: 'Set the season\'s refund schedule', params: SeasonParams, body: RefundScheduleBody, response: { 200: Type.Array(RefundRule) } },
    config: { policy: policies.of(seasonPolicy, 'set_refund_schedule', 'season') },
  }, async (req) => bookings.setRefundSchedule(req.ctx, req.params.code, req.body.rules));

  app.get('/seasons/:code/instalment-plan', {
    schema: { tags, summary: 'How the season\'s bookings may be paid: percentages, the first by the offer\'s deadline, the others days before arrival', params: SeasonParams, response: { 200: Type.Array(Step) } },
    config: { policy: policies.public },
  }, async (req) => bookings.planOf(req.params.code));

  app.put('/seasons/:code/instalment-plan', {
    schema: { tags, summary: 'Set the season\'s instalment plan', params: SeasonParams, body: InstalmentPlanBody, response: { 200: Type.Array(Step) } },
    config: { policy: policies.of(seasonPolicy, 'set_instalment_plan', 'season') },
  }, async (req) => bookings.setInstalmentPlan(req.ctx, req.params.code, req.body.steps));

  app.post('/seasons/:code/complete', {
    schema: { tags, summary: 'After the season\'s end: visa-ready bookings are completed', params: SeasonParams, response: { 200: Type.Object({ completed: Type.Integer() }) } },
    config: { policy: policies.of(seasonPolicy, 'complete', 'season') },
  }, async (req) => bookings.completeSeason(req.ctx, req.params.code));

  app.get('/seasons/:code/capacity-check', {
    schema: {
      tags, summary: 'The capacity invariant: packages and countries whose live bookings pass the bound or disagree with the counter (empty when healthy)',
      params: SeasonParams,
      response: { 200: Type.Array(Type.Object({ kind: Type.String(), key: Type.String(), booked: Type.Integer(), bound: Type.Integer(), counter: Type.Integer() })) },
    },
    config: { policy: policies.roles(...ministryRoles) },
  }, async (req) => bookings.capacityViolations(req.params.code));

  app.post('/seasons/:code/sale/queue', {
    schema: { tags, summary: 'Join the open sale\'s waiting room (early arrivals are ordered at random at the opening)', params: SeasonParams, response: { 200: QueueSchema } },
    config: { policy: pilgrim },
  }, async (req) => sale.join(req.ctx, req.params.code));

  app.get('/seasons/:code/sale/queue', {
    schema: { tags, summary: 'Your place in the waiting room, the estimated wait, and an admission token once admitted', params: SeasonParams, response: { 200: QueueSchema } },
    config: { policy: pilgrim },
  }, async (req) => sale.status(req.ctx, req.params.code));

  app.get('/seasons/:code/sale/place', {
    schema: {
      tags,
      summary: 'Your place in the waiting room read from your place token (no session, no database read): what most polls at the opening use',
      params: SeasonParams,
      headers: Type.Object({ 'place-token': Type.String({ minLength: 1, maxLength: 512, description: 'The placeToken of an earlier answer' }) }),
      response: { 200: QueueSchema },
    },
    config: { policy: policies.public },
  }, async (req) => sale.place(req.params.code, req.headers['place-token']));

  app.get('/seasons/:code/sale/packages', {
    schema: {
      tags, summary: 'Packages with seats left that your family could book', params: SeasonParams,
      response: { 200: Type.Array(Type.Object({ packageId: Type.String(), title: Type.String(), capacity: Type.Integer(), seatsLeft: Type.Integer(), total: Type.Integer() })) },
    },
    config: { policy: pilgrim },
  }, async (req) => sale.packages(req.ctx, req.params.code));

  app.post('/seasons/:code/sale/bookings', {
    schema: {
      tags,
      summary: 'Book seats for your whole family in the open sale (needs the Admission-Token header from the waiting room)',
      headers: Type.Composite([IdempotencyHeaders, Type.Object({ 'admission-token': Type.Optional(Type.String({ maxLength: 500, description: 'The token the waiting room gave once you were admitted' })) })]),
      params: SeasonParams,
      body: Obj({ packageId: Uuid() }),
      response: { 201: BookingSchema },
    },
    config: { policy: pilgrim, idempotent: true },
  }, async (req, reply) => {
    const token = req.headers['admission-token'];
    return reply.code(201).send(await sale.book(req.ctx, req.params.code, req.body.packageId, typeof token === 'string' ? token : undefined));
  });

  app.get('/seasons/:code/sale', {
    schema: { tags, summary: 'The open sale\'s settings, and the seed that ordered the early arrivals once open', params: SeasonParams, response: { 200: SettingsSchema } },
    config: { policy: policies.public },
  }, async (req) => sale.settings(req.params.code));

  app.put('/seasons/:code/sale', {
    schema: { tags, summary: 'Set the admission rate, first batch, token lifetime and hold time of the open sale', params: SeasonParams, body: SaleSettingsBody, response: { 200: SettingsSchema } },
    config: { policy: policies.of(seasonPolicy, 'configure_sale', 'season') },
  }, async (req) => sale.configure(req.ctx, req.params.code, req.body));
};
