import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import { multipartOnly, readOneFile } from '../../http/uploads.ts';
import { MAX_DOCUMENT_BYTES } from './domain/review.ts';
import * as S from './schemas.ts';
import { reviewPolicy } from './policies.ts';
import type { PilgrimService } from './service.ts';

/** /api/v1/pilgrim/* (the pilgrim's own profile and documents) and /api/v1/documents/* (review). */
export const pilgrimRoutes: FastifyPluginAsyncTypebox<{ pilgrims: PilgrimService }> = async (app, { pilgrims }) => {
  const tags = ['pilgrims'];
  const ministry = policies.ministry;
  await app.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 0, parts: 1 } });

  app.get('/pilgrim/profile', {
    schema: { tags, summary: 'Your profile, documents, and the steps still waiting for a review', response: { 200: S.ProfileView } },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => pilgrims.profile(req.ctx));

  app.put('/pilgrim/profile', {
    schema: {
      tags,
      summary: 'Create or edit your profile',
      description: 'An edit sends back to review only the documents the changed fields are checked against. Send `expectedVersion` to refuse overwriting a newer edit.',
      body: S.ProfileBody,
      response: { 200: S.ProfileView },
    },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => pilgrims.saveProfile(req.ctx, req.body));

  app.post('/pilgrim/documents/:type', {
    schema: {
      tags,
      summary: 'Upload a document (multipart/form-data, one field named "file")',
      description: `JPEG, PNG or PDF (photo: JPEG or PNG), at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; the type is read from the bytes.`,
      params: S.DocumentTypeParams,
      response: { 201: S.ProfileView },
    },
    config: { policy: policies.roles('pilgrim'), accepts: multipartOnly },
  }, async (req, reply) => {
    const { bytes } = await readOneFile(req, 'file', MAX_DOCUMENT_BYTES);
    return reply.code(201).send(await pilgrims.uploadDocument(req.ctx, req.params.type, bytes));
  });

  app.get('/documents/:id/file', {
    schema: { tags, summary: 'A document file (its owner, or a ministry reviewer)', params: S.DocumentIdParams },
    config: { policy: policies.roles('pilgrim', ...ministryRoles) },
  }, async (req, reply) => {
    const { bytes, contentType } = await pilgrims.documentFile(req.ctx, req.params.id);
    return reply.type(contentType).header('cache-control', 'private, no-store').send(bytes);
  });

  app.get('/documents/review-queue', {
    schema: { tags, summary: 'Documents waiting for review, oldest first', querystring: S.QueueQuery, response: { 200: Type.Array(S.QueueItem) } },
    config: { policy: ministry },
  }, async (req) => pilgrims.reviewQueue(req.ctx, req.query.limit));

  app.post('/documents/:id/review', {
    schema: { tags, summary: 'Approve or reject a document', params: S.DocumentIdParams, body: S.ReviewBody, response: { 204: Type.Null() } },
    config: { policy: policies.of(reviewPolicy, 'approve', 'document') },
  }, async (req, reply) => {
    await pilgrims.review(req.ctx, req.params.id, req.body.decision, req.body.reason);
    return reply.code(204).send(null);
  });
};
