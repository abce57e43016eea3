import type { NewBooking, NewPermit } from './booking-repository.ts';
import { AppError, isAppError, type ErrorParams } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Executor, Trx } from '../../db/database.ts';
import { groupLoader, writeInRounds } from '../../db/group-loader.ts';
import { idempotencyStore } from '../../db/idempotency-store.ts';
import { auditInsert } from '../audit/index.ts';
import { publishEventsInsert } from '../events/index.ts';
import type { PermitContext, Signer, SiteFacts } from './context.ts';
import { judgeBatch, type PersonFacts, type WindowFacts } from './domain/booking-batch.ts';
import type { Ban, Held } from './domain/rules.ts';
import { presentBooking, type BookingView } from './presenters.ts';

export interface BookInput {
  windowId: string;
  /** The group: people the caller proved documents for; member 1 first. */
  personIds: string[];
}
interface Item {
  ctx: RequestContext;
  input: BookInput;
}
type Stored = { value?: unknown; error?: { code: string; params: ErrorParams } };

/**
 * Books permits by group commit (the model is applications/ranking-writer.ts):
 * requests that arrive while a batch is being written join the next one, and
 * one transaction writes them all, in three statements whatever the batch's size —
 *
 * 1. one statement tries the advisory lock of each Idempotency-Key (a key in flight elsewhere is
 *    refused) and locks every person of the batch in id order (the frequency rules hold under this
 *    lock, so two accounts with one document cannot both pass);
 * 2. one statement, whose snapshot is taken after that lock, locks every window in id order and
 *    reads the answers already recorded for the keys (given again), the people's live permits and
 *    penalties, and the accounts' proved people;
 *    then each request is judged on its own, in arrival order (domain/booking-batch.ts);
 * 3. one statement of data-modifying CTEs writes the accepted ones' places (a conditional UPDATE),
 *    bookings, signed permits, audit records and `permit.issued` events, and the answers of every
 *    keyed request; then one commit.
 *
 * Nothing is read per request before the batch: a retried key is answered by the batch (2), which
 * also reads the windows, whose sites come from a short cache (or are read in its transaction).
 *
 * Each caller gets its own answer or its own refusal. A batch that fails as a whole is retried one
 * request per transaction, so no request fails for another's fault.
 */
export function createBookingWriter(c: PermitContext) {
  const { db, clock } = c;

  const replay = (ctx: RequestContext, row: { request_hash: string; route: string; response_body: string | null }): BookingView | AppError => {
    const request = ctx.idempotency!;
    if (row.request_hash !== request.fingerprint || row.route !== request.operation) return new AppError('idempotency.key_reused');
    request.replayed = true;
    const stored = JSON.parse(row.response_body ?? '{}') as Stored;
    return stored.error ? new AppError(stored.error.code as never, stored.error.params) : (stored.value as BookingView);
  };

  /** One batch in the caller's transaction, signed by `signer` (fetched before it: see context.ts). */
  async function write(trx: Trx, items: readonly Item[], signer: Signer): Promise<(BookingView | AppError)[]> {
    const now = clock.now();
    const results: (BookingView | AppError | undefined)[] = new Array(items.length);
    // 1. One statement: each Idempotency-Key's advisory lock, tried (a key another transaction
    //    holds is in flight), and the people of the batch, locked in id order.
    const keyed = items.flatMap((item, i) => (item.ctx.idempotency && item.ctx.actor ? [{ i, principal: item.ctx.actor.accountId, key: item.ctx.idempotency.key }] : []));
    const personIds = [...new Set(items.flatMap(({ input }) => input.personIds))].sort();
    const { locked: lockedKeys, persons } = await c.repo.lockKeysAndPersons(trx, { keys: keyed, personIds }, c.guard);
    const locked = new Set(lockedKeys.map((k) => keyed[k]!.i));
    for (const k of keyed) if (!locked.has(k.i)) results[k.i] = new AppError('idempotency.in_flight');
    // 2. One statement, by a snapshot taken after the people's lock: the windows, locked in id
    //    order, with the answers recorded meanwhile for the keys (replayed) and what the rules judge by.
    const live = items.map((item, i) => ({ item, i })).filter(({ i }) => results[i] === undefined);
    const windowIds = [...new Set(live.map(({ item }) => item.input.windowId))].sort();
    const accountIds = [...new Set(live.map(({ item }) => item.ctx.actor!.accountId))];
    const { windows, answers, held, bans, links } = await c.repo.lockWindowsWithFacts(trx, { windowIds, keys: keyed.filter((k) => locked.has(k.i)), personIds, accountIds, now }, c.guard);
    const answered = new Map(answers.map((r) => [`${r.principal}:${r.key}`, r]));
    for (const k of keyed) {
      const row = locked.has(k.i) ? answered.get(`${k.principal}:${k.key}`) : undefined;
      if (row) results[k.i] = replay(items[k.i]!.ctx, row);
    }
    const todo = live.filter(({ i }) => results[i] === undefined);
    const people = new Map<string, PersonFacts & { salt: string; hash: string }>(persons.map((p) => [p.id, { id: p.id, gender: p.gender, name: p.name_en, held: new Map<string, Held[]>(), bans: new Map<string, Ban[]>(), salt: p.doc_salt, hash: p.doc_hash }]));
    for (const h of held) {
      const p = people.get(h.person_id)!;
      p.held.set(h.site_id, [...(p.held.get(h.site_id) ?? []), { startsAt: h.starts_at, endsAt: h.ends_at, unused: h.status === 'valid' }]);
    }
    for (const b of bans) {
      const p = people.get(b.person_id)!;
      p.bans.set(b.site_id, [...(p.bans.get(b.site_id) ?? []), { trigger: b.trigger, endsAt: b.ends_at }]);
    }
    const linked = new Map<string, Set<string>>();
    for (const l of links) linked.set(l.account_id, (linked.get(l.account_id) ?? new Set()).add(l.person_id));
    const facts = new Map<string, WindowFacts>(windows.map((w) => [w.id, { id: w.id, siteId: w.site_id, section: w.section, startsAt: w.starts_at, endsAt: w.ends_at, capacity: w.capacity, booked: w.booked, releaseAt: w.release_at, closedAt: w.closed_at }]));
    // The windows' sites: from the short cache, or read in this transaction (PGlite has one connection).
    const siteFacts = new Map<string, SiteFacts>();
    for (const id of new Set(windows.map((w) => w.site_id))) {
      const site = await c.siteIn(trx, id);
      if (site) siteFacts.set(id, site);
    }
    const verdicts = judgeBatch(todo.map(({ item }) => ({ accountId: item.ctx.actor!.accountId, windowId: item.input.windowId, personIds: item.input.personIds })), facts, siteFacts, people, (a) => linked.get(a) ?? new Set(), now);

    // Places, bookings, permits, audit, events for the accepted.
    const accepted = todo.filter((_t, k) => verdicts[k]!.ok);
    const takes = new Map<string, number>();
    for (const { item } of accepted) takes.set(item.input.windowId, (takes.get(item.input.windowId) ?? 0) + item.input.personIds.length);
    const rows = new Map(windows.map((w) => [w.id, w]));
    const bookings: NewBooking[] = [];
    const permits: NewPermit[] = [];
    // Every permit of the batch is signed at once, on the thread pool.
    const signed = await Promise.all(accepted.map(({ item }) => {
      const w = rows.get(item.input.windowId)!;
      const booking = { id: newId(), account_id: item.ctx.actor!.accountId, site_id: w.site_id, window_id: w.id, section: w.section, size: item.input.personIds.length, status: 'active' as const, created_at: now, updated_at: now };
      return c.issue(signer, siteFacts.get(w.site_id)!, w, booking.id, item.input.personIds.map((pid, m) => ({ personId: pid, memberIndex: m, docSalt: people.get(pid)!.salt, docHash: people.get(pid)!.hash })), now).then((issued) => ({ booking, issued }));
    }));
    for (const [k, { item, i }] of accepted.entries()) {
      const w = rows.get(item.input.windowId)!;
      const site = siteFacts.get(w.site_id)!;
      const { booking, issued } = signed[k]!;
      bookings.push(booking);
      permits.push(...issued.map((p) => ({ ...p, starts_at: w.starts_at, ends_at: w.ends_at })));
      results[i] = presentBooking(item.ctx, booking, w, issued.map((p) => ({ ...p, checked_in_at: null })), new Map(item.input.personIds.map((pid) => [pid, people.get(pid)!.name])), site, c.gatesFor(site, w.section), item.ctx.locale, now);
    }
    todo.forEach(({ i }, k) => {
      const v = verdicts[k]!;
      if (!v.ok) results[i] = new AppError(v.code, v.params);
    });
    // 3. One statement: the places, bookings, permits, audit records, events, and the answers of
    //    keyed requests (in the same transaction as their effects).
    const record = todo.filter(({ item }) => item.ctx.idempotency && item.ctx.actor);
    if (bookings.length || record.length) {
      const full = await c.repo.writeBookings(trx, {
        takes: [...takes].map(([id, n]) => ({ id, n })),
        bookings, permits, now,
        also: [
          auditInsert(clock, accepted.map(({ item }, k) => ({ ctx: item.ctx, entry: { action: 'permit.booked', subjectType: 'permit_booking', subjectId: bookings[k]!.id as string, data: { windowId: item.input.windowId, size: item.input.personIds.length } } }))),
          publishEventsInsert(clock, permits.map((p) => c.permitEvent('permit.issued', p))),
          idempotencyStore.recordMany(record.map(({ item, i }) => {
            const r = results[i]!;
            const stored: Stored = isAppError(r) ? { error: { code: r.code, params: r.params } } : { value: r };
            return { principal: item.ctx.actor!.accountId, key: item.ctx.idempotency!.key, method: 'OP', route: item.ctx.idempotency!.operation, request_hash: item.ctx.idempotency!.fingerprint, response_code: isAppError(r) ? r.status : 200, response_body: JSON.stringify(stored) };
          }), now),
        ],
      }, c.guard);
      if (full.length) throw new Error(`window ${full[0]} had no room although judged under lock`); // never: the batch is retried alone
    }
    return results as (BookingView | AppError)[];
  }

  // The signer is fetched before the transaction (a cached key; on a miss it is read outside any transaction).
  const inTransaction = async (items: readonly Item[]) => {
    const signer = await c.deps.signing.signer();
    return db.kysely.transaction().execute((trx) => write(trx, items, signer));
  };
  // A retry of one key within one batch waits for the next round (and then gets the first answer).
  const batch = (items: readonly Item[]) => writeInRounds(items, (item) => (item.ctx.idempotency ? `${item.ctx.actor?.accountId}:${item.ctx.idempotency.key}` : newId()), inTransaction);
  const loader = groupLoader<Item, BookingView>(batch);

  async function prepare(ctx: RequestContext): Promise<{ replayed: BookingView } | { signer: Signer }> {
    if (ctx.idempotency && ctx.actor) {
      const row = await idempotencyStore.find(db.kysely, ctx.actor.accountId, ctx.idempotency.key);
      if (row) {
        const r = replay(ctx, row);
        if (isAppError(r)) throw r;
        return { replayed: r };
      }
    }
    return { signer: await c.deps.signing.signer() };
  }

  return {
    /**
     * Books a window for a group; resolves once the permits are committed (group commit).
     * Nothing is read for the request alone: a retried Idempotency-Key is answered by the batch
     * (step 2), the window and its site are read there too.
     */
    book: (ctx: RequestContext, input: BookInput): Promise<BookingView> => loader.load({ ctx, input }),
    /** What booking needs read before its transaction (the signer, any earlier answer). */
    prepare,
    /**
     * The same judging and writing, alone, in the caller's transaction, with what `prepare`
     * read before it (the race tests drive it directly: on PGlite nothing may be read outside
     * an open transaction).
     */
    async bookIn(trx: Trx, ctx: RequestContext, input: BookInput, p: Awaited<ReturnType<typeof prepare>>): Promise<BookingView> {
      if ('replayed' in p) return p.replayed;
      const [r] = await write(trx, [{ ctx, input }], p.signer);
      if (isAppError(r)) throw r;
      return r!;
    },
  };
}
export type BookingWriter = ReturnType<typeof createBookingWriter>;
export type { Executor };
