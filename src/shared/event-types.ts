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
] as const;
export type EventType = (typeof eventTypes)[number];
