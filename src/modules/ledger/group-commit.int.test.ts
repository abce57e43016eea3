import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../core/ids.ts';
import { createServices } from '../../services.ts';
import { createTestApp, testEngine, type TestApp } from '../../testing/harness.ts';

/**
 * The group commit of payments (`transfer-writer.ts`) under concurrency: several ledgers (as
 * several server processes would be), each with two batches in flight, race payments of 10 SAR
 * from the same wallets holding 100 SAR each. Guarded (each batch's wallets locked in id order
 * and read in one statement, every payment judged in arrival order): exactly ten payments per
 * wallet are written, every other caller gets its own `wallet.insufficient_funds`, and `ledger
 * check` finds nothing. The control, with the guard off (the wallets read without their lock),
 * overdraws and `ledger check` sees it: proof that the test can see both. PGlite is one session,
 * so there the batches run one after another and only the guarded runs are meaningful.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

type Services = TestApp['services'];

async function fundedWallets(n: number, amount: number) {
  return t.db.kysely.transaction().execute(async (trx) => {
    const bank = await t.services.ledger.platform(trx, 'bank');
    const payable = await t.services.ledger.providerPayable(trx, newId());
    const wallets: string[] = [];
    for (let i = 0; i < n; i++) {
      const wallet = await t.services.ledger.wallet(trx, newId());
      await t.services.ledger.transfer(trx, [{ debit: bank.id, credit: wallet.id, amount, kind: 'top_up_bank', externalRef: newId() }]);
      wallets.push(wallet.id);
    }
    return { wallets, payable: payable.id };
  });
}

const outcome = (p: Promise<unknown>) => p.then(() => ({ code: 'ok', params: {} }), (error: { code?: string; params?: object }) => ({ code: error.code ?? String(error), params: error.params ?? {} }));

/**
 * `each` payments of `amount` from every wallet through every ledger, all at once: in waves
 * separated by a turn of the event loop, so that each ledger forms several batches, two in flight
 * and the rest queued, and a batch holds the same wallet more than once.
 */
async function race(ledgers: Services[], wallets: string[], payable: string, each: number, amount: number) {
  const byWallet = new Map(wallets.map((w) => [w, [] as Promise<{ code: string; params: object }>[]]));
  for (let wave = 0; wave < each; wave += 2) {
    for (const services of ledgers) {
      for (const wallet of wallets) {
        for (let k = wave; k < Math.min(each, wave + 2); k++) {
          byWallet.get(wallet)!.push(outcome(services.ledger.transferGrouped([{ debit: wallet, credit: payable, amount, kind: 'booking_payment' }], { fundedBy: wallet })));
        }
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return new Map(await Promise.all([...byWallet].map(async ([w, ps]) => [w, await Promise.all(ps)] as const)));
}

describe('paying from wallets by group commit', () => {
  it('writes exactly as many payments as each wallet covers, however the batches race, and refuses each other caller on its own', async () => {
    const { wallets, payable } = await fundedWallets(5, 100_00);
    const ledgers = [t.services, ...Array.from({ length: 3 }, () => createServices({ config: t.config, db: t.db, clock: t.clock }))];
    const outcomes = await race(ledgers, wallets, payable, 10, 10_00);
    for (const [wallet, results] of outcomes) {
      expect(results).toHaveLength(40);
      expect(results.filter((r) => r.code === 'ok')).toHaveLength(10);
      expect(results.filter((r) => r.code !== 'ok')).toEqual(Array.from({ length: 30 }, () => ({ code: 'wallet.insufficient_funds', params: { missing: 10_00, available: 0, needed: 10_00 } })));
      expect((await t.services.ledger.balance(t.db.kysely, wallet)).available).toBe(0);
    }
    expect(await t.services.ledger.check()).toEqual([]);
  });

  it('judges a batch in arrival order: a refusal is its own, a wallet\'s second payment sees its first, a payer that is no wallet is told so', async () => {
    const { wallets: [rich, poor], payable } = await fundedWallets(2, 50_00);
    const pay = (wallet: string, amount: number) => outcome(t.services.ledger.transferGrouped([{ debit: wallet, credit: payable, amount, kind: 'booking_payment' }], { fundedBy: wallet }));
    // Called in the same turn: one batch.
    const results = await Promise.all([pay(rich!, 30_00), pay(poor!, 60_00), pay(rich!, 30_00), pay(payable, 1_00), pay(rich!, 20_00), pay(poor!, 50_00)]);
    expect(results).toEqual([
      { code: 'ok', params: {} },
      { code: 'wallet.insufficient_funds', params: { missing: 10_00, available: 50_00, needed: 60_00 } },
      { code: 'wallet.insufficient_funds', params: { missing: 10_00, available: 20_00, needed: 30_00 } },
      { code: 'ledger.not_a_wallet', params: {} },
      { code: 'ok', params: {} },
      { code: 'ok', params: {} },
    ]);
    expect(await t.services.ledger.check()).toEqual([]);
  });

  it('retries a batch that fails as a whole one payment per transaction, so that only the faulty payment fails', async () => {
    const { wallets: [wallet], payable } = await fundedWallets(1, 50_00);
    const pay = (credit: string) => outcome(t.services.ledger.transferGrouped([{ debit: wallet!, credit, amount: 10_00, kind: 'booking_payment' }], { fundedBy: wallet! }));
    // The second credits an account that does not exist: the batch's insert breaks its foreign key.
    const results = await Promise.all([pay(payable), pay(newId()), pay(payable)]);
    expect(results.map((r) => r.code)).toEqual(['ok', expect.not.stringMatching(/^ok$/), 'ok']);
    expect((await t.services.ledger.balance(t.db.kysely, wallet!)).available).toBe(30_00);
    expect(await t.services.ledger.check()).toEqual([]);
  });

  it.runIf(testEngine === 'postgres')('control: with the guard off the same race overdraws the wallets, and the ledger check sees it', async () => {
    const { wallets, payable } = await fundedWallets(5, 100_00);
    const ledgers = Array.from({ length: 4 }, () => createServices({ config: t.config, db: t.db, clock: t.clock, capacityGuard: 'unguarded' }));
    const outcomes = await race(ledgers, wallets, payable, 10, 10_00);
    const written = [...outcomes.values()].map((results) => results.filter((r) => r.code === 'ok').length);
    expect(Math.max(...written)).toBeGreaterThan(10);
    expect((await t.services.ledger.check()).some((p) => p.includes('available -'))).toBe(true);
  });
});
