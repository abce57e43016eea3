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
  // The season's journey: the border recorded a booking's arrival; the season completed it.
  'booking.arrived',
  'booking.completed',
  // Voice of the Guest: complaints about a provider (no personal data, no free text).
  'complaint.received',
  'complaint.escalated',
  'complaint.resolved',
  // Umrah and Rawdah permits: no provider; ministry integrations receive them.
  'permit.issued',
  'permit.cancelled',
  'permit.checked_in',
] as const;
export type EventType = (typeof eventTypes)[number];

/** Providers subscribe to their own events; the platform's events that concern no provider (permits) go to ministry endpoints. */
export const providerEventTypes = eventTypes.filter((e): e is Exclude<EventType, `permit.${string}`> => !e.startsWith('permit.'));
export const ministryEventTypes = eventTypes.filter((e): e is Extract<EventType, `permit.${string}`> => e.startsWith('permit.'));
