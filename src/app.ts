import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppError } from './core/errors.ts';
import { createLogger } from './core/logger.ts';
import { installAuth } from './http/auth.ts';
import { installMetrics } from './http/metrics.ts';
import { policies, type Policy } from './http/policy.ts';
import { frameworkErrorHandler, installProblemHandlers } from './http/problem.ts';
import { installEdge, problemForClientError } from './http/edge.ts';
import { createMethodIndex } from './http/method-index.ts';
import { installIdempotency } from './http/idempotency.ts';
import { Problem } from './common/schemas/kit.ts';
import { installValidators } from './http/validators.ts';
import { installWeb } from './http/web.ts';
import { authRoutes, staffRoutes } from './modules/accounts/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { mailboxRoutes } from './modules/notifications/index.ts';
import { providerRoutes } from './modules/providers/index.ts';
import { catalogueRoutes, packageRoutes } from './modules/catalogue/index.ts';
import { API_KEY_PREFIX, integrationRoutes } from './modules/integrations/index.ts';
import { seasonRoutes } from './modules/seasons/index.ts';
import { pilgrimRoutes } from './modules/pilgrims/index.ts';
import { applicationRoutes } from './modules/applications/index.ts';
import { missionRoutes } from './modules/missions/index.ts';
import { systemRoutes } from './modules/system/index.ts';
import { bookingRoutes, providerBookingRoutes } from './modules/bookings/index.ts';
import { drawRoutes } from './modules/draw/index.ts';
import { walletRoutes } from './modules/wallet/index.ts';
import { documentRoutes } from './modules/documents/index.ts';
import { signingRoutes } from './modules/signing/index.ts';
import { complaintRoutes } from './modules/complaints/index.ts';
import { observatoryRoutes } from './modules/observatory/index.ts';
import { permitConfigRoutes, permitGateRoutes, permitPilgrimRoutes } from './modules/permits/index.ts';
import { paymentRoutes } from './modules/payments/index.ts';
import { statisticsRoutes } from './modules/statistics/index.ts';
import { simulatedGatewayRoutes } from './modules/gateway-sim/index.ts';
import { createServices, type ServiceDeps, type Services } from './services.ts';
import { workflowRoutes } from './workflows/routes.ts';

/** The schema with the properties that have a default taken out of `required` (the server fills them in). */
function optionalWhereDefaulted(schema: unknown): unknown {
  const s = schema as { properties?: Record<string, { default?: unknown }>; required?: string[] } | undefined;
  if (!s?.properties || !Array.isArray(s.required)) return schema;
  return { ...s, required: s.required.filter((k) => s.properties![k]?.default === undefined) };
}

const problemResponse = { description: 'A problem (RFC 9457) with a stable code, in the language asked for', content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } };

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  /** Every route as registered, with its policy: the route-policy and bad-input tests walk this. */
  routes: RouteEntry[];
}

export interface RouteEntry {
  method: string;
  url: string;
  policy: Policy | undefined;
  schema: Record<string, unknown> | undefined;
  /** Body media types the route takes (default JSON). */
  accepts: readonly string[] | undefined;
  /** The route's operation runs at most once per Idempotency-Key. */
  idempotent: boolean;
}

/**
 * Builds the whole platform as a Fastify instance without listening, so that
 * tests drive it through `app.inject()` and `server.ts` owns the socket.
 *
 * @example const { app } = await buildApp({ config, db }); await app.inject({ url: '/health' })
 */
export async function buildApp(deps: ServiceDeps & { logger?: Logger }): Promise<BuiltApp> {
  const { config, db } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: problemForClientError,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services = createServices({ ...deps, logger });
  const routes: RouteEntry[] = [];
  const methodIndex = createMethodIndex();
  app.addHook('onRoute', (route) => {
    // The documentation UI's own routes are public by nature.
    if (!route.config?.policy && route.url.startsWith('/docs')) route.config = { ...route.config, policy: policies.static };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({ method, url: route.url, policy: route.config?.policy, schema: route.schema as Record<string, unknown>, accepts: route.config?.accepts, idempotent: route.config?.idempotent ?? false });
      methodIndex.add(method, route.url);
    }
  });

  // JSON only: no text/plain parser, so a cross-site form post cannot reach a handler.
  app.removeContentTypeParser('text/plain');
  installEdge(app);
  installIdempotency(app);
  installValidators(app);
  installProblemHandlers(app, config.bodyLimitBytes, methodIndex.at);
  app.addSchema(Problem);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // Security headers on every answer. The middleware is built once (the Fastify plugin rebuilds it for every request).
  // Upgrading requests to https, HSTS and the cross-origin isolation headers only when the platform is served over https: on
  // plain http (a phone on the local network, HOST=0.0.0.0) the first would send the browser to an https address nothing
  // answers (a blank page), the others are ignored with a console error.
  const https = config.publicUrl.startsWith('https://');
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:'], 'script-src': ["'self'"], 'connect-src': ["'self'"], 'worker-src': ["'self'"],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https,
    // Cross-origin isolation headers need a trustworthy origin: over plain http the browser ignores them and says so in the console.
    crossOriginOpenerPolicy: https,
    originAgentCluster: https,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined)));
  // Answers over 1 kB leave compressed when the client takes it (brotli at quality 4, or gzip): the catalogue's first page is
  // a fifth of its size, which a phone on a slow link waits for. The web app's files are compressed at build time instead.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => {
      const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('request.rate_limited', { retryAfter }, { headers: { 'retry-after': String(retryAfter) } });
    },
  });
  const registry = installMetrics(app);
  installAuth(
    app,
    {
      // Provider API keys and personal bearer tokens travel the same way; the prefix tells them apart.
      authenticate: (token) =>
        token.startsWith(`${API_KEY_PREFIX}_`) ? services.apiKeys.authenticate(token) : services.auth.authenticate(token),
    },
    config.cookieSecure,
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Manasik API',
        version: '1',
        description:
          'The open API of Manasik. Errors are RFC 9457 problem documents with a stable `code`; messages follow `Accept-Language` (ar, en). Authenticate with the session cookie (web) or `Authorization: Bearer <token>` from POST /api/v1/auth/tokens.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'manasik_session' },
        },
      },
    },
    // Shared schemas keep their $id as their name in the document (Problem, Account), so generated clients name them too.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transform: ({ schema, url, route }) => {
      const policy = route.config?.policy as Policy | undefined;
      const documented = { ...(schema ?? {}) } as Record<string, unknown>;
      // A field the server fills with its default need not be sent: documented as optional, so clients need not send it.
      for (const part of ['querystring', 'body'] as const) documented[part] = optionalWhereDefaulted(documented[part]);
      // Every route may answer a problem: documented, so clients are typed for it.
      if (documented.response) documented.response = { ...(documented.response as object), '4XX': problemResponse, '5XX': problemResponse };
      if (policy && policy.kind !== 'public') {
        documented.security = [{ bearer: [] }, { session: [] }];
        documented.description = [documented.description, `Policy: \`${policy.name}\`.`].filter(Boolean).join('\n\n');
      }
      return { schema: documented, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true }, config: { policy: policies.static } }, async () => app.swagger());

  await app.register(systemRoutes, { db, registry, metricsToken: config.metricsToken, devMailbox: config.devMailbox });
  await app.register(
    async (api) => {
      await api.register(authRoutes, {
        auth: services.auth,
        accounts: services.accounts,
        cookieSecure: config.cookieSecure,
        signInRatePerMinute: config.signInRatePerMinute,
      });
      await api.register(staffRoutes, { accounts: services.accounts });
      await api.register(auditRoutes, { audit: services.audit });
      await api.register(providerRoutes, { providers: services.providers });
      await api.register(packageRoutes, { packages: services.packages });
      await api.register(catalogueRoutes, { catalogue: services.catalogue });
      await api.register(integrationRoutes, { apiKeys: services.apiKeys, webhooks: services.webhooks });
      await api.register(seasonRoutes, { seasons: services.seasons });
      await api.register(pilgrimRoutes, { pilgrims: services.pilgrims });
      await api.register(applicationRoutes, { applications: services.applications });
      await api.register(missionRoutes, { missions: services.missions });
      await api.register(drawRoutes, { draw: services.draw });
      await api.register(bookingRoutes, { bookings: services.bookings, sale: services.sale, familyBookings: services.familyBookings });
      await api.register(providerBookingRoutes, { providerBookings: services.providerBookings });
      await api.register(walletRoutes, { wallet: services.wallet });
      await api.register(workflowRoutes, { workflows: services.workflows });
      await api.register(documentRoutes, { documents: services.documents });
      await api.register(signingRoutes, { signing: services.signing });
      await api.register(permitConfigRoutes, { permits: services.permits });
      await api.register(permitPilgrimRoutes, { permits: services.permits });
      await api.register(permitGateRoutes, { permits: services.permits });
      await api.register(paymentRoutes, { payments: services.payments });
      await api.register(simulatedGatewayRoutes, { gateway: services.gatewaySim });
      await api.register(statisticsRoutes, { statistics: services.statistics });
      await api.register(complaintRoutes, { complaints: services.complaints });
      await api.register(observatoryRoutes, { observatory: services.observatory });
      if (config.devMailbox) await api.register(mailboxRoutes, { notifications: services.notifications });
    },
    { prefix: '/api/v1' },
  );
  // What the caller's role may call, from the very policies the routes declare: the web shows a page or a button only when
  // its operation is here (a resource's own rules come with the resource, as allowedActions).
  app.get('/api/v1/me/operations', {
    schema: {
      tags: ['accounts'],
      summary: 'The operations your role may call ("METHOD /path"), read from the routes\' declared policies; a resource\'s own conditions come with it as allowedActions',
      response: { 200: Type.Object({ operations: Type.Array(Type.String()) }) },
    },
    config: { policy: policies.authenticated },
  }, async (req) => ({
    operations: routes
      .filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.policy && (r.policy.kind === 'authenticated' || (r.policy.kind === 'roles' && r.policy.roles.includes(req.ctx.actor!.role))))
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`)
      .sort(),
  }));
  await installWeb(app);

  await app.ready();
  const undeclared = routes.filter((r) => !r.policy);
  if (undeclared.length > 0) {
    throw new Error(`routes without a policy: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  }
  return { app, services, routes };
}
