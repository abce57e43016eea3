import type { Selectable } from 'kysely';
import { shortCode, uuidToBytes } from '../../common/permits/bytes.ts';
import { localized, type Locale } from '../../common/i18n.ts';
import { permitBookingPolicy, type PermitBookingAction } from './policies.ts';
import type { Acting } from '../../core/policy.ts';
import type { SiteFacts } from './context.ts';
import type { PermitBookingsTable, PermitsTable, Section } from './tables.ts';

export interface PermitView {
  id: string;
  /** 10 characters for typing at a gate (the first 50 bits of the id, Crockford base 32). */
  code: string;
  memberIndex: number;
  personId: string;
  name: string;
  status: PermitsTable['status'];
  /** The signed token the QR code carries (base64url). */
  token: string;
  keyId: number;
  checkedInAt: string | null;
}
export interface BookingView {
  id: string;
  status: PermitBookingsTable['status'];
  siteId: string;
  siteCode: string;
  siteName: string;
  windowId: string;
  section: Section;
  startsAt: string;
  endsAt: string;
  gates: number[];
  size: number;
  createdAt: string;
  permits: PermitView[];
  allowedActions: PermitBookingAction[];
}

/** A group's booking with its current permits (older, superseded ones are left out), and what the caller may do now. */
export function presentBooking(
  who: Acting,
  b: Pick<Selectable<PermitBookingsTable>, 'id' | 'status' | 'site_id' | 'window_id' | 'section' | 'size' | 'created_at' | 'account_id'>,
  w: { starts_at: Date; ends_at: Date },
  permits: readonly Pick<Selectable<PermitsTable>, 'id' | 'member_index' | 'person_id' | 'status' | 'token' | 'key_id' | 'checked_in_at' | 'window_id'>[],
  names: ReadonlyMap<string, string>,
  site: SiteFacts,
  gates: number[],
  locale: Locale,
  now: Date,
): BookingView {
  const current = permits.filter((p) => p.window_id === b.window_id && p.status !== 'superseded');
  return {
    id: b.id, status: b.status, siteId: b.site_id, siteCode: site.code, siteName: localized(site.name, locale), windowId: b.window_id, section: b.section,
    startsAt: w.starts_at.toISOString(), endsAt: w.ends_at.toISOString(), gates, size: b.size, createdAt: new Date(b.created_at).toISOString(),
    permits: current.sort((x, y) => x.member_index - y.member_index).map((p) => ({
      id: p.id, code: shortCode(uuidToBytes(p.id)), memberIndex: p.member_index, personId: p.person_id, name: names.get(p.person_id) ?? '', status: p.status, token: p.token, keyId: p.key_id, checkedInAt: p.checked_in_at?.toISOString() ?? null,
    })),
    allowedActions: permitBookingPolicy.allowed(who, { status: b.status, started: now >= w.starts_at, ownerId: b.account_id }),
  };
}
