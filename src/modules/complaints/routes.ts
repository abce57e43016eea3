import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../core/errors.ts';
import { ministryRoles } from '../../core/principal.ts';
import { IdempotencyHeaders } from '../../http/idempotency.ts';
import { policies } from '../../http/policy.ts';
import { multipartOnly, readOneFile } from '../../http/uploads.ts';
import { Obj, Uuid } from '../../common/schemas/kit.ts';
import { MAX_ATTACHMENT_BYTES } from './file.ts';
import { complaintDeskPolicy, complaintPolicy, type ComplaintPolicyAction } from './policies.ts';
import { RulesView, ActionBody, ComplaintDetail, ComplaintSchema, FileBody, ListQuery, RateBody, RuleBody, RuleParams, SeasonBody } from './schemas.ts';
import type { ComplaintService } from './service.ts';

/** /api/v1/complaints: filing, each reader's list, one complaint's timeline, its steps; the ministry's deadline rules. */
export const complaintRoutes: FastifyPluginAsyncTypebox<{ complaints: ComplaintService }> = async (app, { complaints }) => {
  const tags = ['complaints'];
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 1 } });
  const readers = policies.of(complaintPolicy, 'read', 'complaint');

  app.get('/complaints/rules', {
    schema: { tags, summary: 'The deadlines promised per category and severity, and the calendar they run on (round the clock in season)', response: { 200: RulesView } },
    config: { policy: policies.public },
  }, async () => complaints.rules());

  app.post('/complaints', {
    schema: {
      tags, summary: 'File a complaint (a pilgrim for themselves, a care-centre agent for a caller): acknowledged at once, sent to the provider, its deadlines started',
      headers: IdempotencyHeaders, body: FileBody, response: { 201: ComplaintSchema },
    },
    config: { policy: policies.of(complaintDeskPolicy, 'file', 'complaint'), idempotent: true },
  }, async (req, reply) => {
    const { id } = await complaints.file(req.ctx, req.body);
    return reply.code(201).send(await present(req.ctx, id));
  });

  app.get('/complaints', {
    schema: { tags, summary: 'Complaints you may read: your own; a provider\'s about itself; a mission\'s country\'s; all for the ministry and the care centre. Newest first', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(ComplaintSchema), next: Type.Union([Type.String(), Type.Null()]) }) } },
    config: { policy: readers, apiScope: 'complaints:read' },
  }, async (req) => complaints.list(req.ctx, req.query));

  app.get('/complaints/:id', {
    schema: { tags, summary: 'One complaint with its timeline and each deadline (due, met, early or late)', params: Obj({ id: Uuid() }), response: { 200: ComplaintDetail } },
    config: { policy: readers, apiScope: 'complaints:read' },
  }, async (req) => complaints.one(req.ctx, req.params.id));

  const steps: ComplaintPolicyAction[] = ['respond', 'ask_pilgrim', 'reply', 'escalate', 'resolve', 'reopen', 'comment'];
  for (const action of steps) {
    app.post(`/complaints/:id/${action.replace('_', '-')}`, {
      schema: { tags, summary: `Take the step "${action}" (see allowedActions)`, headers: IdempotencyHeaders, params: Obj({ id: Uuid() }), body: ActionBody, response: { 200: ComplaintSchema } },
      config: { policy: policies.of(complaintPolicy, action, 'complaint'), idempotent: true, ...(action === 'respond' || action === 'ask_pilgrim' || action === 'comment' ? { apiScope: 'complaints:write' } : {}) },
    }, async (req) => {
      await complaints.act(req.ctx, req.params.id, action, { message: req.body?.message });
      return present(req.ctx, req.params.id);
    });
  }

  app.post('/complaints/:id/rate', {
    schema: { tags, summary: 'Rate how your complaint was resolved (1–5), once', headers: IdempotencyHeaders, params: Obj({ id: Uuid() }), body: RateBody, response: { 200: ComplaintSchema } },
    config: { policy: policies.of(complaintPolicy, 'rate', 'complaint'), idempotent: true },
  }, async (req) => {
    await complaints.act(req.ctx, req.params.id, 'rate', { rating: req.body.rating, message: req.body.message });
    return present(req.ctx, req.params.id);
  });

  app.post('/complaints/:id/attachments', {
    schema: { tags, summary: `Attach a photo (JPEG, PNG) or a PDF, at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB (multipart/form-data, one field named "file"); the type is read from the bytes`, params: Obj({ id: Uuid() }) },
    config: { policy: policies.roles('pilgrim', 'care_agent'), accepts: multipartOnly },
  }, async (req, reply) => {
    const { bytes } = await readOneFile(req, 'file', MAX_ATTACHMENT_BYTES);
    return reply.code(201).send(await complaints.attach(req.ctx, req.params.id, bytes));
  });

  app.get('/complaints/:id/attachments/:attachmentId', {
    schema: { tags, summary: 'An attachment\'s file', params: Obj({ id: Uuid(), attachmentId: Uuid() }) },
    config: { policy: readers },
  }, async (req, reply) => {
    const a = await complaints.attachment(req.ctx, req.params.id, req.params.attachmentId);
    return reply.type(a.contentType).header('cache-control', 'private, no-store').send(a.bytes);
  });

  app.put('/complaints/rules/:category/:severity', {
    schema: { tags, summary: 'Set the deadlines of a category and severity (clock minutes; null: none)', params: RuleParams, body: RuleBody, response: { 204: Type.Null() } },
    config: { policy: policies.roles(...ministryRoles) },
  }, async (req, reply) => {
    await complaints.putRule(req.ctx, { category: req.params.category, severity: req.params.severity, ...req.body });
    return reply.code(204).send(null);
  });

  app.post('/complaints/rules/seasons', {
    schema: { tags, summary: 'A period in which the deadlines\' clock runs round the clock (the season)', body: SeasonBody, response: { 201: Obj({ id: Uuid() }) } },
    config: { policy: policies.roles(...ministryRoles) },
  }, async (req, reply) => {
    const from = new Date(req.body.from);
    const to = new Date(req.body.to);
    if (!(to > from)) throw new AppError('request.validation_failed', { summary: 'to must come after from' });
    return reply.code(201).send({ id: await complaints.addSeason(req.ctx, { label: req.body.label, from, to }) });
  });

  async function present(ctx: Parameters<ComplaintService['one']>[0], id: string) {
    const { deadlines: _d, timeline: _t, attachments: _a, serverTime: _s, ...view } = await complaints.one(ctx, id);
    return view;
  }
};
