export { createSigningService, publicKeyObject, type SigningService, type PublicKeyView } from './service.ts';
export { signingRoutes, PublicKeySchema } from './routes.ts';
export { signingPolicy } from './policies.ts';
