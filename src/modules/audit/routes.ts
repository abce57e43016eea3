import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Limit, Obj, Text, Uuid } from '../../common/schemas/kit.ts';
import type { AuditService } from './service.ts';

const AuditQuery = Obj({
  action: Type.Optional(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*(\\.\\*)?$', maxLength: 100 })),
  actorId: Type.Optional(Uuid()),
  subjectType: Type.Optional(Type.String({ pattern: '^[a-z_]+$', maxLength: 50 })),
  subjectId: Type.Optional(Text({ maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
  limit: Limit(),
});

const AuditRecordSchema = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  requestId: Type.Union([Type.String(), Type.Null()]),
});

/** /api/v1/audit: the audit log, for ministry officers. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get('/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Query the audit log (newest first)',
      description: '`action` takes an exact code or a prefix such as `account.*`; `cursor` is the `nextCursor` of the previous page.',
      querystring: AuditQuery,
      response: { 200: Type.Object({ items: Type.Array(AuditRecordSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
    },
    config: { policy: policies.ministry },
  }, async (req) => {
    const q = req.query;
    return audit.query({
      action: q.action,
      actorId: q.actorId,
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      beforeId: q.cursor ? Number(q.cursor) : undefined,
      limit: q.limit,
    });
  });
};
