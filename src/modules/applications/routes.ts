import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import { Email, Obj, SeasonCode, StringEnum, Uuid } from '../../common/schemas/kit.ts';
import { MAX_CHOICES } from './domain/family.ts';
import type { ApplicationService } from './service.ts';
import { applicationPolicy } from './policies.ts';

const Season = SeasonCode;
const Version = () => Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'The version you saw; a stale one is refused (409)' }));
const IdParams = Obj({ id: Uuid() });

const ApplicationSchema = Type.Object({
  id: Type.String(),
  season: Type.String(),
  country: Type.String(),
  version: Type.Integer(),
  readOnly: Type.Boolean(),
  allowedActions: Type.Array(StringEnum(applicationPolicy.actions), { description: 'What you may change of this application now (its admin, in the phases that allow it)' }),
  eligible: Type.Boolean(),
  members: Type.Array(Type.Object({
    accountId: Type.String(),
    role: Type.String(),
    name: Type.String(),
    eligible: Type.Boolean(),
    failedRules: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  })),
  ranking: Type.Array(Type.Object({ rank: Type.Integer(), packageId: Type.String(), packageVersion: Type.Integer() })),
});
const RankingSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  ranking: Type.Array(Type.Object({ rank: Type.Integer(), packageId: Type.String(), packageVersion: Type.Integer() })),
});
const PopularitySchema = Type.Array(Type.Object({
  packageId: Type.String(),
  title: Type.String(),
  capacity: Type.Integer(),
  firstChoiceSeats: Type.Integer(),
  anyChoiceSeats: Type.Integer(),
  families: Type.Integer(),
}));

/** /api/v1/applications: a family's application to a season, and /api/v1/seasons/:code/popularity. */
export const applicationRoutes: FastifyPluginAsyncTypebox<{ applications: ApplicationService }> = async (app, { applications }) => {
  const tags = ['applications'];
  const pilgrim = policies.roles('pilgrim');

  app.post('/applications', {
    schema: { tags, summary: 'Start your family\'s application (you become its admin)', body: Obj({ season: Season() }), response: { 201: ApplicationSchema } },
    config: { policy: pilgrim },
  }, async (req, reply) => reply.code(201).send(await applications.create(req.ctx, req.body.season)));

  app.get('/me/applications', {
    schema: {
      tags, summary: 'Every application you are in, newest season first (empty when none: season pickers start from here)',
      response: { 200: Type.Array(Type.Object({ season: Type.String(), applicationId: Type.String(), role: StringEnum(['admin', 'member'] as const), country: Type.String() })) },
    },
    config: { policy: pilgrim },
  }, async (req) => applications.memberships(req.ctx));

  app.get('/applications/mine', {
    schema: { tags, summary: 'The application you are in for a season', querystring: Obj({ season: Season() }), response: { 200: ApplicationSchema } },
    config: { policy: pilgrim },
  }, async (req) => applications.mine(req.ctx, req.query.season));

  app.get('/applications/:id', {
    schema: { tags, summary: 'An application, with each member\'s eligibility', params: IdParams, response: { 200: ApplicationSchema } },
    config: { policy: policies.roles('pilgrim', 'mission_officer', ...ministryRoles) },
  }, async (req) => applications.view(req.ctx, req.params.id));

  app.post('/applications/:id/members', {
    schema: { tags, summary: 'Add a family member by their account email (admin)', params: IdParams, body: Obj({ email: Email(), expectedVersion: Version() }), response: { 200: ApplicationSchema } },
    config: { policy: pilgrim },
  }, async (req) => applications.addMember(req.ctx, req.params.id, req.body.email, req.body.expectedVersion));

  app.delete('/applications/:id/members/:accountId', {
    schema: { tags, summary: 'Remove a family member (admin)', params: Obj({ id: Uuid(), accountId: Uuid() }), querystring: Obj({ expectedVersion: Version() }), response: { 200: ApplicationSchema } },
    config: { policy: pilgrim },
  }, async (req) => applications.removeMember(req.ctx, req.params.id, req.params.accountId, req.query.expectedVersion));

  app.put('/applications/:id/ranking', {
    schema: {
      tags,
      summary: `Rank up to ${MAX_CHOICES} packages (admin, preference phase)`,
      params: IdParams,
      body: Obj({ packageIds: Type.Array(Uuid(), { maxItems: MAX_CHOICES }), expectedVersion: Version() }),
      response: { 200: RankingSchema },
    },
    config: { policy: pilgrim },
  }, async (req) => applications.rank(req.ctx, req.params.id, req.body.packageIds, req.body.expectedVersion));

  app.get('/seasons/:code/popularity', {
    schema: {
      tags,
      summary: 'Demand for each ranked package in seats (first choice and any choice) against capacity',
      params: Obj({ code: Season() }),
      response: { 200: PopularitySchema },
    },
    config: { policy: policies.public },
  }, async (req) => applications.popularity(req.params.code, undefined, req.ctx.locale));
};
