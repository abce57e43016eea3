import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { runOnce } from '../../db/idempotency.ts';
import type { RequestContext } from '../../core/principal.ts';
import { screenText } from '../../core/screening.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent } from '../events/index.ts';
import { actorOf, sees, type ComplaintContext } from './context.ts';
import { complaintEmails } from './emails.ts';
import { complaintDeskPolicy } from './policies.ts';
import type { NewEvent } from './repository.ts';
import type { ComplaintSubject, Severity } from './tables.ts';

export interface FileComplaint {
  about: ComplaintSubject;
  providerId?: string | undefined;
  bookingId?: string | undefined;
  permitBookingId?: string | undefined;
  site?: string | undefined;
  category: string;
  severity: Severity;
  description: string;
  place?: string | undefined;
  occurredAt?: string | undefined;
  /** A care-centre agent files for a caller: the caller's account and the language they speak. */
  callerEmail?: string | undefined;
  language?: string | undefined;
}

/** Complaints one person may file in a day (the care centre takes more). */
export const DAILY_LIMIT = 10;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const attachmentTypes = new Set(['image/jpeg', 'image/png', 'application/pdf']);

/**
 * Filing a complaint, in one transaction: its subject checked (a booking must be the pilgrim's;
 * a provider the pilgrim never booked is accepted and marked "no booking found"), the text
 * screened for the readers who may not see personal data, the deadlines its rule gives started
 * in the log, acknowledged at once and sent to the provider, the provider's webhook event, the
 * audit record and the acknowledgement to the complainant in their language.
 */
export function fileUseCases(c: ComplaintContext) {
  const { db, clock, repo, deps } = c;
  return {
    async file(ctx: RequestContext, input: FileComplaint) {
      complaintDeskPolicy.assert(ctx, 'file', null);
      const who = actorOf(ctx);
      const now = clock.now();
      // Once per Idempotency-Key: a retried filing gives the first complaint again.
      return runOnce({ db, clock }, ctx, async (trx) => {
        let complainantId = ctx.actor!.accountId;
        let language = ctx.locale as string;
        if (who.kind === 'agent') {
          if (!input.callerEmail) throw new AppError('complaint.caller_not_found');
          const caller = await deps.accounts.pilgrimByEmail(trx, input.callerEmail);
          if (!caller) throw new AppError('complaint.caller_not_found');
          complainantId = caller.id;
          language = input.language ?? (await deps.accounts.contacts(trx, [caller.id])).get(caller.id)?.locale ?? language;
        } else if (input.language) language = input.language;
        if (await repo.filedSince(trx, complainantId, new Date(now.getTime() - 86_400_000)) >= DAILY_LIMIT && who.kind !== 'agent') {
          throw new AppError('complaint.too_many', { count: DAILY_LIMIT });
        }
        if (!(await repo.categories(trx)).includes(input.category)) throw new AppError('complaint.bad_subject', { problem: 'category_unknown' });
        let providerId: string | null = null;
        let noBookingFound = false;
        if (input.about === 'booking') {
          if (!input.bookingId) throw new AppError('complaint.bad_subject', { problem: 'provider_needed' });
          const b = await deps.journey.booking(trx, input.bookingId);
          if (!b || !b.members.includes(complainantId)) throw new AppError('booking.not_found');
          providerId = b.providerId;
        } else if (input.about === 'provider') {
          if (!input.providerId) throw new AppError('complaint.bad_subject', { problem: 'provider_needed' });
          if (!(await deps.journey.licensedProvider(trx, input.providerId))) throw new AppError('complaint.provider_not_found');
          providerId = input.providerId;
          noBookingFound = !(await deps.journey.providersBookedBy(trx, complainantId)).includes(providerId);
        } else if (input.about === 'permit') {
          if (!input.permitBookingId) throw new AppError('complaint.bad_subject', { problem: 'permit_needed' });
          if ((await deps.journey.permitBookingOwner(trx, input.permitBookingId)) !== complainantId) throw new AppError('permit.not_found');
        } else if (input.about === 'site' && !input.site) throw new AppError('complaint.bad_subject', { problem: 'site_needed' });

        const country = (await deps.journey.residence(trx, [complainantId])).get(complainantId)?.country ?? null;
        const id = newId();
        const reference = await repo.nextReference(trx, now.getUTCFullYear());
        const targets = await c.targets(trx, input.category, input.severity);
        const row = {
          id, reference, complainant_id: complainantId, filed_by: ctx.actor!.accountId, channel: who.kind === 'agent' ? 'care_centre' as const : 'web' as const,
          language, country_code: country, about: input.about, provider_id: providerId, booking_id: input.about === 'booking' ? input.bookingId! : null,
          permit_booking_id: input.about === 'permit' ? input.permitBookingId! : null, site: input.site ?? null, no_booking_found: noBookingFound,
          category: input.category, severity: input.severity, description: input.description, description_screened: screenText(input.description).text,
          place: input.place ?? null, occurred_at: input.occurredAt ? new Date(input.occurredAt) : null,
          state: 'received' as const, resume_state: null, ever_escalated: false, resolved_at: null, closed_at: null,
          next_deadline_at: null, next_deadline_kind: null, rating: null, created_at: now, updated_at: now,
        };
        await repo.insert(trx, row);
        // The log: filed (with the targets in force now), acknowledged at once, sent to the provider.
        const cal = await c.calendar(trx);
        const step = (action: string, actor: 'system' | typeof who.kind, from: string | null, to: string, data: Record<string, unknown> = {}): NewEvent =>
          ({ complaint_id: id, action, actor, actor_id: actor === 'system' ? null : ctx.actor!.accountId, from_state: from, to_state: to, message: null, message_screened: null, data, at: now });
        const next = await c.record(trx, cal, id, [
          step('file', who.kind, null, 'received', { targets }),
          step('acknowledge', 'system', 'received', 'acknowledged'),
          ...(providerId ? [step('send_to_provider', 'system', 'acknowledged', 'with_provider')] : []),
        ], []);
        const state = providerId ? 'with_provider' as const : 'acknowledged' as const;
        await repo.update(trx, id, { state, next_deadline_at: next?.dueAt ?? null, next_deadline_kind: next?.kind ?? null });
        const filed = { ...row, state, next_deadline_at: next?.dueAt ?? null, next_deadline_kind: next?.kind ?? null, version: 2 };
        await writeAudit(trx, clock, ctx, { action: 'complaint.filed', subjectType: 'complaint', subjectId: id, data: { about: input.about, category: input.category, severity: input.severity, channel: row.channel, noBookingFound } });
        if (providerId) await publishEvent(trx, clock, { type: 'complaint.received', providerId, subjectId: id, payload: c.eventPayload(filed) });
        await c.tellComplainant(trx, filed, 'filed', (locale, name) => complaintEmails.filed(locale, { name, reference, dueAt: filed.next_deadline_at, dueKind: filed.next_deadline_kind }));
        return { id: filed.id, reference: filed.reference };
      });
    },

    /** Attaches a photo or PDF (checked by its bytes, not its name) to a complaint its reader may comment on. */
    async attach(ctx: RequestContext, complaintId: string, bytes: Buffer) {
      if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('complaint.attachment_too_large', { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
      const type = await fileTypeFromBuffer(bytes);
      if (!type || !attachmentTypes.has(type.mime)) throw new AppError('complaint.attachment_type');
      const id = newId();
      const key = `complaints/${complaintId}/${id}`;
      return db.kysely.transaction().execute(async (trx) => {
        const row = await repo.lock(trx, complaintId);
        if (!row || !sees(ctx.actor, row) || (ctx.actor?.role !== 'pilgrim' && ctx.actor?.role !== 'care_agent')) throw new AppError('complaint.not_found');
        if ((await repo.attachments(trx, complaintId)).length >= MAX_ATTACHMENTS) throw new AppError('complaint.too_many_attachments', { max: MAX_ATTACHMENTS });
        await deps.storage.put(key, bytes);
        const now = clock.now();
        await repo.insertAttachment(trx, { id, complaint_id: complaintId, storage_key: key, content_type: type.mime, size_bytes: bytes.length, created_at: now });
        await repo.appendEvents(trx, [{ complaint_id: complaintId, action: 'attach', actor: actorOf(ctx).kind, actor_id: ctx.actor!.accountId, from_state: null, to_state: null, message: null, message_screened: null, data: { attachmentId: id, contentType: type.mime }, at: now }]);
        await writeAudit(trx, clock, ctx, { action: 'complaint.attached', subjectType: 'complaint', subjectId: complaintId, data: { attachmentId: id, contentType: type.mime, sizeBytes: bytes.length } });
        return { id, contentType: type.mime, sizeBytes: bytes.length, createdAt: now.toISOString() };
      });
    },
  };
}
