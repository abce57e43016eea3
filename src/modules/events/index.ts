import type { Clock } from '../../core/clock.ts';
import type { Executor } from '../../db/database.ts';
import { eventsInsert, insertEvents } from './repository.ts';
export { eventsAfter, eventsBetween, lastEventId } from './repository.ts';

export { eventTypes, type EventType } from '../../common/event-types.ts';
import type { EventType } from '../../common/event-types.ts';

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
  await publishEvents(executor, clock, [event]);
}

/**
 * The statement that publishes events, to run inside one of the caller's own statements (a
 * data-modifying CTE) in its transaction: one round trip for the change and its events.
 */
export function publishEventsInsert(clock: Clock, events: readonly DomainEvent[]) {
  return eventsInsert(events.map((event) => ({ type: event.type, provider_id: event.providerId, subject_id: event.subjectId, payload: JSON.stringify(event.payload) })), clock.now());
}

/** Many events at once (a draw's publication creates a booking per winner), in the caller's transaction. */
export async function publishEvents(executor: Executor, clock: Clock, events: DomainEvent[]): Promise<void> {
  const now = clock.now();
  await insertEvents(executor, events.map((event) => ({ type: event.type, provider_id: event.providerId, subject_id: event.subjectId, payload: JSON.stringify(event.payload), occurred_at: now })));
}
