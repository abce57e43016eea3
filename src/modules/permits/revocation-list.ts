import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { PermitContext } from './context.ts';
import { RevocationList, encodeListBody, sortEntries } from '../../common/permits/revocations.ts';
import { uuidToBytes } from '../../common/permits/bytes.ts';

const REBUILD_MS = 3_600_000;

/**
 * The signed, numbered revocation list (docs/algorithms/permits.md).
 *
 * A revocation is written in the transaction that cancels, moves or closes a
 * permit, without a number. Numbers are given after commit, by one publisher
 * at a time (an advisory lock), in one statement: so when number N is visible,
 * every number below it is too, and a gate that synced up to N knows every
 * revocation numbered up to N — the guarantee a gate states. Publishing runs
 * before every read of the list, and in the background.
 *
 * The snapshot (every revocation whose permit has not yet expired) is kept
 * per process as one sorted byte array, brought forward with the deltas and
 * rebuilt hourly (dropping expired permits); deltas are read from the table.
 */
export function revocationListUseCases(c: PermitContext) {
  const { db, clock } = c;
  let cached: { list: RevocationList; builtAt: number; bytes: Uint8Array | null } | null = null;
  let building: Promise<unknown> | null = null;

  /** Numbers the committed revocations that have none, in one statement, one publisher at a time. */
  async function publish(): Promise<number> {
    return db.kysely.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended('permit-revocations', 0))`.execute(trx);
      const r = await sql`
        update permit_revocations r set seq = s.n
        from (select id, (select coalesce(max(seq), 0) from permit_revocations) + row_number() over (order by id) as n
              from permit_revocations where seq is null) s
        where r.id = s.id`.execute(trx);
      return Number(r.numAffectedRows ?? 0);
    });
  }
  const head = async () => Number((await sql<{ n: number | null }>`select max(seq) as n from permit_revocations`.execute(db.kysely)).rows[0]?.n ?? 0);
  const idsBetween = async (after: number, upTo: number, liveOnly: boolean) => {
    let q = db.kysely.selectFrom('permit_revocations').select('permit_id').where('seq', '>', after).where('seq', '<=', upTo);
    if (liveOnly) q = q.where('expires_at', '>', clock.now());
    return (await q.execute()).map((r) => uuidToBytes(r.permit_id));
  };

  async function signed(kind: 'snapshot' | 'delta', from: number, to: number, entries: Uint8Array): Promise<Uint8Array> {
    const signer = await c.deps.signing.signer();
    const body = encodeListBody({ kind, keyId: signer.keyId, from, to, issuedAt: Math.floor(clock.now().getTime() / 1000), entries });
    const out = new Uint8Array(body.length + 64);
    out.set(body);
    out.set(signer.sign(body), body.length);
    return out;
  }

  async function current(): Promise<RevocationList> {
    await publish();
    const top = await head();
    const now = clock.now().getTime();
    if (!cached || now - cached.builtAt > REBUILD_MS || top < cached.list.seq) {
      cached = { list: new RevocationList(sortEntries(await idsBetween(0, top, true)), top), builtAt: now, bytes: null };
    } else if (top > cached.list.seq) {
      cached.list.apply({ kind: 'delta', keyId: 0, from: cached.list.seq, to: top, issuedAt: 0, entries: sortEntries(await idsBetween(cached.list.seq, top, false)) });
      cached.bytes = null;
    }
    return cached.list;
  }

  return {
    publish,
    /** Where the list stands: its number and size, and the platform's time. */
    async head() {
      const list = await current();
      return { seq: list.seq, count: list.size, serverTime: clock.now().toISOString() };
    },
    /** The whole list as of now, signed (binary). */
    async snapshot(): Promise<{ seq: number; bytes: Uint8Array }> {
      // One build at a time per process: a burst of gates at the start of a shift waits for one build.
      while (building) await building;
      const job = (async () => {
        const list = await current();
        cached!.bytes ??= await signed('snapshot', 0, list.seq, list.entries);
        return { seq: list.seq, bytes: cached!.bytes };
      })();
      building = job.catch(() => undefined);
      try {
        return await job;
      } finally {
        building = null;
      }
    },
    /** Every revocation numbered after `since`, signed (binary): what a gate that synced up to `since` needs. */
    async delta(since: number): Promise<{ seq: number; bytes: Uint8Array }> {
      await publish();
      const top = await head();
      if (since > top) throw new AppError('permit.revocations_ahead', { since, head: top });
      return { seq: top, bytes: await signed('delta', since, top, sortEntries(await idsBetween(since, top, false))) };
    },
  };
}
