import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import { Nullable, Obj, Uuid } from '../../common/schemas/kit.ts';
import type { DocumentService } from './service.ts';

/** Booking documents (PDF, in the reader's language) and the check behind their QR codes. */
export const documentRoutes: FastifyPluginAsyncTypebox<{ documents: DocumentService }> = async (app, { documents }) => {
  const tags = ['booking documents'];
  const family = policies.roles('pilgrim');
  // The pilgrim's own travel documents: their device may keep a copy (the web app's service worker keeps them for reading
  // offline, until sign-out), no shared cache may (`private`), and a kept copy is checked with the server whenever there is
  // a network (`no-cache`). Identity scans, attachments and exports stay `no-store`: never kept anywhere.
  const pdf = (name: string) => ({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}.pdf"`, 'cache-control': 'private, no-cache' });

  app.get('/bookings/:id/confirmation.pdf', {
    schema: { tags, summary: 'The booking confirmation (PDF) with a signed QR code', params: Obj({ id: Uuid() }), produces: ['application/pdf'] },
    config: { policy: family },
  }, async (req, reply) => reply.headers(pdf('confirmation')).send(await documents.confirmation(req.ctx, req.params.id)));

  app.get('/bookings/:id/cards/:accountId.pdf', {
    schema: { tags, summary: 'A pilgrim\'s card (PDF) with a signed QR code naming that pilgrim', params: Obj({ id: Uuid(), accountId: Uuid() }), produces: ['application/pdf'] },
    config: { policy: family },
  }, async (req, reply) => reply.headers(pdf('pilgrim-card')).send(await documents.card(req.ctx, req.params.id, req.params.accountId)));

  app.get('/bookings/:id/receipt.pdf', {
    schema: { tags, summary: 'The receipt (PDF): every payment and refund with its VAT line, from the ledger', params: Obj({ id: Uuid() }), produces: ['application/pdf'] },
    config: { policy: family },
  }, async (req, reply) => reply.headers(pdf('receipt')).send(await documents.receipt(req.ctx, req.params.id)));

  app.get('/permits/bookings/:id/permit.pdf', {
    schema: { tags, summary: 'Your permits (PDF, Arabic or English by Accept-Language): a page per member with the signed QR code', params: Obj({ id: Uuid() }), produces: ['application/pdf'] },
    config: { policy: family },
  }, async (req, reply) => reply.headers(pdf('permit')).send(await documents.permit(req.ctx, req.params.id)));

  app.get('/documents/verify', {
    schema: {
      tags, summary: 'Check a scanned booking or pilgrim code online: Ed25519 signature (key id in the code), and the booking\'s state now',
      querystring: Obj({ token: Type.String({ minLength: 10, maxLength: 600, pattern: '^[A-Za-z0-9._-]+$' }) }),
      response: { 200: Type.Object({ valid: Type.Boolean(), kind: Type.Optional(Type.String()), bookingId: Type.Optional(Type.String()), accountId: Type.Optional(Nullable(Type.String())), season: Type.Optional(Type.String()), keyId: Type.Optional(Nullable(Type.Integer({ description: 'The signing key (null for a code printed before Ed25519)' }))), status: Type.Optional(Type.String()), confirmed: Type.Optional(Type.Boolean()) }) },
    },
    config: { policy: policies.roles('gate_officer', 'provider_staff', ...ministryRoles) },
  }, async (req) => documents.verify(req.query.token));
};
