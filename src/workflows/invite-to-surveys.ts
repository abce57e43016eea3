import type { Clock } from '../core/clock.ts';
import type { Db, Executor } from '../db/database.ts';
import type { AccountService } from '../modules/accounts/index.ts';
import { eventsAfter, eventsBetween } from '../modules/events/index.ts';
import type { Invitee, ObservatoryService } from '../modules/observatory/index.ts';
import { nationalityRegion } from '../modules/statistics/index.ts';
import type { JourneyFactsService } from './journey-facts.ts';

export interface InviteDeps {
  db: Db;
  clock: Clock;
  journey: JourneyFactsService;
  accounts: Pick<AccountService, 'contacts'>;
  observatory: Pick<ObservatoryService, 'invite' | 'addJourneys' | 'lockCursor' | 'moveCursor'>;
}

const triggers = {
  'booking.confirmed': 'booking_confirmed',
  'booking.arrived': 'arrival_recorded',
  'booking.completed': 'season_completed',
  'permit.checked_in': 'permit_checked_in',
} as const;
/** A gap in the event ids younger than this may be a transaction still committing: reading waits for it. */
const GAP_WAIT_MS = 60_000;

/**
 * Surveys raised by the journey's events (the transactional outbox), one reader at a time under
 * its cursor's lock, in one transaction per batch:
 *
 * 1. the events after the cursor, up to the first gap in their ids that is younger than a minute
 *    (an event of a transaction still committing is never skipped; an older gap is a rollback);
 * 2. for a booking's event, its family (applications), provider and package (catalogue), each
 *    member's residence, nationality group and language (pilgrims, accounts): the context each
 *    answer will be counted under, copied now; a confirmed booking also records who served whom;
 * 3. for a permit's check-in, the booking's owner and the site's kind (permits);
 * 4. invitations, once per person, questionnaire and subject (observatory), each emailed;
 * 5. the cursor moved.
 */
export function inviteToSurveysWorkflow(deps: InviteDeps) {
  async function people(trx: Executor, accountIds: string[], extra: Omit<Invitee, 'accountId' | 'language' | 'countryCode' | 'nationalityGroup'>): Promise<Invitee[]> {
    const [residence, contacts] = await Promise.all([deps.journey.residence(trx, accountIds), deps.accounts.contacts(trx, accountIds)]);
    return accountIds.filter((id) => contacts.has(id)).map((id) => {
      const r = residence.get(id);
      return { ...extra, accountId: id, language: contacts.get(id)!.locale, countryCode: r?.country ?? null, nationalityGroup: r ? nationalityRegion(r.nationality) : null };
    });
  }

  return async function inviteFromEvents(batch = 200): Promise<number> {
    return deps.db.kysely.transaction().execute(async (trx) => {
      const cursor = await deps.observatory.lockCursor(trx);
      const events = await eventsAfter(trx, cursor, Object.keys(triggers), batch);
      const now = deps.clock.now().getTime();
      let last = cursor;
      let invited = 0;
      for (const e of events) {
        if (e.id !== last + 1 && now - e.occurred_at.getTime() < GAP_WAIT_MS && (await gapIsOpen(trx, last, e.id))) break;
        const trigger = triggers[e.type as keyof typeof triggers];
        const p = e.payload as { bookingId?: string };
        if (e.type === 'permit.checked_in') {
          const b = p.bookingId ? await deps.journey.permitBooking(trx, p.bookingId) : null;
          if (b) invited += await deps.observatory.invite(trx, trigger, await people(trx, [b.accountId], { subject: p.bookingId!, programme: b.siteKind === 'rawdah' ? 'rawdah' : 'umrah', providerId: null, packageId: null }), e.id);
        } else {
          const b = p.bookingId ? await deps.journey.booking(trx, p.bookingId) : null;
          if (b) {
            const invitees = await people(trx, b.members, { subject: p.bookingId!, programme: 'hajj', providerId: b.providerId, packageId: b.packageId });
            if (e.type === 'booking.confirmed') {
              await deps.observatory.addJourneys(trx, invitees.map((i) => ({ account_id: i.accountId, subject: i.subject, provider_id: i.providerId, package_id: i.packageId, country_code: i.countryCode, nationality_group: i.nationalityGroup, language: i.language, started_at: e.occurred_at })));
            }
            invited += await deps.observatory.invite(trx, trigger, invitees, e.id);
          }
        }
        last = e.id;
      }
      if (last !== cursor) await deps.observatory.moveCursor(trx, last);
      return invited;
    });
  };

  /** Whether ids between `from` and `to` (exclusive) may still appear: some are missing (events of other types are there). */
  async function gapIsOpen(trx: Executor, from: number, to: number): Promise<boolean> {
    return (await eventsBetween(trx, from, to)) < to - from - 1;
  }
}
