import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { seasonPolicy } from './policies.ts';
import { acceptCsv, csvOnly } from '../../http/uploads.ts';
import type { EligibilityRule } from './domain/eligibility.ts';
import * as S from './schemas.ts';
import type { SeasonService } from './service.ts';

/** /api/v1/seasons and /api/v1/programme: the season calendar, countries, quotas and rules. */
export const seasonRoutes: FastifyPluginAsyncTypebox<{ seasons: SeasonService }> = async (app, { seasons }) => {
  const tags = ['seasons'];

  // Quotas can be sent as a CSV file.
  acceptCsv(app, 100_000);

  app.get('/seasons', {
    schema: { tags, summary: 'Seasons with their calendar and current phase', response: { 200: Type.Array(S.SeasonSchema) } },
    config: { policy: policies.public },
  }, async (req) => seasons.list(req.ctx));

  app.get('/seasons/:code', {
    schema: { tags, summary: 'One season', params: S.SeasonParams, response: { 200: S.SeasonSchema } },
    config: { policy: policies.public },
  }, async (req) => seasons.get(req.params.code, req.ctx));

  app.put('/seasons/:code', {
    schema: { tags, summary: 'Create a season or change its calendar', params: S.SeasonParams, body: S.CalendarBody, response: { 200: S.SeasonSchema } },
    config: { policy: policies.of(seasonPolicy, 'set_calendar', 'season') },
  }, async (req) => seasons.setCalendar(req.ctx, req.params.code, req.body));

  app.get('/programme/countries', {
    schema: { tags, summary: 'Countries of residence served by the direct programme', response: { 200: Type.Array(Type.String()) } },
    config: { policy: policies.public },
  }, async () => seasons.programmeCountries());

  app.put('/programme/countries/:code', {
    schema: { tags, summary: 'Add a country to the programme', params: S.CountryParams, response: { 204: Type.Null() } },
    config: { policy: policies.ministry },
  }, async (req, reply) => {
    await seasons.addCountry(req.ctx, req.params.code);
    return reply.code(204).send(null);
  });

  app.delete('/programme/countries/:code', {
    schema: { tags, summary: 'Remove a country (only when no season gives it seats)', params: S.CountryParams, response: { 204: Type.Null() } },
    config: { policy: policies.ministry },
  }, async (req, reply) => {
    await seasons.removeCountry(req.ctx, req.params.code);
    return reply.code(204).send(null);
  });

  app.get('/seasons/:code/quotas', {
    schema: { tags, summary: 'Seats per country for the season', params: S.SeasonParams, response: { 200: Type.Array(S.QuotaSchema) } },
    config: { policy: policies.public },
  }, async (req) => seasons.quotas(req.params.code));

  app.put('/seasons/:code/quotas/:country', {
    schema: { tags, summary: "Set one country's seats", params: S.QuotaParams, body: S.SeatsBody, response: { 200: Type.Array(S.QuotaSchema) } },
    config: { policy: policies.of(seasonPolicy, 'set_quotas', 'season') },
  }, async (req) => seasons.setQuotas(req.ctx, req.params.code, [{ country: req.params.country, seats: req.body.seats }]));

  app.post('/seasons/:code/quotas/import', {
    schema: {
      tags,
      summary: 'Import seats per country from CSV (all or nothing)',
      description: 'Send `Content-Type: text/csv` with a `country,seats` header line.',
      params: S.SeasonParams,
      body: S.QuotaCsv,
      consumes: ['text/csv'],
      response: { 200: Type.Array(S.QuotaSchema) },
    },
    config: { policy: policies.of(seasonPolicy, 'set_quotas', 'season'), accepts: csvOnly },
  }, async (req) => seasons.importQuotas(req.ctx, req.params.code, req.body));

  app.get('/seasons/:code/eligibility-rules', {
    schema: { tags, summary: "The season's current eligibility rules", params: S.SeasonParams, response: { 200: S.RulesSchema } },
    config: { policy: policies.public },
  }, async (req) => seasons.rules(req.params.code));

  app.put('/seasons/:code/eligibility-rules', {
    schema: { tags, summary: 'Publish a new version of the rules', params: S.SeasonParams, body: S.RulesBody, response: { 200: S.RulesSchema } },
    config: { policy: policies.of(seasonPolicy, 'set_rules', 'season') },
  }, async (req) => seasons.setRules(req.ctx, req.params.code, req.body.rules as EligibilityRule[]));

  app.post('/seasons/:code/eligibility-check', {
    schema: {
      tags,
      summary: 'Check one person against the current rules (nothing is stored)',
      params: S.SeasonParams,
      body: S.PersonBody,
      response: { 200: S.EligibilitySchema },
    },
    config: { policy: policies.public },
  }, async (req) =>
    seasons.checkEligibility(
      req.params.code,
      {
        dateOfBirth: req.body.dateOfBirth ?? null,
        passportExpiry: req.body.passportExpiry ?? null,
        meningococcalVaccination: req.body.meningococcalVaccination ?? null,
        residenceCountry: req.body.residenceCountry?.toUpperCase() ?? null,
        hasBookingThisSeason: false,
        healthConditions: req.body.healthConditions ?? [],
      },
      req.ctx.locale,
    ));
};
