import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import type { CatalogueService } from './catalogue-service.ts';
import type { PackageService } from './package-service.ts';
import * as S from './schemas.ts';

const WithVersions = Type.Composite([
  S.PackageDetailSchema,
  Type.Object({ versions: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Type.String() })) }),
]);

/** /api/v1/packages: a provider's own packages (editors: owner and managers). */
export const packageRoutes: FastifyPluginAsyncTypebox<{ packages: PackageService }> = async (app, { packages }) => {
  const tags = ['packages'];
  const staff = policies.roles('provider_staff');
  const staffOrMinistry = policies.roles('provider_staff', ...ministryRoles);

  app.post('/packages', {
    schema: { tags, summary: 'Create a draft package', body: S.PackageBody, response: { 201: S.PackageDetailSchema } },
    config: { policy: staff, apiScope: 'packages:write' },
  }, async (req, reply) => reply.code(201).send(await packages.create(req.ctx, req.body)));

  app.get('/packages', {
    schema: { tags, summary: "The caller's provider's packages", querystring: S.MyPackagesQuery, response: { 200: Type.Array(S.PackageDetailSchema) } },
    config: { policy: staff, apiScope: 'packages:read' },
  }, async (req) => packages.listOwn(req.ctx, req.query.status));

  app.get('/packages/:id', {
    schema: { tags, summary: 'A package with its version history', params: S.PackageIdParams, response: { 200: WithVersions } },
    config: { policy: staffOrMinistry, apiScope: 'packages:read' },
  }, async (req) => packages.get(req.ctx, req.params.id));

  app.get('/packages/:id/versions/:version', {
    schema: { tags, summary: 'One version of a package, as it was', params: S.VersionParams, response: { 200: WithVersions } },
    config: { policy: staffOrMinistry, apiScope: 'packages:read' },
  }, async (req) => packages.get(req.ctx, req.params.id, req.params.version));

  app.put('/packages/:id', {
    schema: {
      tags,
      summary: 'Replace the content (a published package gets a new version)',
      params: S.PackageIdParams,
      body: S.PackageBody,
      response: { 200: S.PackageDetailSchema },
    },
    config: { policy: staff, apiScope: 'packages:write' },
  }, async (req) => packages.update(req.ctx, req.params.id, req.body));

  app.post('/packages/:id/publish', {
    schema: { tags, summary: 'Put on sale (licensed providers only)', params: S.PackageIdParams, response: { 200: S.PackageDetailSchema } },
    config: { policy: staff, apiScope: 'packages:write' },
  }, async (req) => packages.publish(req.ctx, req.params.id));

  app.post('/packages/:id/close', {
    schema: { tags, summary: 'Take off sale for good', params: S.PackageIdParams, response: { 200: S.PackageDetailSchema } },
    config: { policy: staff, apiScope: 'packages:write' },
  }, async (req) => packages.close(req.ctx, req.params.id));
};

/** /api/v1/catalogue: the public catalogue, in the reader's language. */
export const catalogueRoutes: FastifyPluginAsyncTypebox<{ catalogue: CatalogueService }> = async (app, { catalogue }) => {
  const tags = ['catalogue'];
  app.get('/catalogue', {
    schema: {
      tags,
      summary: 'Packages on sale, filtered and sorted',
      description: '`country` keeps only packages open to that country of residence; `camp` takes a list such as `A,B`; prices in halalas.',
      querystring: S.CatalogueQuery,
      response: { 200: S.CataloguePageSchema },
    },
    config: { policy: policies.public },
  }, async (req) => catalogue.search(req.query, req.ctx.locale));

  app.get('/catalogue/compare', {
    schema: { tags, summary: 'Compare 2 to 5 packages side by side', querystring: S.CompareQuery, response: { 200: Type.Array(S.CatalogueItemSchema) } },
    config: { policy: policies.public },
  }, async (req) => catalogue.compare(req.query.ids.split(','), req.ctx.locale));

  app.get('/catalogue/:id', {
    schema: { tags, summary: 'One package on sale', params: S.PackageIdParams, response: { 200: S.CatalogueItemSchema } },
    config: { policy: policies.public },
  }, async (req) => catalogue.get(req.params.id, req.ctx.locale));
};
