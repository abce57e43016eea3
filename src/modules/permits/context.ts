import { randomBytes } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { shortCache } from '../../core/short-cache.ts';
import type { Db, Executor } from '../../db/database.ts';
import { groupLoader } from '../../db/group-loader.ts';
import type { GuardMode } from '../../db/counters.ts';
import { fromBase64url } from '../../common/permits/bytes.ts';
import { encodePermit, tokenText } from '../../common/permits/token.ts';
import type { Locale, Localized } from '../../common/i18n.ts';
import type { AccountService } from '../accounts/index.ts';
import { publishEvents, type DomainEvent } from '../events/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { SigningService } from '../signing/index.ts';
import { createBookingRepository } from './booking-repository.ts';
import { createConfigRepository } from './config-repository.ts';
import type { Rule } from './domain/rules.ts';
import type { Hours, PermitsTable, PermitWindowsTable, Section } from './tables.ts';
import type { VisaRegistry } from './visa-registry.ts';

export interface PermitDeps {
  db: Db;
  clock: Clock;
  signing: Pick<SigningService, 'signer' | 'checker' | 'publicKeys'>;
  registry: VisaRegistry;
  accounts: Pick<AccountService, 'contacts'>;
  notifications: Pick<NotificationService, 'enqueue'>;
  /** Only the concurrency tests' control runs change this (src/db/counters.ts). */
  guard?: GuardMode;
}

/** A site as every use case reads it (kept per process for a second: reference data). */
export interface SiteFacts {
  id: string;
  code: string;
  number: number;
  kind: string;
  name: Localized;
  maxGroup: number;
  offerMinutes: number;
  cancelLeadMinutes: number;
  gateMaxOfflineMinutes: number;
  sections: { section: Section; hours: Hours[] }[];
  gates: { id: string; number: number; name: Localized; sections: Section[] }[];
  rules: Rule[];
  penalties: { trigger: 'no_show' | 'late_cancel'; banDays: number }[];
}

export type Signer = Awaited<ReturnType<SigningService['signer']>>;
export type WindowRow = Pick<Selectable<PermitWindowsTable>, 'id' | 'site_id' | 'section' | 'starts_at' | 'ends_at' | 'capacity' | 'booked' | 'early_grace_minutes' | 'late_grace_minutes' | 'release_at' | 'closed_at'>;

/**
 * What the permits' use cases share: dependencies, repositories, the site
 * facts cache, and the few helpers several need (issuing signed permits, the
 * events integrations receive, telling a pilgrim something in their language).
 */
export function createPermitContext(deps: PermitDeps) {
  const config = createConfigRepository();
  const repo = createBookingRepository();
  const { db, clock } = deps;
  const sitesCache = shortCache(1000);
  const windowSites = shortCache(60_000, 100_000);

  async function loadSite(executor: Executor, id: string): Promise<SiteFacts | null> {
    const site = await config.site(executor, id);
    if (!site) return null;
    const [sections, gates, rules, penalties] = await Promise.all([config.sections(executor, [id]), config.gates(executor, [id]), config.rules(executor, [id]), config.penaltyRules(executor, [id])]);
    return {
      id, code: site.code, number: site.number, kind: site.kind, name: { ar: site.name_ar, en: site.name_en },
      maxGroup: site.max_group, offerMinutes: site.offer_minutes, cancelLeadMinutes: site.cancel_lead_minutes, gateMaxOfflineMinutes: site.gate_max_offline_minutes,
      sections: sections.map((s) => ({ section: s.section, hours: s.hours as unknown as Hours[] })),
      gates: gates.map((g) => ({ id: g.id, number: g.number, name: { ar: g.name_ar, en: g.name_en }, sections: g.sections })),
      rules: rules.map((r) => ({ code: r.code, kind: r.kind, hijriMonth: r.hijri_month, days: r.days, maxCount: r.max_count, gapHours: r.gap_hours, appliesFrom: r.applies_from, appliesTo: r.applies_to })),
      penalties: penalties.map((p) => ({ trigger: p.trigger, banDays: p.ban_days })),
    };
  }

  /** A site's facts, from the short cache (read outside any transaction: PGlite has one connection). */
  const site = (id: string, fresh = false) => sitesCache.get(id, () => loadSite(db.kysely, id), fresh);
  /** The same, read on a miss by `executor` (a transaction that must not wait for another connection). */
  const siteIn = (executor: Executor, id: string) => sitesCache.get(id, () => loadSite(executor, id));
  // Read by group: the windows asked for together (e.g. many bookings arriving at once) in one query.
  const windowSiteLoader = groupLoader(async (ids: readonly string[]) => {
    const rows = new Map((await repo.windowSites(db.kysely, [...new Set(ids)])).map((r) => [r.id, { site_id: r.site_id, section: r.section }]));
    return ids.map((id) => rows.get(id));
  });
  /** A window's site and section never change: kept longer. */
  const windowSite = (windowId: string) => windowSites.get(windowId, () => windowSiteLoader.load(windowId));

  /** The gate numbers that admit a section (what a permit names). */
  const gatesFor = (s: SiteFacts, section: Section) => s.gates.filter((g) => g.sections.includes(section)).map((g) => g.number);

  /**
   * Signed permits for members of a booking in a window: one row each, token included. The
   * signer is fetched before the transaction (`deps.signing.signer()`): on PGlite a read outside
   * the transaction while it holds the one connection would wait for ever. The signatures are
   * made on the thread pool (`signAsync`): start every issue of a batch before awaiting any.
   */
  function issue(signer: Signer, s: SiteFacts, w: WindowRow, bookingId: string, members: { personId: string; memberIndex: number; docSalt: string; docHash: string }[], now: Date): Promise<Insertable<PermitsTable>[]> {
    const gates = gatesFor(s, w.section);
    return Promise.all(members.map(async (m) => {
      const id = newId();
      const payload = encodePermit({
        keyId: signer.keyId, permitId: id, site: s.number, section: w.section, memberIndex: m.memberIndex,
        windowStart: Math.floor(w.starts_at.getTime() / 1000), windowEnd: Math.floor(w.ends_at.getTime() / 1000),
        earlyGraceMinutes: w.early_grace_minutes, lateGraceMinutes: w.late_grace_minutes,
        docSalt: fromBase64url(m.docSalt)!, docHash: fromBase64url(m.docHash)!, gates: gates.length ? gates : [1],
      });
      return {
        id, booking_id: bookingId, member_index: m.memberIndex, person_id: m.personId, site_id: w.site_id, window_id: w.id, section: w.section,
        starts_at: w.starts_at, ends_at: w.ends_at, status: 'valid' as const, key_id: signer.keyId, token: tokenText(payload, await signer.signAsync(payload)), issued_at: now,
      };
    }));
  }

  /** What integrations learn of a permit (no personal data). */
  const permitEvent = (type: 'permit.issued' | 'permit.cancelled' | 'permit.checked_in', p: Pick<Insertable<PermitsTable>, 'id' | 'booking_id' | 'site_id' | 'window_id' | 'section' | 'member_index' | 'starts_at' | 'ends_at'>, extra: Record<string, unknown> = {}): DomainEvent => ({
    type, providerId: null, subjectId: p.id,
    payload: { permitId: p.id, bookingId: p.booking_id, siteId: p.site_id, windowId: p.window_id, section: p.section, memberIndex: p.member_index, windowStart: new Date(p.starts_at as Date).toISOString(), windowEnd: new Date(p.ends_at as Date).toISOString(), ...extra },
  });
  const publish = (executor: Executor, events: DomainEvent[]) => publishEvents(executor, clock, events);

  /** Tells account holders something in their own language (queued in the caller's transaction). */
  async function tell(executor: Executor, accountIds: string[], template: string, make: (locale: Locale, name: string) => { subject: string; text: string }) {
    const contacts = await deps.accounts.contacts(executor, [...new Set(accountIds)]);
    for (const c of contacts.values()) await deps.notifications.enqueue(executor, { to: c.email, locale: c.locale, template, ...make(c.locale, c.name) });
  }

  const newSalt = () => randomBytes(8).toString('base64url');

  return { deps, db, clock, config, repo, site, siteIn, forgetSite: (id: string) => sitesCache.delete(id), windowSite, loadSite, gatesFor, issue, permitEvent, publish, tell, newSalt, guard: deps.guard ?? 'conditional' };
}
export type PermitContext = ReturnType<typeof createPermitContext>;
