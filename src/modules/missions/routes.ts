import { SeasonCode as SeasonCodeSchema } from '../../common/schemas/kit.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { LongText, Obj } from '../../common/schemas/kit.ts';
import type { MissionService } from './service.ts';
import { locales } from '../../common/i18n.ts';

/** /api/v1/missions: a country's Hajj mission (Jusoor). */
export const missionRoutes: FastifyPluginAsyncTypebox<{ missions: MissionService }> = async (app, { missions }) => {
  const tags = ['missions'];
  const mission = policies.roles('mission_officer');

  const Readiness = Type.Array(Type.Object({
    bookingId: Type.String(), accountId: Type.String(), name: Type.String(), bookingConfirmed: Type.Boolean(), documentsApproved: Type.Boolean(),
    missingDocuments: Type.Array(Type.String()), vaccinationValid: Type.Boolean(), ready: Type.Boolean(),
  }));
  const SeasonQuery = Obj({ season: SeasonCodeSchema() });

  app.get('/missions/visa-readiness', {
    schema: { tags, summary: "Visa readiness of your country's pilgrims, per member: booking confirmed, documents approved, vaccination valid", querystring: SeasonQuery, response: { 200: Readiness } },
    config: { policy: mission },
  }, async (req) => missions.visaReadiness(req.ctx, req.query.season));

  app.get('/missions/visa-readiness.csv', {
    schema: { tags, summary: 'The same, as CSV', querystring: SeasonQuery, produces: ['text/csv'] },
    config: { policy: mission },
  }, async (req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="visa-readiness-${req.query.season}.csv"`).header('cache-control', 'private, no-store').send(await missions.visaReadinessCsv(req.ctx, req.query.season)));

  app.post('/missions/visa-ready', {
    schema: { tags, summary: "Submit your country's confirmed bookings whose every member is ready: they become visa-ready", querystring: SeasonQuery, response: { 200: Type.Object({ marked: Type.Integer(), waiting: Type.Integer() }) } },
    config: { policy: mission },
  }, async (req) => missions.markVisaReady(req.ctx, req.query.season));

  app.get('/missions/overview', {
    schema: {
      tags,
      summary: "Your country's quota, demand, eligibility failures by rule and ranked packages",
      querystring: Obj({ season: SeasonCodeSchema() }),
      response: {
        200: Type.Object({
          country: Type.String(),
          season: Type.String(),
          quota: Type.Integer(),
          applications: Type.Integer(),
          pilgrims: Type.Integer(),
          eligiblePilgrims: Type.Integer(),
          failuresByRule: Type.Record(Type.String(), Type.Integer()),
          draw: Type.Union([Type.Object({ won: Type.Object({ families: Type.Integer(), pilgrims: Type.Integer() }), waiting: Type.Object({ families: Type.Integer(), pilgrims: Type.Integer() }) }), Type.Null()], { description: 'The country\'s draw outcomes, once published' }),
          bookings: Type.Record(Type.String(), Type.Object({ families: Type.Integer(), seats: Type.Integer() }), { description: 'Families and seats per booking status (held, confirmed, expired, declined, cancelled)' }),
          rulesVersion: Type.Integer(),
          popularity: Type.Array(Type.Object({ packageId: Type.String(), title: Type.String(), capacity: Type.Integer(), firstChoiceSeats: Type.Integer(), anyChoiceSeats: Type.Integer(), families: Type.Integer() })),
        }),
      },
    },
    config: { policy: mission },
  }, async (req) => missions.overview(req.ctx, req.query.season));

  app.put('/missions/requirements/:language', {
    schema: {
      tags,
      summary: 'Publish your requirements for your nationals in one language',
      params: Obj({ language: Type.String({ pattern: `^(${locales.join('|')})$`, maxLength: 2, examples: ['fr'], description: 'One of the platform\'s languages' }) }),
      body: Obj({ body: LongText({ maxLength: 5000 }) }),
      response: { 204: Type.Null() },
    },
    config: { policy: mission },
  }, async (req, reply) => {
    await missions.setRequirements(req.ctx, req.params.language, req.body.body);
    return reply.code(204).send(null);
  });

  app.get('/missions/:country/requirements', {
    schema: {
      tags,
      summary: "A country's published requirements, in every language",
      params: Obj({ country: Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2, examples: ['FR'] }) }),
      response: { 200: Type.Array(Type.Object({ language: Type.String(), body: Type.String(), updatedAt: Type.String() })) },
    },
    config: { policy: policies.public },
  }, async (req) => missions.requirements(req.params.country));
};
