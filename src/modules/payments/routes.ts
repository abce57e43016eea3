import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../../http/idempotency.ts';
import { keepJsonRaw } from '../../http/edge.ts';
import { policies } from '../../http/policy.ts';
import { Obj, Uuid } from '../../common/schemas/kit.ts';
import type { PaymentService } from './service.ts';

const TopUp = Type.Object({ id: Type.String(), gatewayPaymentId: Type.String(), redirectUrl: Type.String(), amount: Type.Integer(), status: Type.String() });

/** Card top-ups of the wallet, and the gateway's webhooks. */
export const paymentRoutes: FastifyPluginAsyncTypebox<{ payments: PaymentService }> = async (app, { payments }) => {
  const tags = ['wallet'];

  app.post('/wallet/top-ups', {
    schema: {
      tags,
      summary: 'Top up your wallet by card: answers the gateway\'s hosted payment page to send the pilgrim to',
      headers: IdempotencyHeaders,
      body: Obj({ amount: Type.Integer({ minimum: 100, maximum: 50_000_000, description: 'Halalas (1 SAR = 100)' }) }),
      response: { 201: TopUp },
    },
    config: { policy: policies.roles('pilgrim'), idempotent: true },
  }, async (req, reply) => reply.code(201).send(await payments.startTopUp(req.ctx, req.body.amount)));

  app.get('/wallet/top-ups/:id', {
    schema: { tags, summary: 'A card top-up\'s state: created, authorized, succeeded or failed', params: Obj({ id: Uuid() }), response: { 200: Type.Object({ id: Type.String(), amount: Type.Integer(), status: Type.String() }) } },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => payments.status(req.ctx, req.params.id));

  // The gateway signs its webhooks over the exact bytes it sent: keep them as a string here.
  await app.register(async (hooks) => {
    keepJsonRaw(hooks, 64 * 1024);
    hooks.post('/payments/webhooks/simcard', {
      schema: {
        tags,
        summary: 'Webhook of the simulated card gateway (signed: simgw-signature: t=…,v1=HMAC-SHA256(secret, "t.body"))',
        response: { 200: Type.Object({ received: Type.Boolean(), outcome: Type.String() }) },
      },
      config: { policy: policies.public },
    }, async (req) => payments.webhook(String(req.body ?? ''), req.headers));
  });
};
