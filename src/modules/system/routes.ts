import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import countries from 'i18n-iso-countries';
import { countryName } from '../../core/countries.ts';
import type { Registry } from 'prom-client';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { policies } from '../../http/policy.ts';
import { locales } from '../../common/i18n.ts';

/** Liveness, readiness, metrics and reference data. */
export const systemRoutes: FastifyPluginAsyncTypebox<{ db: Db; registry: Registry; metricsToken: string | undefined; devMailbox: boolean }> = async (
  app,
  { db, registry, metricsToken, devMailbox },
) => {
  const tags = ['system'];
  app.get('/health', {
    schema: { tags, summary: 'Liveness: the process answers', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    config: { policy: policies.public },
  }, async () => ({ status: 'ok' as const }));

  app.get('/ready', {
    schema: {
      tags,
      summary: 'Readiness: the database answers',
      response: { 200: Type.Object({ status: Type.Literal('ready'), engine: Type.String() }) },
    },
    config: { policy: policies.public },
  }, async () => {
    try {
      await db.ping();
    } catch (error) {
      throw new AppError('service.unavailable', { reason: 'database' }, { cause: error });
    }
    return { status: 'ready' as const, engine: db.engine };
  });

  app.get('/metrics', {
    schema: { tags, summary: 'Prometheus metrics (bearer METRICS_TOKEN when configured)', hide: false },
    config: {
      policy: policies.custom('metrics-token', (req) => !metricsToken || req.headers.authorization === `Bearer ${metricsToken}`),
    },
  }, async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));

  app.get('/api/v1/meta/countries', {
    schema: {
      tags,
      summary: 'ISO 3166-1 countries with their names in Arabic and English',
      response: { 200: Type.Array(Type.Object({ code: Type.String(), ar: Type.String(), en: Type.String() })) },
    },
    config: { policy: policies.public },
  }, async () =>
    Object.keys(countries.getAlpha2Codes())
      .map((code) => ({ code, ar: countryName(code, 'ar'), en: countryName(code, 'en') }))
      .sort((a, b) => a.en.localeCompare(b.en)),
  );

  app.get('/api/v1/meta/server', {
    schema: {
      tags,
      summary: 'What a client needs to know about this server: the languages it speaks, and whether its development mailbox is on',
      response: { 200: Type.Object({ languages: Type.Array(Type.String()), devMailbox: Type.Boolean({ description: 'Emails are not sent but shown at /dev/mailbox (development servers only)' }) }) },
    },
    config: { policy: policies.public },
  }, async () => ({ languages: [...locales], devMailbox }));
};
