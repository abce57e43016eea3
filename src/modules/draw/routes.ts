import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Nullable, Obj, SeasonCode, StringEnum, Text, Uuid } from '../../shared/schemas/kit.ts';
import { BookingSchema } from '../bookings/index.ts';
import { poolCriteria, type DrawService } from './service.ts';
import { drawPolicy } from './policies.ts';
import { DrawActions, DrawSchema, drawStatuses } from './schemas.ts';
import { phases } from '../seasons/index.ts';

const Season = SeasonCode;
const SeasonParams = Obj({ code: Season() });
const files = ['commitment.json', 'parameters.json', 'entries.ndjson', 'seed.json', 'results.ndjson'] as const;

const ProofSchema = Type.Object({
  record: Type.String(),
  leafIndex: Type.Integer(),
  merkleRoot: Type.String(),
  proof: Type.Array(Type.Object({ side: Type.String(), hash: Type.String() })),
});

/** /api/v1/seasons/:code/draw: freeze, seed, run, publish, and everything anyone needs to verify it. */
export const drawRoutes: FastifyPluginAsyncTypebox<{ draw: DrawService }> = async (app, { draw }) => {
  const tags = ['draw'];

  app.get('/draws', {
    schema: { tags, summary: 'Every season that has a draw, newest first, with its state', response: { 200: Type.Array(Type.Object({ season: Type.String(), status: Type.String() })) } },
    config: { policy: policies.public },
  }, async () => draw.list());

  app.get('/seasons/:code/draw/status', {
    schema: {
      tags, summary: 'Where the season\'s draw stands (`none` before the freeze), the season\'s phase, and the steps you may take now', params: SeasonParams,
      response: { 200: Type.Object({ season: Type.String(), status: StringEnum(drawStatuses), phase: StringEnum(phases), allowedActions: DrawActions }) },
    },
    config: { policy: policies.public },
  }, async (req) => draw.status(req.ctx, req.params.code));

  app.get('/seasons/:code/draw', {
    schema: { tags, summary: 'The draw: commitment, seed inputs, status, and once published the results and fairness audit', params: SeasonParams, response: { 200: DrawSchema } },
    config: { policy: policies.public },
  }, async (req) => draw.get(req.ctx, req.params.code));

  app.post('/seasons/:code/draw/freeze', {
    schema: {
      tags,
      summary: 'Freeze the eligible applications and publish the Merkle commitment (after the preference phase)',
      params: SeasonParams,
      body: Obj({
        pools: Type.Optional(Type.Array(Obj({ code: StringEnum(poolCriteria), share: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })) }), { minItems: 1, maxItems: 5 })),
        offerHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
      }),
      response: { 200: DrawSchema },
    },
    config: { policy: policies.of(drawPolicy, 'freeze', 'draw') },
  }, async (req) => draw.freeze(req.ctx, req.params.code, req.body));

  app.post('/seasons/:code/draw/random-value', {
    schema: {
      tags,
      summary: 'Enter the public random value published after the freeze (once; a second attempt is refused and recorded)',
      params: SeasonParams,
      body: Obj({ value: Text({ minLength: 1, maxLength: 200 }), source: Text({ minLength: 3, maxLength: 300 }) }),
      response: { 200: DrawSchema },
    },
    config: { policy: policies.of(drawPolicy, 'set_random_value', 'draw') },
  }, async (req) => draw.setRandomValue(req.ctx, req.params.code, req.body.value, req.body.source));

  app.post('/seasons/:code/draw/run', {
    schema: {
      tags, summary: 'Run the draw and store every result (running again recomputes and compares)', params: SeasonParams,
      response: { 200: Type.Intersect([DrawSchema, Type.Object({ rerun: Type.Boolean(), identical: Type.Boolean() })]) },
    },
    config: { policy: policies.of(drawPolicy, 'run', 'draw') },
  }, async (req) => draw.run(req.ctx, req.params.code));

  app.get('/seasons/:code/draw/files/:name', {
    schema: { tags, summary: 'A published file of the draw, for `manasik draw verify` and anyone else', params: Obj({ code: Season(), name: StringEnum(files) }), produces: ['application/json', 'application/x-ndjson'] },
    config: { policy: policies.public },
  }, async (req, reply) => reply.type(req.params.name.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8').send(await draw.file(req.params.code, req.params.name)));

  app.get('/seasons/:code/draw/proof/:applicationId', {
    schema: { tags, summary: 'An application\'s committed record and its Merkle proof of inclusion', params: Obj({ code: Season(), applicationId: Uuid() }), response: { 200: ProofSchema } },
    config: { policy: policies.public },
  }, async (req) => draw.proof(req.params.code, req.params.applicationId));

  app.get('/seasons/:code/draw/mine', {
    schema: {
      tags, summary: 'Your family\'s draw: entered or not, result and waiting-list place once published, offers and deadlines', params: SeasonParams,
      response: {
        200: Type.Object({
          applicationId: Type.String(), status: Type.String(), entered: Type.Boolean(), record: Nullable(Type.String()),
          result: Type.Union([Type.Object({ position: Type.Integer(), outcome: Type.String(), packageId: Nullable(Type.String()), choiceRank: Type.Union([Type.Integer(), Type.Null()]), waitlistPosition: Type.Union([Type.Integer(), Type.Null()]) }), Type.Null()]),
          bookings: Type.Array(BookingSchema),
        }),
      },
    },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => draw.mine(req.ctx, req.params.code));
};
