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
 * being written join the next batch. One transaction claims the batch's
 * Idempotency-Keys, reads every family, its members' facts and documents,
 * the packages and the live bookings (one statement each, whatever the
 * batch's size), judges each request with a lone request's checks
 * (`refusalOf`), then locks the packages' and quotas' rows and gives seats in
 * order of arrival, as many as fit (`holdInOrder`), and writes the seats,
 * bookings, audit records, events, emails and idempotency records in one
 * statement. Each caller gets its own booking or its own refusal.
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
  bookings: Pick<BookingService, 'holdInOrder'>;
}) {
  const repo = createBookingsRepository();
  const { db, clock } = deps;

  async function writeSeason(trx: Trx, season: string, items: readonly SaleItem[], claims: Answer[]): Promise<Answer[]> {
    const fresh = items.flatMap((item, i) => (claims[i] === 'fresh' ? [i] : []));
    const families = await deps.applications.familiesOf(trx, season, [...new Set(fresh.map((i) => items[i]!.ctx.actor!.accountId))]);
    const familyOf = (i: number) => families.get(items[i]!.ctx.actor!.accountId);
    const known = [...new Map(fresh.flatMap((i) => { const f = familyOf(i); return f ? [[f.id, f] as const] : []; })).values()];
    const [facts, readiness, packages, live] = [
      await deps.pilgrims.factsFor(trx, known.flatMap((f) => f.members)),
      await deps.pilgrims.stepReadiness(trx, known.map((f) => f.members), 'accept_offer'),
      await deps.catalogue.packageFacts(trx, [...new Set(fresh.map((i) => items[i]!.packageId))]),
      await repo.liveOf(trx, season, known.map((f) => f.id)),
    ];
    const awaited = new Map(known.map((f, k) => [f.id, readiness[k] ?? null]));

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
    const refused = () => [...refusals.keys()].map((i) => ({ ctx: items[i]!.ctx, error: (answers[i] as { error: AppError }).error }));
    const deadline = (i: number) => new Date(clock.now().getTime() + items[i]!.holdMinutes * 60_000);
    // One deadline for the batch: its requests arrived within the same few milliseconds.
    const holdUntil = deadline(accepted[0] ?? fresh[0] ?? 0);
    await deps.bookings.holdInOrder(trx, season,
      accepted.map((i) => { const f = familyOf(i)!; return { ctx: items[i]!.ctx, offer: { season, applicationId: f.id, adminAccountId: f.adminAccountId, packageId: items[i]!.packageId, seats: f.members.length, country: f.country } }; }),
      'open_sale', holdUntil, packages,
      (held) => {
        accepted.forEach((i, k) => (answers[i] = answerOf(held[k]!)));
        const record = groupedOnce.records(clock, [
          ...refused(),
          ...accepted.map((i) => { const a = answers[i] as { value?: unknown; error?: AppError }; return { ctx: items[i]!.ctx, ...a }; }),
        ]);
        return record ? [record] : [];
      });
    return answers;
  }

  const answerOf = (held: HoldOutcome): Answer =>
    typeof held === 'string'
      ? { error: new AppError(held === 'quota_full' ? 'booking.quota_full' : 'booking.sold_out') }
      : { value: presentBooking({ ...held, confirmed_at: null, ended_at: null, version: 1 }) };

  async function write(trx: Trx, items: readonly SaleItem[]): Promise<(SaleBooking | Error)[]> {
    const claims = await groupedOnce.claim(trx, items.map((i) => i.ctx));
    const answers = [...claims];
    for (const season of new Set(items.map((i) => i.season))) {
      const mine = items.flatMap((item, i) => (item.season === season ? [i] : []));
      const out = await writeSeason(trx, season, mine.map((i) => items[i]!), mine.map((i) => claims[i]!));
      mine.forEach((i, k) => (answers[i] = out[k]!));
    }
    return answers.map((a) => (a === 'fresh' ? new Error('open sale: a request left unanswered') : 'error' in a ? a.error : (a.value as SaleBooking)));
  }

  const inTransaction = (items: readonly SaleItem[]) => db.kysely.transaction().execute((trx) => write(trx, items));
  const loader = groupLoader<SaleItem, SaleBooking>((items) => writeInRounds(items, (i) => i.ctx.actor!.accountId, inTransaction));

  return {
    /** Books, once the admission is checked; resolves when the booking (or its refusal) is committed. */
    book: (item: SaleItem) => loader.load(item),
  };
}
export type SaleWriter = ReturnType<typeof createSaleWriter>;
