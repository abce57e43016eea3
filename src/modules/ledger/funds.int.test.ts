import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../core/ids.ts';
import { createServices } from '../../services.ts';
import { createTestApp, testEngine, type TestApp } from '../../testing/harness.ts';
import { raceTransactions } from '../../testing/race.ts';

/**
 * No wallet below zero, under concurrency: twenty payments of 10 SAR race, each in its own
 * transaction, from a wallet holding 100 SAR. Guarded (the wallet's row locked and its running
 * totals checked in one statement): exactly ten are written, the others refused, and `ledger
 * check` finds nothing. The control, with the guard off (the balance read without a lock, then the
 * insert), overdraws the wallet and `ledger check` sees it: proof that the test can see both.
 * PGlite is one session, so there the race is serial and only the guarded run is meaningful.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

async function fundedWallet(services: TestApp['services'], amount: number) {
  return t.db.kysely.transaction().execute(async (trx) => {
    const wallet = await services.ledger.wallet(trx, newId());
    const bank = await services.ledger.platform(trx, 'bank');
    const payable = await services.ledger.providerPayable(trx, newId());
    await services.ledger.transfer(trx, [{ debit: bank.id, credit: wallet.id, amount, kind: 'top_up_bank', externalRef: newId() }]);
    return { wallet: wallet.id, payable: payable.id };
  });
}

const race = (services: TestApp['services'], wallet: string, payable: string, n: number, amount: number) =>
  raceTransactions(t.db, n, (trx) => services.ledger.transfer(trx, [{ debit: wallet, credit: payable, amount, kind: 'booking_payment' }], { fundedBy: wallet }));

describe('paying from a wallet under concurrency', () => {
  it('writes exactly as many payments as the wallet covers, and refuses the rest', async () => {
    const { wallet, payable } = await fundedWallet(t.services, 100_00);
    const outcomes = await race(t.services, wallet, payable, 20, 10_00);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'wallet.insufficient_funds')).toBe(true);
    const b = await t.services.ledger.balance(t.db.kysely, wallet);
    expect(b.available).toBe(0);
    expect(await t.services.ledger.check()).toEqual([]);
  });

  it('keeps the running totals equal to the sums of the transfers, however they were written (holds, posts, voids, plain SQL)', async () => {
    const { wallet, payable } = await fundedWallet(t.services, 50_00);
    await t.db.kysely.transaction().execute(async (trx) => {
      const held = await t.services.ledger.hold(trx, { debit: wallet, credit: payable, amount: 20_00, kind: 'booking_payment' }, new Date(Date.now() + 60_000));
      const voided = await t.services.ledger.hold(trx, { debit: wallet, credit: payable, amount: 5_00, kind: 'booking_payment' }, new Date(Date.now() + 60_000));
      await t.services.ledger.resolve(trx, held, 'post');
      await t.services.ledger.resolve(trx, voided, 'void');
    });
    await t.db.kysely.insertInto('ledger_transfers').values({ id: newId(), batch_id: newId(), debit_account: payable, credit_account: wallet, amount: 7_00, kind: 'refund', flags: 'posted', created_at: new Date() }).execute();
    const row = await t.db.kysely.selectFrom('ledger_accounts').select(['posted_total', 'held_total']).where('id', '=', wallet).executeTakeFirstOrThrow();
    expect([Number(row.posted_total), Number(row.held_total)]).toEqual([50_00 - 20_00 + 7_00, 0]);
    expect((await t.services.ledger.balance(t.db.kysely, wallet)).posted).toBe(37_00);
    expect(await t.services.ledger.check()).toEqual([]);
  });

  it('reports a wallet whose running totals differ from its transfers (a transfer written with the trigger off)', async () => {
    const { wallet, payable } = await fundedWallet(t.services, 10_00);
    const problems = await t.db.kysely.transaction().execute(async (trx) => {
      await sql`alter table ledger_transfers disable trigger ledger_wallet_totals`.execute(trx);
      await trx.insertInto('ledger_transfers').values({ id: newId(), batch_id: newId(), debit_account: payable, credit_account: wallet, amount: 3_00, kind: 'refund', flags: 'posted', created_at: new Date() }).execute();
      const found = await t.services.ledger.check(trx);
      await sql`alter table ledger_transfers enable trigger ledger_wallet_totals`.execute(trx);
      return found;
    });
    expect(problems.some((p) => p.includes('running totals 1000 posted, 0 held, but its transfers sum to 1300 and 0'))).toBe(true);
    // Mend the books for the tests after this one: the totals follow the sums again.
    await t.db.kysely.updateTable('ledger_accounts').set((eb) => ({ posted_total: eb('posted_total', '+', 3_00) })).where('id', '=', wallet).execute();
    expect(await t.services.ledger.check()).toEqual([]);
  });

  it.runIf(testEngine === 'postgres')('control: with the guard off the same race overdraws the wallet, and the ledger check sees it', async () => {
    const unguarded = createServices({ config: t.config, db: t.db, clock: t.clock, capacityGuard: 'unguarded' });
    const { wallet, payable } = await fundedWallet(unguarded, 100_00);
    const outcomes = await race(unguarded, wallet, payable, 20, 10_00);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(10);
    expect((await t.services.ledger.check()).some((p) => p.includes('available -'))).toBe(true);
  });
});
