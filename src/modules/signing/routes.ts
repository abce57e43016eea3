import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Nullable, StringEnum } from '../../common/schemas/kit.ts';
import { signingPolicy } from './policies.ts';
import type { SigningService } from './service.ts';

export const PublicKeySchema = Type.Object({
  keyId: Type.Integer({ minimum: 1, maximum: 65535 }),
  algorithm: StringEnum(['Ed25519'] as const),
  publicKey: Type.String({ description: 'The 32 raw bytes of the Ed25519 public key, base64url' }),
  status: StringEnum(['active', 'retired'] as const, { description: 'active signs; retired only verifies what it signed' }),
  createdAt: Type.String({ format: 'date-time' }),
  retiredAt: Nullable(Type.String({ format: 'date-time' })),
});

/** /api/v1/signing/keys: the public keys that verify permits, booking confirmations, pilgrim cards and the revocation list. */
export const signingRoutes: FastifyPluginAsyncTypebox<{ signing: SigningService }> = async (app, { signing }) => {
  const tags = ['signing keys'];
  app.get('/signing/keys', {
    schema: { tags, summary: 'The platform\'s Ed25519 public keys by key id (tokens name the key that signed them)', response: { 200: Type.Array(PublicKeySchema) } },
    config: { policy: policies.public },
  }, async () => signing.publicKeys());

  app.post('/signing/keys/rotate', {
    schema: { tags, summary: 'Retire the active signing key and make a new one (what the old key signed keeps verifying)', response: { 200: Type.Array(PublicKeySchema) } },
    config: { policy: policies.of(signingPolicy, 'rotate', 'signing_key') },
  }, async (req) => signing.rotate(req.ctx));
};
