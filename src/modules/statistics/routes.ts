import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../../http/idempotency.ts';
import { policies } from '../../http/policy.ts';
import { acceptCsv, csvOnly } from '../../http/uploads.ts';
import { statisticsPolicy } from './policies.ts';
import * as S from './schemas.ts';
import type { StatisticsService } from './service.ts';

/** /api/v1/statistics: the season tables (public, full, a mission's), open data, imports, Umrah. */
export const statisticsRoutes: FastifyPluginAsyncTypebox<{ statistics: StatisticsService }> = async (app, { statistics }) => {
  const tags = ['statistics'];
  acceptCsv(app, 2_000_000);

  app.get('/statistics/hajj', {
    schema: { tags, summary: 'Every season with records or official figures, newest first: its figures from the records, the official ones, whether they agree (year on year)', response: { 200: S.SeasonListSchema } },
    config: { policy: policies.public },
  }, async () => statistics.seasons());

  app.get('/statistics/hajj/:season', {
    schema: { tags, summary: 'A season\'s tables from its records, small cells withheld (counts of 1 to 9 and their complements)', params: S.SeasonParams, response: { 200: S.SeasonTablesSchema } },
    config: { policy: policies.public },
  }, async (req, reply) => {
    const { figures: _figures, ...published } = await statistics.tables(req.params.season, 'public');
    void reply.header('cache-control', 'public, max-age=60');
    return published;
  });

  app.get('/statistics/hajj/:season/full', {
    schema: { tags, summary: 'A season\'s tables with every cell (ministry and statistics authority)', params: S.SeasonParams, response: { 200: S.SeasonTablesSchema } },
    config: { policy: policies.of(statisticsPolicy, 'read_full', 'statistics') },
  }, async (req, reply) => {
    const { figures: _figures, ...all } = await statistics.tables(req.params.season, 'full');
    void reply.header('cache-control', 'private, no-store');
    return all;
  });

  app.get('/statistics/hajj/:season/figures', {
    schema: { tags, summary: 'The official tables of a season in exactly the format of data/hajj-seasons.json (ministry and statistics authority)', params: S.SeasonParams, response: { 200: S.SeasonFiguresSchema } },
    config: { policy: policies.of(statisticsPolicy, 'read_full', 'statistics') },
  }, async (req) => statistics.figures(req.params.season));

  app.get('/statistics/hajj/:season/mission', {
    schema: { tags, summary: 'Your country\'s tables: its pilgrims from abroad by gender, age, arrival mode, port, date and the Makkah Route (small cells withheld)', params: S.SeasonParams, response: { 200: S.CountryTablesSchema } },
    config: { policy: policies.of(statisticsPolicy, 'read_country', 'statistics') },
  }, async (req) => statistics.missionTables(req.ctx, req.params.season));

  app.get('/statistics/hajj/:season/open-data/:file', {
    schema: { tags, summary: 'Open data: the season\'s tables as CSV, JSON or SDMX-CSV 2.0 (dimension, status and confidentiality columns; small cells withheld)', params: S.OpenDataParams, produces: ['text/csv', 'application/json', 'application/vnd.sdmx.data+csv'] },
    config: { policy: policies.public },
  }, async (req, reply) => {
    const file = await statistics.openData(req.params.season, req.params.file);
    return reply.type(file.type).header('content-disposition', `attachment; filename="manasik-hajj-${req.params.season}-${req.params.file}"`).header('cache-control', 'public, max-age=60').send(file.body);
  });

  app.post('/statistics/hajj/:season/imports', {
    schema: {
      tags, summary: 'Import a batch of arrival or departure records from a channel outside the platform (JSON; all or nothing; the same batch twice is counted once)',
      params: S.SeasonParams, body: S.BatchBody, headers: IdempotencyHeaders, response: { 200: S.BatchResult },
    },
    config: { policy: policies.of(statisticsPolicy, 'import', 'statistics'), idempotent: true },
  }, async (req) => statistics.importBatch(req.ctx, req.params.season, req.body.kind, req.body.source, req.body.records, 1));

  app.post('/statistics/hajj/:season/imports/:kind/:source', {
    schema: {
      tags, summary: 'The same, as CSV (`kind`: arrivals or departures; `source`: the channel); a bad line refuses the whole file, naming it',
      description: 'Send `Content-Type: text/csv`. arrivals: `document,issuer,residence,nationality,gender,age,entry_port,arrival_date,makkah_route`; departures: `document,issuer,departure_port,departure_date`.',
      params: S.BatchCsvParams, body: S.BatchCsv, consumes: ['text/csv'], headers: IdempotencyHeaders, response: { 200: S.BatchResult },
    },
    config: { policy: policies.of(statisticsPolicy, 'import', 'statistics'), accepts: csvOnly, idempotent: true },
  }, async (req) => statistics.importCsv(req.ctx, req.params.season, req.params.kind, req.params.source, req.body));

  app.get('/statistics/hajj/:season/imports', {
    schema: { tags, summary: 'The season\'s imported batches, newest first', params: S.SeasonParams, response: { 200: S.BatchList } },
    config: { policy: policies.of(statisticsPolicy, 'read_full', 'statistics') },
  }, async (req) => statistics.batches(req.params.season));

  app.get('/statistics/umrah/:year', {
    schema: { tags, summary: 'Umrah performers and Rawdah visitors by month, gender and nationality from the permit records, against the targets (small cells withheld)', params: S.UmrahParams, response: { 200: S.UmrahSchema } },
    config: { policy: policies.public },
  }, async (req) => statistics.umrahYear(req.params.year));
};
