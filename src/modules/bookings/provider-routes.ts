import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Nullable, Obj, Uuid } from '../../common/schemas/kit.ts';
import type { ProviderBookingService } from './provider-service.ts';
import { BookingSchema } from './schemas.ts';

/** /api/v1/provider/…: the signed-in staff member's own provider's bookings, manifests and payouts. */
export const providerBookingRoutes: FastifyPluginAsyncTypebox<{ providerBookings: ProviderBookingService }> = async (app, { providerBookings }) => {
  const tags = ['provider bookings'];
  const staff = policies.roles('provider_staff');

  app.get('/provider/bookings', {
    schema: { tags, summary: 'Bookings of your packages, newest first', response: { 200: Type.Array(Type.Intersect([BookingSchema, Type.Object({ packageTitle: Type.String() })])) } },
    config: { policy: staff },
  }, async (req) => providerBookings.list(req.ctx));

  app.get('/provider/packages/:id/manifest.csv', {
    schema: { tags, summary: 'The pilgrim manifest of one of your packages (held and confirmed bookings), as CSV', params: Obj({ id: Uuid() }), produces: ['text/csv'] },
    config: { policy: staff },
  }, async (req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="manifest-${req.params.id}.csv"`).header('cache-control', 'private, no-store').send(await providerBookings.manifest(req.ctx, req.params.id)));

  app.get('/provider/payouts', {
    schema: {
      tags, summary: 'Your payout statement from the ledger: what the platform owes you and every movement',
      response: { 200: Type.Object({ owed: Type.Integer(), movements: Type.Array(Type.Object({ id: Type.String(), at: Type.String(), kind: Type.String(), amount: Type.Integer(), bookingId: Nullable(Type.String()) })) }) },
    },
    config: { policy: staff },
  }, async (req) => providerBookings.payouts(req.ctx));
};
