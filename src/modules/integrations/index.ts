export { integrationErrors } from './errors.ts';
export { createApiKeyService, apiScopes, API_KEY_PREFIX, type ApiKeyService, type ApiScope } from './api-key-service.ts';
export { createWebhookService, type WebhookService } from './webhook-service.ts';
export { createWebhookDispatcher, type WebhookDispatcher } from './webhook-dispatcher.ts';
export { signatureHeader, verifySignature } from './domain/signature.ts';
export { integrationRoutes } from './routes.ts';
