import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Limit, Obj, StringEnum, Text, Uuid } from '../../common/schemas/kit.ts';
import { ministryEventTypes, providerEventTypes } from '../../common/event-types.ts';
import { apiScopes, type ApiKeyService } from './api-key-service.ts';
import type { WebhookService } from './webhook-service.ts';

const ProviderParams = Obj({ id: Uuid() });
const KeyParams = Obj({ id: Uuid(), keyId: Uuid() });
const EndpointParams = Obj({ id: Uuid(), endpointId: Uuid() });
const DeliveryParams = Obj({ id: Uuid(), deliveryId: Uuid() });

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
const EndpointSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
});
const DeliverySchema = Type.Object({
  id: Type.String(),
  eventId: Type.Integer(),
  eventType: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
});

/** /api/v1/providers/:id/api-keys and /webhooks: a provider's integrations (owners and managers, signed in). */
export const integrationRoutes: FastifyPluginAsyncTypebox<{ apiKeys: ApiKeyService; webhooks: WebhookService }> = async (app, { apiKeys, webhooks }) => {
  const tags = ['integrations'];
  const staff = policies.roles('provider_staff');

  app.post('/providers/:id/api-keys', {
    schema: {
      tags,
      summary: 'Create an API key (the key is in this answer only)',
      params: ProviderParams,
      body: Obj({ name: Text({ maxLength: 80 }), scopes: Type.Array(StringEnum(apiScopes), { minItems: 1, maxItems: apiScopes.length, uniqueItems: true }) }),
      response: { 201: Type.Composite([ApiKeySchema, Type.Object({ key: Type.String() })]) },
    },
    config: { policy: staff },
  }, async (req, reply) => reply.code(201).send(await apiKeys.create(req.ctx, req.params.id, req.body)));

  app.get('/providers/:id/api-keys', {
    schema: { tags, summary: 'API keys (never the keys themselves)', params: ProviderParams, response: { 200: Type.Array(ApiKeySchema) } },
    config: { policy: staff },
  }, async (req) => apiKeys.list(req.ctx, req.params.id));

  app.delete('/providers/:id/api-keys/:keyId', {
    schema: { tags, summary: 'Revoke an API key', params: KeyParams, response: { 204: Type.Null() } },
    config: { policy: staff },
  }, async (req, reply) => {
    await apiKeys.revoke(req.ctx, req.params.id, req.params.keyId);
    return reply.code(204).send(null);
  });

  app.post('/providers/:id/webhooks', {
    schema: {
      tags,
      summary: 'Register a webhook endpoint (the signing secret is in this answer only)',
      description: 'Deliveries are POSTed with `Manasik-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`; see docs/webhooks.md.',
      params: ProviderParams,
      body: Obj({
        url: Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' }),
        events: Type.Array(StringEnum(providerEventTypes), { minItems: 1, maxItems: providerEventTypes.length, uniqueItems: true }),
      }),
      response: { 201: Type.Composite([EndpointSchema, Type.Object({ secret: Type.String() })]) },
    },
    config: { policy: staff },
  }, async (req, reply) => reply.code(201).send(await webhooks.create(req.ctx, req.params.id, req.body)));

  app.get('/providers/:id/webhooks', {
    schema: { tags, summary: 'Webhook endpoints', params: ProviderParams, response: { 200: Type.Array(EndpointSchema) } },
    config: { policy: staff },
  }, async (req) => webhooks.list(req.ctx, req.params.id));

  app.post('/providers/:id/webhooks/:endpointId/disable', {
    schema: { tags, summary: 'Stop sending to an endpoint', params: EndpointParams, response: { 200: EndpointSchema } },
    config: { policy: staff },
  }, async (req) => webhooks.disable(req.ctx, req.params.id, req.params.endpointId));

  app.get('/providers/:id/webhooks/:endpointId/deliveries', {
    schema: { tags, summary: 'The delivery log of an endpoint', params: EndpointParams, querystring: Obj({ limit: Limit(200, 50) }), response: { 200: Type.Array(DeliverySchema) } },
    config: { policy: staff },
  }, async (req) => webhooks.deliveries(req.ctx, req.params.id, req.params.endpointId, req.query.limit));

  app.post('/ministry/webhooks', {
    schema: {
      tags, summary: 'Register a ministry webhook endpoint for the events that concern no provider (permit.issued, permit.cancelled, permit.checked_in); the secret is in this answer only',
      body: Obj({ url: Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' }), events: Type.Array(StringEnum(ministryEventTypes), { minItems: 1, maxItems: ministryEventTypes.length, uniqueItems: true }) }),
      response: { 201: Type.Composite([EndpointSchema, Type.Object({ secret: Type.String() })]) },
    },
    config: { policy: policies.roles('ministry_admin') },
  }, async (req, reply) => reply.code(201).send(await webhooks.createMinistry(req.ctx, req.body)));

  app.get('/ministry/webhooks', {
    schema: { tags, summary: 'The ministry\'s webhook endpoints', response: { 200: Type.Array(EndpointSchema) } },
    config: { policy: policies.roles('ministry_admin') },
  }, async () => webhooks.listMinistry());

  app.get('/ministry/webhooks/:endpointId/deliveries', {
    schema: { tags, summary: 'The delivery log of a ministry endpoint', params: Obj({ endpointId: Uuid() }), querystring: Obj({ limit: Limit(200, 50) }), response: { 200: Type.Array(DeliverySchema) } },
    config: { policy: policies.roles('ministry_admin') },
  }, async (req) => webhooks.ministryDeliveries(req.params.endpointId, req.query.limit));

  app.post('/providers/:id/webhook-deliveries/:deliveryId/replay', {
    schema: { tags, summary: 'Send a delivery again now', params: DeliveryParams, response: { 202: Type.Object({ accepted: Type.Literal(true) }) } },
    config: { policy: staff },
  }, async (req, reply) => {
    await webhooks.replay(req.ctx, req.params.id, req.params.deliveryId);
    return reply.code(202).send({ accepted: true as const });
  });
};
