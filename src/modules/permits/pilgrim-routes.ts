import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../../http/idempotency.ts';
import { policies } from '../../http/policy.ts';
import { Nullable, Obj, Uuid } from '../../common/schemas/kit.ts';
import { BookBody, BookingSchema, DayQuery, PersonBody, PersonSchema, Section, WaitSchema, WindowSchema } from './schemas.ts';
import type { PermitService } from './service.ts';

/** The pilgrim's side of permits: availability, documents, booking, moving, cancelling, waiting. */
export const permitPilgrimRoutes: FastifyPluginAsyncTypebox<{ permits: PermitService }> = async (app, { permits }) => {
  const tags = ['permits'];
  const pilgrim = policies.roles('pilgrim');

  app.get('/permits/sites/:siteId/windows', {
    schema: {
      tags, summary: 'A site\'s windows on a day with their availability: a state with words and colour (not released, open, few left, full, closed, past)',
      params: Obj({ siteId: Uuid() }), querystring: Obj({ date: DayQuery(), section: Type.Optional(Section()) }), response: { 200: Type.Array(WindowSchema) },
    },
    config: { policy: policies.public },
  }, async (req) => permits.windows(req.ctx, req.params.siteId, req.query.date, req.query.section));

  app.get('/permits/sites/:siteId/next-open', {
    schema: {
      tags, summary: 'The Saudi day of the next window with a place to book; when none is released yet, the next window\'s day and its release (both null when nothing is planned)',
      params: Obj({ siteId: Uuid() }), querystring: Obj({ section: Type.Optional(Section()) }),
      response: { 200: Type.Object({ day: Nullable(Type.String({ format: 'date' })), releaseAt: Nullable(Type.String({ format: 'date-time' })) }) },
    },
    config: { policy: policies.public },
  }, async (req) => permits.nextOpen(req.params.siteId, req.query.section));

  app.get('/permits/windows/:windowId/alternatives', {
    schema: {
      tags, summary: 'The nearest quieter windows with room for your group (shown first when a window is full or nearly full)',
      params: Obj({ windowId: Uuid() }), querystring: Obj({ size: Type.Integer({ minimum: 1, maximum: 20, default: 1 }) }), response: { 200: Type.Array(WindowSchema) },
    },
    config: { policy: policies.public },
  }, async (req) => permits.alternatives(req.ctx, req.params.windowId, req.query.size));

  app.get('/me/permit-people', {
    schema: { tags, summary: 'The people you proved documents for (yourself first), with any penalty and when it ends', response: { 200: Type.Array(PersonSchema) } },
    config: { policy: pilgrim },
  }, async (req) => permits.people(req.ctx));

  app.post('/me/permit-people', {
    schema: {
      tags, summary: 'Prove who someone is with a document (national ID, iqama, or passport and visa), checked with the registry; gender, nationality and date of birth come from it',
      body: PersonBody, response: { 201: PersonSchema },
    },
    config: { policy: pilgrim },
  }, async (req, reply) => reply.code(201).send(await permits.verifyDocument(req.ctx, { kind: req.body.kind, number: req.body.number, nationality: req.body.nationality, visaNumber: req.body.visaNumber }, req.body.self ?? false)));

  app.post('/permits/bookings', {
    schema: {
      tags, summary: 'Book a window for yourself and companions: one permit each, all in one window and section; refusals name the rule and when you may book again',
      headers: IdempotencyHeaders, body: BookBody, response: { 201: BookingSchema },
    },
    config: { policy: pilgrim, idempotent: true },
  }, async (req, reply) => reply.code(201).send(await permits.book(req.ctx, req.body)));

  app.get('/me/permits', {
    schema: { tags, summary: 'Your permit bookings with their permits (tokens for the QR codes) and what you may do with each', response: { 200: Type.Object({ items: Type.Array(BookingSchema) }) } },
    config: { policy: pilgrim },
  }, async (req) => ({ items: await permits.mine(req.ctx) }));

  app.get('/permits/bookings/:id', {
    schema: { tags, summary: 'One of your permit bookings', params: Obj({ id: Uuid() }), response: { 200: BookingSchema } },
    config: { policy: pilgrim },
  }, async (req) => permits.one(req.ctx, req.params.id));

  app.post('/permits/bookings/:id/reschedule', {
    schema: {
      tags, summary: 'Move the whole group to another window in one step: the new places are taken before the old are freed; if the new window is full nothing changes. Old codes are revoked, new ones issued',
      headers: IdempotencyHeaders, params: Obj({ id: Uuid() }), body: Obj({ windowId: Uuid() }), response: { 200: BookingSchema },
    },
    config: { policy: pilgrim, idempotent: true },
  }, async (req) => permits.reschedule(req.ctx, req.params.id, req.body.windowId));

  app.post('/permits/bookings/:id/cancel', {
    schema: { tags, summary: 'Cancel the whole group: places free at once; cancelling later than the site\'s lead time carries its penalty', headers: IdempotencyHeaders, params: Obj({ id: Uuid() }), response: { 200: BookingSchema } },
    config: { policy: pilgrim, idempotent: true },
  }, async (req) => permits.cancel(req.ctx, req.params.id));

  app.post('/permits/windows/:windowId/waitlist', {
    schema: { tags, summary: 'Wait for a full window with your group: a freed place is offered to the first in line whose group fits, with a short deadline', params: Obj({ windowId: Uuid() }), body: Obj({ personIds: BookBody.properties.personIds }), response: { 201: WaitSchema } },
    config: { policy: pilgrim },
  }, async (req, reply) => reply.code(201).send(await permits.join(req.ctx, req.params.windowId, req.body.personIds)));

  app.get('/me/permit-waitlist', {
    schema: { tags, summary: 'Your places in waiting lists and your open offers with their deadlines', response: { 200: Type.Array(WaitSchema) } },
    config: { policy: pilgrim },
  }, async (req) => permits.myWaits(req.ctx));

  app.post('/permits/waitlist/:entryId/accept', {
    schema: { tags, summary: 'Accept an offer before its deadline: the held places become your permits', headers: IdempotencyHeaders, params: Obj({ entryId: Uuid() }), response: { 200: Type.Object({ bookingId: Type.String() }) } },
    config: { policy: pilgrim, idempotent: true },
  }, async (req) => permits.accept(req.ctx, req.params.entryId));

  app.post('/permits/waitlist/:entryId/decline', {
    schema: { tags, summary: 'Decline an offer, or leave the line: the places go to the next in line', params: Obj({ entryId: Uuid() }), response: { 200: WaitSchema } },
    config: { policy: pilgrim },
  }, async (req) => permits.decline(req.ctx, req.params.entryId));
};
