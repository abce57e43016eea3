import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import { AccountSchema } from '../accounts/index.ts';
import type { ProviderService } from './service.ts';
import * as S from './schemas.ts';

/** /api/v1/providers: licence applications, ministry decisions, the approved list, provider staff. */
export const providerRoutes: FastifyPluginAsyncTypebox<{ providers: ProviderService }> = async (app, { providers }) => {
  const tags = ['providers'];
  const staffOrMinistry = policies.roles('provider_staff', ...ministryRoles);

  app.post('/providers', {
    schema: { tags, summary: 'Apply for a provider licence (the applicant becomes its owner)', body: S.ApplyBody, response: { 201: S.ProviderSchema } },
    config: { policy: policies.roles('pilgrim') },
  }, async (req, reply) => reply.code(201).send(await providers.apply(req.ctx, req.body)));

  app.get('/providers/approved', {
    schema: { tags, summary: 'The public list of approved providers', response: { 200: Type.Array(S.PublicProviderSchema) } },
    config: { policy: policies.public },
  }, async () => providers.publicList());

  app.get('/providers', {
    schema: { tags, summary: 'Providers by licence status (review queue: status=pending)', querystring: S.ProviderListQuery, response: { 200: Type.Array(S.ProviderSchema) } },
    config: { policy: policies.ministry },
  }, async (req) => providers.list(req.ctx, req.query));

  app.get('/providers/:id', {
    schema: { tags, summary: 'One provider (ministry, or its own staff)', params: S.ProviderIdParams, response: { 200: S.ProviderSchema } },
    config: { policy: staffOrMinistry, apiScope: 'provider:read' },
  }, async (req) => providers.get(req.ctx, req.params.id));


  app.get('/providers/:id/staff', {
    schema: { tags, summary: "The provider's staff", params: S.ProviderIdParams, response: { 200: Type.Array(S.StaffMemberSchema) } },
    config: { policy: policies.roles('provider_staff') },
  }, async (req) => providers.listStaff(req.ctx, req.params.id));

  app.post('/providers/:id/staff', {
    schema: {
      tags,
      summary: 'Invite a manager or agent (owner or manager only)',
      params: S.ProviderIdParams,
      body: S.InviteBody,
      response: { 201: Type.Composite([AccountSchema, Type.Object({ memberRole: Type.String() })]) },
    },
    config: { policy: policies.roles('provider_staff') },
  }, async (req, reply) => reply.code(201).send(await providers.inviteStaff(req.ctx, req.params.id, req.body)));
};
