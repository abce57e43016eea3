import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Nullable, Obj } from '../../common/schemas/kit.ts';
import type { SimulatedGateway } from './service.ts';

const Payment = Type.Object({ id: Type.String(), amount: Type.Integer(), description: Type.String(), status: Type.String(), cardLast4: Nullable(Type.String()) });
const PaymentId = Obj({ id: Type.String({ pattern: '^pay_[0-9a-f]{24}$', maxLength: 28, examples: ['pay_0123456789abcdef01234567'] }) });

/**
 * The simulated gateway's own endpoints, used by its hosted page (/pay/sim/:id in the web
 * app). On a real gateway these live on the gateway's domain.
 */
export const simulatedGatewayRoutes: FastifyPluginAsyncTypebox<{ gateway: SimulatedGateway }> = async (app, { gateway }) => {
  const tags = ['simulated gateway'];
  app.get('/sim-gateway/payments/:id', {
    schema: { tags, summary: 'A payment on the simulated gateway (the hosted page reads it)', params: PaymentId, response: { 200: Payment } },
    config: { policy: policies.public },
  }, async (req) => gateway.payment(req.params.id));

  app.post('/sim-gateway/payments/:id/card', {
    schema: {
      tags,
      summary: 'Pay with a test card: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 3220 asks for 3-D Secure',
      params: PaymentId,
      body: Obj({ number: Type.String({ pattern: '^[0-9 -]{12,25}$', maxLength: 25 }) }),
      response: { 200: Payment },
    },
    config: { policy: policies.public },
  }, async (req) => gateway.submitCard(req.params.id, req.body.number));

  app.post('/sim-gateway/payments/:id/3ds', {
    schema: { tags, summary: 'Answer the 3-D Secure challenge (the test code is 123456)', params: PaymentId, body: Obj({ code: Type.String({ pattern: '^[0-9]{4,8}$', maxLength: 8 }) }), response: { 200: Payment } },
    config: { policy: policies.public },
  }, async (req) => gateway.submit3ds(req.params.id, req.body.code));
};
