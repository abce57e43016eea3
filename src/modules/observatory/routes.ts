import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { AppError } from '../../core/errors.ts';
import { multipartOnly, readOneFile } from '../../http/uploads.ts';
import { MAX_PHOTO_BYTES } from './surveys.ts';
import { IdempotencyHeaders } from '../../http/idempotency.ts';
import { policies } from '../../http/policy.ts';
import { Obj, StringEnum, Uuid } from '../../common/schemas/kit.ts';
import { observatoryPolicy } from './policies.ts';
import { AnswerBody, Answered, IndicatorQuery, IndicatorsView, InspectionBody, LinkToken, MySurvey, QuestionnaireBody, ReplyBody, ScorecardSchema, SeriesQuery, SeriesView, SurveyView } from './schemas.ts';
import type { ObservatoryService } from './service.ts';

const filterOf = (q: { programme?: string | undefined; country?: string | undefined; provider?: string | undefined; from?: string | undefined; to?: string | undefined }) =>
  ({ programme: q.programme, countryCode: q.country, providerId: q.provider, from: q.from, to: q.to });

/** /api/v1/surveys (answering), /api/v1/observatory (indicators, exports, questionnaires, inspections), /api/v1/scorecards (public). */
export const observatoryRoutes: FastifyPluginAsyncTypebox<{ observatory: ObservatoryService }> = async (app, { observatory }) => {
  const tags = ['observatory'];
  await app.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0, parts: 1 } });
  const PhotoView = Obj({ photoId: Uuid(), contentType: Type.String(), sizeBytes: Type.Integer() });
  const of = (action: (typeof observatoryPolicy.actions)[number]) => policies.of(observatoryPolicy, action, 'observatory');

  // Answering, by the link (the token is the credential) or signed in.
  app.get('/surveys/links/:token', {
    schema: { tags, summary: 'A survey from its single-use link, in the invitee\'s language (fallbacks marked); opening it is counted', params: Obj({ token: LinkToken() }), response: { 200: SurveyView } },
    config: { policy: policies.public },
  }, async (req) => observatory.show(req.params.token));
  app.post('/surveys/links/:token/response', {
    schema: { tags, summary: 'Answer a survey once: a second answer on the same link is refused and the first kept', params: Obj({ token: LinkToken() }), body: AnswerBody, response: { 201: Answered } },
    config: { policy: policies.public },
  }, async (req, reply) => reply.code(201).send(await observatory.answerByLink(req.ctx, req.params.token, req.body.answers)));
  app.post('/surveys/links/:token/photo', {
    schema: { tags, summary: `A photo for the survey's photo question (multipart/form-data, one field named "file"; JPEG or PNG, at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB); the answer names it by photoId`, params: Obj({ token: LinkToken() }), response: { 201: PhotoView } },
    config: { policy: policies.public, accepts: multipartOnly },
  }, async (req, reply) => reply.code(201).send(await observatory.photoByLink(req.params.token, (await readOneFile(req, 'file', MAX_PHOTO_BYTES)).bytes)));
  app.post('/me/surveys/:id/photo', {
    schema: { tags, summary: 'A photo for one of your surveys (as above)', params: Obj({ id: Uuid() }), response: { 201: PhotoView } },
    config: { policy: of('answer_survey'), accepts: multipartOnly },
  }, async (req, reply) => reply.code(201).send(await observatory.photoMine(req.ctx, req.params.id, (await readOneFile(req, 'file', MAX_PHOTO_BYTES)).bytes)));
  app.get('/me/surveys', {
    schema: { tags, summary: 'Your surveys still open', response: { 200: Type.Array(MySurvey) } },
    config: { policy: of('answer_survey') },
  }, async (req) => observatory.mine(req.ctx));
  app.get('/me/surveys/:id', {
    schema: { tags, summary: 'One of your open surveys (opening it is counted)', params: Obj({ id: Uuid() }), response: { 200: SurveyView } },
    config: { policy: of('answer_survey') },
  }, async (req) => observatory.showMine(req.ctx, req.params.id));
  app.post('/me/surveys/:id/response', {
    schema: { tags, summary: 'Answer one of your surveys, once', params: Obj({ id: Uuid() }), body: AnswerBody, response: { 201: Answered } },
    config: { policy: of('answer_survey') },
  }, async (req, reply) => reply.code(201).send(await observatory.answerMine(req.ctx, req.params.id, req.body.answers)));

  // The ministry's and the missions' observatory.
  app.get('/observatory/indicators', {
    schema: { tags, summary: 'CSAT, NPS, response rate, complaints per 1,000, deadline adherence and median times per provider, package, stage, country or language, with Wilson 95 % intervals; no group under 10 people; missions see their country only', querystring: IndicatorQuery, response: { 200: IndicatorsView } },
    config: { policy: of('read_indicators') },
  }, async (req) => observatory.indicators(req.ctx, req.query.by, filterOf(req.query)));
  app.get('/observatory/indicators.csv', {
    schema: { tags, summary: 'The same indicators as CSV', querystring: IndicatorQuery },
    config: { policy: of('read_indicators') },
  }, async (req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="indicators-by-${req.query.by}.csv"`).send(await observatory.csv(req.ctx, req.query.by, filterOf(req.query))));
  app.get('/observatory/series', {
    schema: { tags, summary: 'Daily CSAT and NPS (days under 10 answers withheld)', querystring: SeriesQuery, response: { 200: SeriesView } },
    config: { policy: of('read_indicators') },
  }, async (req) => observatory.series(req.ctx, filterOf(req.query)));
  app.get('/observatory/questionnaires', {
    schema: { tags, summary: 'Every questionnaire version' },
    config: { policy: of('publish_questionnaire') },
  }, async (req) => observatory.questionnaires(req.ctx));
  app.post('/observatory/questionnaires', {
    schema: { tags, summary: 'Publish a questionnaire as the next version of its code (its texts per language as data)', body: QuestionnaireBody, response: { 201: Obj({ id: Uuid(), code: Type.String(), version: Type.Integer() }) } },
    config: { policy: of('publish_questionnaire') },
  }, async (req, reply) => reply.code(201).send(await observatory.publishQuestionnaire(req.ctx, req.body)));
  app.post('/observatory/scorecards/compute', {
    schema: { tags, summary: 'Compute every provider\'s scorecard now (also hourly by itself)', response: { 200: Obj({ providers: Type.Integer(), computedAt: Type.String() }) } },
    config: { policy: of('compute_scorecards') },
  }, async (req) => observatory.computeScorecards(req.ctx));

  // Field inspections.
  app.get('/observatory/inspections/checklists', {
    schema: {
      tags, summary: 'The active checklists per place type (camp, hotel, bus), for an inspector\'s phone to keep offline',
      response: { 200: Type.Array(Type.Object({ id: Uuid(), placeType: StringEnum(['camp', 'hotel', 'bus'] as const), version: Type.Integer(), items: Type.Array(Type.Object({ id: Type.String(), text: Type.Record(Type.String(), Type.String()), weight: Type.Number() })) })) },
    },
    config: { policy: of('inspect') },
  }, async (req) => observatory.checklists(req.ctx));
  app.post('/observatory/inspections/photos', {
    schema: { tags, summary: `A photo for an inspection (multipart/form-data, one field named "file"; JPEG or PNG, at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB); the inspection names it by photoId`, response: { 201: PhotoView } },
    config: { policy: of('inspect'), accepts: multipartOnly },
  }, async (req, reply) => reply.code(201).send(await observatory.photo(req.ctx, (await readOneFile(req, 'file', MAX_PHOTO_BYTES)).bytes)));
  app.post('/observatory/inspections', {
    schema: { tags, summary: 'Record an inspection (sent again from an offline phone with the same clientId: recorded once)', headers: IdempotencyHeaders, body: InspectionBody, response: { 201: Obj({ id: Uuid(), score: Type.Number() }) } },
    config: { policy: of('inspect') },
  }, async (req, reply) => reply.code(201).send(await observatory.record(req.ctx, req.body)));

  // Public scorecards.
  app.get('/scorecards', {
    schema: { tags, summary: 'Every provider\'s published scorecard: each figure only once its n reaches 30, with its interval and the date computed', response: { 200: Type.Array(ScorecardSchema) } },
    config: { policy: policies.public },
  }, async () => observatory.scorecards());
  app.get('/scorecards/counts.:format', {
    schema: { tags, summary: 'The anonymised counts every scorecard is computed from (docs/algorithms/scorecards.md), as CSV or JSON', params: Obj({ format: StringEnum(['csv', 'json'] as const, { examples: ['json'] }) }) },
    config: { policy: policies.public },
  }, async (req, reply) => {
    const body = await observatory.publishedCounts(req.params.format);
    return req.params.format === 'csv' ? reply.type('text/csv; charset=utf-8').send(body) : body;
  });
  app.get('/scorecards/:providerId', {
    schema: { tags, summary: 'One provider\'s published scorecard', params: Obj({ providerId: Uuid() }), response: { 200: ScorecardSchema } },
    config: { policy: policies.public },
  }, async (req) => {
    const s = await observatory.scorecard(req.params.providerId);
    if (!s) throw new AppError('provider.not_found');
    return s;
  });
  app.put('/scorecards/:providerId/reply', {
    schema: { tags, summary: 'The provider\'s public reply to its scorecard', params: Obj({ providerId: Uuid() }), body: ReplyBody, response: { 200: Type.Union([ScorecardSchema, Type.Null()]) } },
    config: { policy: of('reply_scorecard') },
  }, async (req) => observatory.reply(req.ctx, req.params.providerId, req.body.reply));
};
