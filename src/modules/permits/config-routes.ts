import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import { Obj, Uuid } from '../../common/schemas/kit.ts';
import { gatePolicy, permitConfigPolicy } from './policies.ts';
import { CloseBody, DayQuery, GateBody, GenerateBody, RulesBody, Section, SiteBody, SiteSchema, SiteUpdateBody, TemplateBody, TemplateSchema } from './schemas.ts';
import type { PermitService } from './service.ts';

const SiteParams = Obj({ siteId: Uuid() });
const Range = Obj({ from: DayQuery('First Saudi day'), to: DayQuery('Last Saudi day') });

/** The ministry's side of permits: sites, gates, templates, windows, rules, closures, occupancy. */
export const permitConfigRoutes: FastifyPluginAsyncTypebox<{ permits: PermitService }> = async (app, { permits }) => {
  const tags = ['permits: configuration'];
  const configure = policies.of(permitConfigPolicy, 'configure', 'permit_site');

  app.get('/permits/sites', {
    schema: { tags, summary: 'Every site (Umrah at the Grand Mosque, the Rawdah, …) with its sections, hours, gates, rules and penalties', response: { 200: Type.Array(SiteSchema) } },
    config: { policy: policies.public },
  }, async () => permits.sites());

  app.get('/permits/sites/:siteId', {
    schema: { tags, summary: 'One site', params: SiteParams, response: { 200: SiteSchema } },
    config: { policy: policies.public },
  }, async (req) => permits.site(req.params.siteId));

  app.post('/permits/sites', {
    schema: { tags, summary: 'Add a site with its sections and their opening hours (Saudi time)', body: SiteBody, response: { 201: SiteSchema } },
    config: { policy: configure },
  }, async (req, reply) => reply.code(201).send(await permits.createSite(req.ctx, req.body)));

  app.put('/permits/sites/:siteId', {
    schema: { tags, summary: 'Change a site\'s names, group size, offer time, cancellation lead, gates\' offline limit and sections\' hours', params: SiteParams, body: SiteUpdateBody, response: { 200: SiteSchema } },
    config: { policy: configure },
  }, async (req) => permits.updateSite(req.ctx, req.params.siteId, req.body));

  app.post('/permits/sites/:siteId/gates', {
    schema: { tags, summary: 'Add a gate (its number is what permits name) and the sections it admits', params: SiteParams, body: GateBody, response: { 201: SiteSchema } },
    config: { policy: configure },
  }, async (req, reply) => reply.code(201).send(await permits.addGate(req.ctx, req.params.siteId, req.body)));

  app.get('/permits/sites/:siteId/templates', {
    schema: { tags, summary: 'The site\'s window templates', params: SiteParams, response: { 200: Type.Array(TemplateSchema) } },
    config: { policy: configure },
  }, async (req) => permits.templates(req.params.siteId));

  app.post('/permits/sites/:siteId/templates', {
    schema: { tags, summary: 'Add a window template: length, places per window per section, early and late grace at the gate', params: SiteParams, body: TemplateBody, response: { 201: TemplateSchema } },
    config: { policy: configure },
  }, async (req, reply) => reply.code(201).send(await permits.addTemplate(req.ctx, req.params.siteId, req.body)));

  app.post('/permits/sites/:siteId/windows/generate', {
    schema: {
      tags, summary: 'Generate a template\'s windows for a Gregorian or Hijri range (a whole Ramadan at once), with their release schedule; existing windows are kept',
      params: SiteParams, body: GenerateBody,
      response: { 200: Type.Object({ days: Type.Integer(), windows: Type.Integer(), created: Type.Integer(), from: Type.String(), to: Type.String() }) },
    },
    config: { policy: configure },
  }, async (req) => permits.generate(req.ctx, req.params.siteId, { ...req.body, release: 'at' in req.body.release ? { at: new Date(req.body.release.at) } : req.body.release }));

  app.put('/permits/sites/:siteId/rules', {
    schema: { tags, summary: 'Set the site\'s frequency rules (per season) and its penalties, as data', params: SiteParams, body: RulesBody, response: { 200: SiteSchema } },
    config: { policy: configure },
  }, async (req) => permits.setRules(req.ctx, req.params.siteId, req.body.rules, req.body.penalties));

  app.post('/permits/windows/close', {
    schema: {
      tags, summary: 'Close windows with a reason: permits revoked without penalty, holders told in their language with the nearest windows that have room',
      body: CloseBody,
      response: { 200: Type.Object({ closed: Type.Integer(), revoked: Type.Integer(), notified: Type.Array(Type.Object({ bookingId: Type.String(), alternatives: Type.Array(Type.String()) })) }) },
    },
    config: { policy: policies.of(permitConfigPolicy, 'close_windows', 'permit_window') },
  }, async (req) => permits.close(req.ctx, req.body));

  const read = policies.of(permitConfigPolicy, 'read_occupancy', 'permit_site');
  app.get('/permits/sites/:siteId/occupancy', {
    schema: {
      tags, summary: 'Live occupancy per window and section: booked, checked in, no-shows, waiting', params: SiteParams, querystring: Range,
      response: { 200: Type.Array(Type.Object({ windowId: Type.String(), section: Section(), startsAt: Type.String(), endsAt: Type.String(), capacity: Type.Integer(), booked: Type.Integer(), checkedIn: Type.Integer(), noShows: Type.Integer(), waiting: Type.Integer(), closed: Type.Boolean() })) },
    },
    config: { policy: read },
  }, async (req) => permits.occupancy(req.ctx, req.params.siteId, req.query.from, req.query.to));

  app.get('/permits/sites/:siteId/heatmap', {
    schema: {
      tags, summary: 'A day × hour heat map of the site (Saudi time): capacity, booked, checked in, no-shows and load per cell', params: SiteParams,
      querystring: Obj({ from: DayQuery('First Saudi day'), to: DayQuery('Last Saudi day'), section: Type.Optional(Section()) }),
      response: { 200: Type.Array(Type.Object({ day: Type.String(), hour: Type.Integer(), capacity: Type.Integer(), booked: Type.Integer(), checkedIn: Type.Integer(), noShows: Type.Integer(), load: Type.Number() })) },
    },
    config: { policy: read },
  }, async (req) => permits.heatmap(req.ctx, req.params.siteId, req.query.from, req.query.to, req.query.section));

  app.get('/permits/sites/:siteId/double-admissions', {
    schema: {
      tags, summary: 'Permits admitted twice by gates that were offline, found on upload', params: SiteParams,
      response: { 200: Type.Array(Type.Object({ permitId: Type.String(), gate: Type.Integer(), stood: Type.Object({ deviceId: Type.String(), at: Type.String() }), also: Type.Object({ deviceId: Type.String(), at: Type.String() }), reportedAt: Type.String() })) },
    },
    config: { policy: policies.of(gatePolicy, 'read_doubles', 'permit_site') },
  }, async (req) => permits.doubles(req.ctx, req.params.siteId));

  app.get('/permits/capacity-check', {
    schema: {
      tags, summary: 'The capacity invariant: windows whose permits and held offers pass the capacity or disagree with the counter (empty when healthy)',
      response: { 200: Type.Array(Type.Object({ windowId: Type.String(), capacity: Type.Integer(), booked: Type.Integer(), taken: Type.Integer() })) },
    },
    config: { policy: policies.roles(...ministryRoles) },
  }, async () => permits.capacityViolations());
};
