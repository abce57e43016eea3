import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.ts';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * The `Idempotency-Key` request header, as a route that takes it documents it
 * (its OpenAPI parameters) and declares it (`config.idempotent: true`).
 */
export const IdempotencyHeaders = Type.Object({
  // The key's form is checked by the hook below, which answers `idempotency.bad_key`.
  'idempotency-key': Type.Optional(Type.String({
    description: 'Idempotency-Key (8–100 letters, digits, - or _), made once per intended operation and kept across its retries: a retry with the same key and body gives the first answer again (Idempotent-Replayed: true); the same key with another body is refused.',
  })),
});

/**
 * For routes that declare `config.idempotent`, reads the key into the request's
 * context (with a fingerprint of method, route, parameters and body), so the
 * operation's `runOnce` can give a retry the first answer; marks a replayed
 * answer with `Idempotent-Replayed: true`.
 */
export function installIdempotency(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    if (!request.routeOptions.config?.idempotent) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY.test(header)) throw new AppError('idempotency.bad_key');
    const operation = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const fingerprint = createHash('sha256').update(JSON.stringify([operation, request.params, request.body ?? null])).digest('hex');
    request.ctx.idempotency = { key: header, operation, fingerprint };
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.ctx?.idempotency?.replayed) void reply.header('idempotent-replayed', 'true');
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's operation runs at most once per Idempotency-Key (it books, pays or issues a permit). */
    idempotent?: boolean;
  }
}
