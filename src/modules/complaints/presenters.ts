import type { Principal, RequestContext } from '../../core/principal.ts';
import { isMinistry } from '../../core/principal.ts';
import { complaintPolicy, type ComplaintPolicyAction, type ComplaintResource } from './policies.ts';
import type { ComplaintRow } from './repository.ts';

/** Free text as this reader may see it: the ministry and the complainant read it whole; everyone else screened. */
export const textFor = (p: Principal | null, c: Pick<ComplaintRow, 'complainant_id'>, raw: string | null, screened: string | null) =>
  !p || isMinistry(p) || p.accountId === c.complainant_id ? raw : screened;

export interface ComplaintView {
  id: string;
  reference: string;
  about: ComplaintRow['about'];
  providerId: string | null;
  bookingId: string | null;
  permitBookingId: string | null;
  site: string | null;
  noBookingFound: boolean;
  category: string;
  severity: ComplaintRow['severity'];
  description: string;
  place: string | null;
  occurredAt: string | null;
  language: string;
  channel: ComplaintRow['channel'];
  countryCode: string | null;
  state: ComplaintRow['state'];
  nextDeadline: { kind: string; dueAt: string } | null;
  rating: number | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  allowedActions: ComplaintPolicyAction[];
}

/** A complaint as its reader sees it: never the complainant's identity to a provider or a mission (only the reference). */
export function presentComplaint(ctx: RequestContext, c: ComplaintRow, resource: ComplaintResource): ComplaintView {
  return {
    id: c.id, reference: c.reference, about: c.about, providerId: c.provider_id, bookingId: c.booking_id, permitBookingId: c.permit_booking_id, site: c.site,
    noBookingFound: c.no_booking_found, category: c.category, severity: c.severity,
    description: textFor(ctx.actor, c, c.description, c.description_screened) ?? '', place: c.place, occurredAt: c.occurred_at?.toISOString() ?? null,
    language: c.language, channel: c.channel, countryCode: c.country_code, state: c.state,
    nextDeadline: c.next_deadline_at ? { kind: c.next_deadline_kind ?? 'resolve', dueAt: c.next_deadline_at.toISOString() } : null,
    rating: c.rating, createdAt: c.created_at.toISOString(), updatedAt: c.updated_at.toISOString(), resolvedAt: c.resolved_at?.toISOString() ?? null,
    allowedActions: complaintPolicy.allowed(ctx, resource),
  };
}
