import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Nullable, Obj, SeasonCode, StringEnum, Text, Uuid } from '../../common/schemas/kit.ts';
import { BookingSchema } from '../bookings/index.ts';
import { poolCriteria, type DrawService } from './service.ts';
import { beaconChains } from '../../common/draw/beacon.ts';
import { drawFileNames } from './domain/files.ts';
import { fileSchemas, ProofSchema, type SchemaName } from './domain/file-schemas.ts';
import { drawPolicy } from './policies.ts';
import { DrawActions, DrawSchema, drawStatuses } from './schemas.ts';
import { phases } from '../seasons/index.ts';

const Season = SeasonCode;
const SeasonParams = Obj({ code: Season() });
const files = [...drawFileNames, ...(Object.keys(fileSchemas) as SchemaName[])] as const;
const isSchema = (name: string): name is SchemaName => name in fileSchemas;

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
      summary: 'Freeze the eligible applications and publish the commitment: the Merkle root, the seats, and the random value to come (after the preference phase)',
      description: 'A pool\'s share is `shareBps` (basis points, 2900 = 29 %) or `share` as a fraction with an exact basis-point value (0.29); an inexact fraction is refused. '
        + '`randomness` names the source: a drand beacon (default quicknet) whose first round at or after the freeze plus `delaySeconds` (default 600) will be used, '
        + 'or a declared public value described exactly, published after `notBefore` (docs/algorithms/draw.md §5).',
      params: SeasonParams,
      body: Obj({
        pools: Type.Optional(Type.Array(Obj({
          code: StringEnum(poolCriteria),
          share: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
          shareBps: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999 })),
        }), { minItems: 1, maxItems: 5 })),
        offerHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
        randomness: Type.Optional(Type.Union([
          Obj({ kind: Type.Literal('drand'), chain: Type.Optional(StringEnum(beaconChains.map((b) => b.name))), delaySeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 86_400 })) }),
          Obj({ kind: Type.Literal('declared'), description: Text({ minLength: 10, maxLength: 500 }), notBefore: Type.String({ format: 'date-time', maxLength: 40 }) }),
        ])),
      }),
      response: { 200: DrawSchema },
    },
    config: { policy: policies.of(drawPolicy, 'freeze', 'draw') },
  }, async (req) => draw.freeze(req.ctx, req.params.code, req.body));

  app.post('/seasons/:code/draw/random-value', {
    schema: {
      tags,
      summary: 'Enter the random value the commitment named, once it exists: the beacon round and its signature, or the declared value and where it was published',
      description: 'For a beacon, `round` must be the named round, published by now, and `signature` its BLS signature (checked against the beacon\'s public key). '
        + 'Any refusal, and any second attempt, is recorded in the audit log.',
      params: SeasonParams,
      body: Obj({
        round: Type.Optional(Type.Integer({ minimum: 1 })),
        signature: Type.Optional(Type.String({ minLength: 96, maxLength: 96, pattern: '^[0-9a-fA-F]{96}$', description: 'the round\'s BLS signature: a compressed G1 point, 96 hex digits' })),
        value: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
        source: Type.Optional(Text({ minLength: 3, maxLength: 300 })),
      }),
      response: { 200: DrawSchema },
    },
    config: { policy: policies.of(drawPolicy, 'set_random_value', 'draw') },
  }, async (req) => draw.setRandomValue(req.ctx, req.params.code, req.body));

  app.post('/seasons/:code/draw/run', {
    schema: {
      tags, summary: 'Run the draw and store every result (running again recomputes and compares)', params: SeasonParams,
      response: { 200: Type.Intersect([DrawSchema, Type.Object({ rerun: Type.Boolean(), identical: Type.Boolean() })]) },
    },
    config: { policy: policies.of(drawPolicy, 'run', 'draw') },
  }, async (req) => draw.run(req.ctx, req.params.code));

  app.get('/seasons/:code/draw/files/:name', {
    schema: {
      tags, summary: 'A published file of the draw, exactly the bytes that were hashed, or the JSON Schema of one (`*.schema.json`)', params: Obj({ code: Season(), name: StringEnum(files) }),
      produces: ['application/json', 'application/x-ndjson', 'application/schema+json'],
    },
    config: { policy: policies.public },
  }, async (req, reply) => {
    const { name } = req.params;
    if (isSchema(name)) {
      await draw.status(req.ctx, req.params.code); // the season must exist
      return reply.type('application/schema+json; charset=utf-8').send(draw.schema(name));
    }
    return reply.type(name.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8').send(await draw.file(req.params.code, name));
  });

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
          result: Type.Union([Type.Object({ place: Type.Integer({ description: 'place in the draw order, from 1 (results.ndjson `place`)' }), position: Type.Integer({ description: 'the same as place; use place', deprecated: true }), outcome: Type.String(), packageId: Nullable(Type.String()), choiceRank: Type.Union([Type.Integer(), Type.Null()]), waitlistPosition: Type.Union([Type.Integer(), Type.Null()]) }), Type.Null()]),
          bookings: Type.Array(BookingSchema),
        }),
      },
    },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => draw.mine(req.ctx, req.params.code));
};
