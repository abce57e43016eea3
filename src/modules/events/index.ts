import type { Clock } from '../../core/clock.ts';
import type { Executor } from '../../db/database.ts';

/** Every event type the platform publishes; webhook subscribers choose among these. */
export const eventTypes = [
  'provider.licensed',
  'provider.suspended',
  'provider.reinstated',
  'package.published',
  'package.updated',
  'package.closed',
  'booking.created',
  'booking.confirmed',
  'booking.cancelled',
  // Umrah and Rawdah permits: no provider; ministry integrations receive them.
  'permit.issued',
  'permit.cancelled',
  'permit.checked_in',
] as const;
export type EventType = (typeof eventTypes)[number];

export interface DomainEvent {
  type: EventType;
  /** The provider the event concerns (its webhooks receive it), if any. */
  providerId: string | null;
  subjectId: string;
  payload: Record<string, unknown>;
}

/**
 * Publishes a domain event in the caller's transaction: it exists only if the
 * change it describes commits (transactional outbox). Consumers (webhook
 * delivery, notifications) read `domain_events` in order.
 *
 * @example await publishEvent(trx, clock, { type: 'package.published', providerId, subjectId: packageId, payload })
 */
export async function publishEvent(executor: Executor, clock: Clock, event: DomainEvent): Promise<void> {
  await executor
    .insertInto('domain_events')
    .values({
      type: event.type,
      provider_id: event.providerId,
      subject_id: event.subjectId,
      payload: JSON.stringify(event.payload),
      occurred_at: clock.now(),
    })
    .execute();
}

/** Many events at once (a draw's publication creates a booking per winner), in chunks, in the caller's transaction. */
export async function publishEvents(executor: Executor, clock: Clock, events: DomainEvent[]): Promise<void> {
  const now = clock.now();
  for (let i = 0; i < events.length; i += 1000) {
    await executor
      .insertInto('domain_events')
      .values(events.slice(i, i + 1000).map((event) => ({ type: event.type, provider_id: event.providerId, subject_id: event.subjectId, payload: JSON.stringify(event.payload), occurred_at: now })))
      .execute();
  }
}
