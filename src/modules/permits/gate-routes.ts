import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Obj, Uuid } from '../../common/schemas/kit.ts';
import { gatePolicy } from './policies.ts';
import { CheckInBody, CheckInSchema, DayQuery, GateConfigSchema, ScansBody, ScansSchema } from './schemas.ts';
import type { PermitService } from './service.ts';

/** The gates' side: sync (keys, revocation list, expected permits, the platform's time), check-in, scan upload. */
export const permitGateRoutes: FastifyPluginAsyncTypebox<{ permits: PermitService }> = async (app, { permits }) => {
  const tags = ['permits: gates'];
  const sync = policies.of(gatePolicy, 'sync', 'permit_gate');
  const checkIn = policies.of(gatePolicy, 'check_in', 'permit_gate');
  const GateParams = Obj({ gateId: Uuid() });

  app.get('/permits/gates/:gateId/config', {
    schema: { tags, summary: 'What a gate caches to work offline: its site and sections, the public keys and how long each vouches, the revocation list\'s number, the offline limit, the platform\'s time', params: GateParams, response: { 200: GateConfigSchema } },
    config: { policy: sync },
  }, async (req) => permits.config(req.ctx, req.params.gateId));

  app.get('/permits/gates/:gateId/expected', {
    schema: {
      tags, summary: 'The valid permits of a Saudi day in the sections this gate admits (short code and token), for typed codes', params: GateParams, querystring: Obj({ date: DayQuery() }),
      response: { 200: Type.Object({ serverTime: Type.String({ format: 'date-time' }), day: Type.String(), permits: Type.Array(Type.Object({ code: Type.String(), token: Type.String() })) }) },
    },
    config: { policy: sync },
  }, async (req) => permits.expected(req.ctx, req.params.gateId, req.query.date));

  app.get('/permits/revocations/head', {
    schema: { tags, summary: 'Where the revocation list stands: its number and size', response: { 200: Type.Object({ seq: Type.Integer(), count: Type.Integer(), serverTime: Type.String({ format: 'date-time' }) }) } },
    config: { policy: sync },
  }, async () => permits.revocations.head());

  app.get('/permits/revocations', {
    schema: {
      tags, summary: 'The signed revocation list (binary, docs/algorithms/permits.md): the whole list, or with `since` every revocation numbered after it (delta sync)',
      querystring: Obj({ since: Type.Optional(Type.Integer({ minimum: 0, description: 'The number the gate synced up to' })) }),
      produces: ['application/octet-stream'],
    },
    config: { policy: sync },
  }, async (req, reply) => {
    const list = req.query.since === undefined ? await permits.revocations.snapshot() : await permits.revocations.delta(req.query.since);
    return reply.headers({ 'content-type': 'application/octet-stream', 'x-revocations-seq': String(list.seq), 'cache-control': 'no-store' }).send(Buffer.from(list.bytes.buffer, list.bytes.byteOffset, list.bytes.byteLength));
  });

  app.post('/permits/check-ins', {
    schema: { tags, summary: 'Check a permit in at a gate (turnstiles, or the app online): signature, key, window with grace, gate, section, revocation, single use', body: CheckInBody, response: { 200: CheckInSchema } },
    config: { policy: checkIn },
  }, async (req) => permits.checkIn(req.ctx, req.body));

  app.post('/permits/gates/:gateId/scans', {
    schema: {
      tags, summary: 'Upload scans a device queued offline (each counts once by device and nonce); two devices admitting one permit are reconciled and reported',
      params: GateParams, body: ScansBody, response: { 200: ScansSchema },
    },
    config: { policy: checkIn },
  }, async (req) => permits.uploadScans(req.ctx, req.params.gateId, req.body.deviceId, req.body.scans));
};
