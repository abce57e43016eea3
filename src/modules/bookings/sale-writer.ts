import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Trx } from '../../db/database.ts';
import { groupLoader, writeInRounds } from '../../db/group-loader.ts';
import { groupedOnce } from '../../db/idempotency.ts';
import { checkRanking, rankingProblemParams, type ApplicationService } from '../applications/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { Person } from '../seasons/index.ts';
import { refusalOf, type SaleRefusal } from './domain/sale-batch.ts';
import type { HoldOutcome } from './hold.ts';
import { presentBooking, type BookingService } from './service.ts';
import { createBookingsRepository } from './repository.ts';

export type SaleBooking = ReturnType<typeof presentBooking>;

/** One booking request of the open sale, its admission already checked. */
export interface SaleItem {
  ctx: RequestContext;
  season: string;
  packageId: string;
  holdMinutes: number;
  evaluator: { evaluate: (person: Person) => { passed: boolean }[] };
}

type Answer = { value: unknown } | { error: Error } | 'fresh';

/**
 * Books the open sale by group commit (docs/algorithms/open-sale.md), as the
 * rankings are written: bookings that arrive while at most two batches are
 * being written join the next batch. Every family, its members' facts and
 * documents, the packages, the live bookings and the emails' contacts are read
 * first, in parallel (one statement each, whatever the batch's size). Then one
 * transaction claims the batch's Idempotency-Keys, judges each request with a
 * lone request's checks (`refusalOf`), locks the packages' and quotas' rows and
 * gives seats in order of arrival, as many as fit (`holdInOrder`), and writes
 * the seats, bookings, audit records, events, emails and idempotency records in
 * one statement: the hot rows stay locked for two round trips and the commit.
 * Each caller gets its own booking or its own refusal.
 *
 * A person twice in a batch is written in order (the second is refused as
 * already booked); a batch that fails as a whole is retried one request per
 * transaction, so no request pays for another's fault.
 */
export function createSaleWriter(deps: {
  db: Db;
  clock: Clock;
  applications: Pick<ApplicationService, 'familiesOf'>;
  pilgrims: Pick<PilgrimService, 'factsFor' | 'stepReadiness'>;
  catalogue: Pick<CatalogueService, 'packageFacts'>;
  bookings: Pick<BookingService, 'holdInOrder' | 'prepareOfferEmails'>;
}) {
  const repo = createBookingsRepository();
  const { db, clock } = deps;

  /**
   * What the checks read, for one season's requests, before the transaction and in
   * parallel (nothing here is locked, as in a lone request: the unique index on live
   * bookings and the seats' locks are what hold under concurrency).
   */
  async function readFacts(season: string, items: readonly SaleItem[]) {
    const reader = db.kysely;
    const [families, packages] = await Promise.all([
      deps.applications.familiesOf(reader, season, [...new Set(items.map((i) => i.ctx.actor!.accountId))]),
      deps.catalogue.packageFacts(reader, [...new Set(items.map((i) => i.packageId))]),
    ]);
    const known = [...new Map([...families.values()].map((f) => [f.id, f])).values()];
    const offers = items.flatMap((item) => {
      const f = families.get(item.ctx.actor!.accountId);
      return f ? [{ season, applicationId: f.id, adminAccountId: f.adminAccountId, packageId: item.packageId, seats: f.members.length, country: f.country }] : [];
    });
    const deadline = new Date(clock.now().getTime() + (items[0]?.holdMinutes ?? 0) * 60_000);
    const [facts, readiness, live, emails] = await Promise.all([
      deps.pilgrims.factsFor(reader, known.flatMap((f) => f.members)),
      deps.pilgrims.stepReadiness(reader, known.map((f) => f.members), 'accept_offer'),
      repo.liveOf(reader, season, known.map((f) => f.id)),
      deps.bookings.prepareOfferEmails(reader, offers, 'open_sale', deadline),
    ]);
    return { families, packages, facts, awaited: new Map(known.map((f, k) => [f.id, readiness[k] ?? null])), live, offers, emails, deadline };
  }

  async function writeSeason(trx: Trx, season: string, items: readonly SaleItem[], claims: Answer[], read: Awaited<ReturnType<typeof readFacts>>): Promise<Answer[]> {
    const { families, packages, facts, awaited, live } = read;
    const fresh = items.flatMap((_, i) => (claims[i] === 'fresh' ? [i] : []));
    const familyOf = (i: number) => families.get(items[i]!.ctx.actor!.accountId);
    const refusals = new Map<number, SaleRefusal>();
    const accepted: number[] = [];
    for (const i of fresh) {
      const item = items[i]!;
      const family = familyOf(i);
      const refusal = refusalOf({
        accountId: item.ctx.actor!.accountId,
        family,
        ineligible: Boolean(family?.members.some((m) => { const f = facts.get(m); return !f || item.evaluator.evaluate(f.person).some((r) => !r.passed); })),
        documentsAwaited: family ? awaited.get(family.id) ?? null : null,
        packageProblem: family ? (() => { const p = checkRanking([item.packageId], { size: family.members.length, country: family.country, season }, packages); return p && rankingProblemParams(p); })() : null,
        alreadyBooked: family ? live.has(family.id) : false,
      });
      if (refusal) refusals.set(i, refusal);
      else accepted.push(i);
    }

    const answers = [...claims];
    for (const [i, r] of refusals) answers[i] = { error: new AppError(r.code, 'params' in r ? r.params : undefined) };
    // The prepared emails are indexed by the offers of requests with a family, in order.
    const offerIndex = new Map(items.flatMap((item, i) => (familyOf(i) ? [i] : [])).map((i, k) => [i, k]));
    await deps.bookings.holdInOrder(trx, season,
      accepted.map((i) => ({ ctx: items[i]!.ctx, offer: read.offers[offerIndex.get(i)!]! })),
      'open_sale', read.deadline, {
        facts: packages,
        emails: (held) => read.emails(held.map((k) => offerIndex.get(accepted[k]!)!)),
        inserts: (held) => {
          accepted.forEach((i, k) => (answers[i] = answerOf(held[k]!)));
          const record = groupedOnce.records(clock, [...refusals.keys(), ...accepted].map((i) => ({ ctx: items[i]!.ctx, ...(answers[i] as { value?: unknown; error?: AppError }) })));
          return record ? [record] : [];
        },
      });
    return answers;
  }

  const answerOf = (held: HoldOutcome): Answer =>
    typeof held === 'string'
      ? { error: new AppError(held === 'quota_full' ? 'booking.quota_full' : 'booking.sold_out') }
      : { value: presentBooking({ ...held, confirmed_at: null, ended_at: null, version: 1 }) };

  async function write(items: readonly SaleItem[]): Promise<(SaleBooking | Error)[]> {
    const seasons = [...new Set(items.map((i) => i.season))].map((season) => ({ season, mine: items.flatMap((item, i) => (item.season === season ? [i] : [])) }));
    const reads = await Promise.all(seasons.map(({ season, mine }) => readFacts(season, mine.map((i) => items[i]!))));
    const answers = await db.kysely.transaction().execute(async (trx) => {
      const claims = await groupedOnce.claim(trx, items.map((i) => i.ctx));
      const out = [...claims];
      for (const [s, { season, mine }] of seasons.entries()) {
        const written = await writeSeason(trx, season, mine.map((i) => items[i]!), mine.map((i) => claims[i]!), reads[s]!);
        mine.forEach((i, k) => (out[i] = written[k]!));
      }
      return out;
    });
    return answers.map((a) => (a === 'fresh' ? new Error('open sale: a request left unanswered') : 'error' in a ? a.error : (a.value as SaleBooking)));
  }

  const loader = groupLoader<SaleItem, SaleBooking>((items) => writeInRounds(items, (i) => i.ctx.actor!.accountId, write));

  return {
    /** Books, once the admission is checked; resolves when the booking (or its refusal) is committed. */
    book: (item: SaleItem) => loader.load(item),
  };
}
export type SaleWriter = ReturnType<typeof createSaleWriter>;
