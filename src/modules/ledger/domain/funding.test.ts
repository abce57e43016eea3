import { describe, expect, it } from 'vitest';
import { judgeFunding, type FundingRequest, type FundingVerdict } from './funding.ts';

const pay = (payer: string, amount: number, to = 'payable'): FundingRequest => ({ payer, legs: [{ debit: payer, credit: to, amount }] });
const ok: FundingVerdict = { ok: true };
const short = (missing: number, available: number, needed: number): FundingVerdict => ({ ok: false, code: 'wallet.insufficient_funds', params: { missing, available, needed } });

describe('a wallet never goes below zero, within a batch judged in arrival order', () => {
  it.each([
    { name: 'one payment the wallet covers', wallets: { w1: 100 }, requests: [pay('w1', 100)], expected: [ok] },
    { name: 'one payment a halala too big', wallets: { w1: 100 }, requests: [pay('w1', 101)], expected: [short(1, 100, 101)] },
    { name: 'the same wallet twice: the second sees the first', wallets: { w1: 100 }, requests: [pay('w1', 60), pay('w1', 60)], expected: [ok, short(20, 40, 60)] },
    { name: 'a refusal leaves the wallet to the next', wallets: { w1: 100 }, requests: [pay('w1', 150), pay('w1', 100)], expected: [short(50, 100, 150), ok] },
    { name: 'a refusal is its own: other wallets are unaffected', wallets: { w1: 10, w2: 100 }, requests: [pay('w1', 50), pay('w2', 50), pay('w2', 50)], expected: [short(40, 10, 50), ok, ok] },
    { name: 'ten payments of 10 from 100, then the eleventh', wallets: { w1: 100 }, requests: Array.from({ length: 11 }, () => pay('w1', 10)), expected: [...Array.from({ length: 10 }, () => ok), short(10, 0, 10)] },
    { name: 'a wallet credited earlier in the batch may spend it', wallets: { w1: 100, w2: 0 }, requests: [pay('w1', 70, 'w2'), pay('w2', 70)], expected: [ok, ok] },
    { name: 'a credit later in the batch does not help an earlier payment', wallets: { w1: 100, w2: 0 }, requests: [pay('w2', 70), pay('w1', 70, 'w2')], expected: [short(70, 0, 70), ok] },
    { name: 'a payer that is not a wallet', wallets: { w1: 100 }, requests: [pay('payable', 10), pay('w1', 10)], expected: [{ ok: false, code: 'ledger.not_a_wallet', params: {} }, ok] },
    { name: 'only the legs the payer pays count (the VAT leg too)', wallets: { w1: 115 },
      requests: [{ payer: 'w1', legs: [{ debit: 'w1', credit: 'payable', amount: 100 }, { debit: 'w1', credit: 'vat', amount: 15 }] }, pay('w1', 1)], expected: [ok, short(1, 0, 1)] },
    { name: 'a transfer without a payer is not checked, but moves the wallets it touches', wallets: { w1: 0 },
      requests: [{ payer: null, legs: [{ debit: 'bank', credit: 'w1', amount: 30 }] }, pay('w1', 30), pay('w1', 1)], expected: [ok, ok, short(1, 0, 1)] },
    { name: 'a wallet already below its holds (available negative) pays nothing, and the missing amount ignores the debt', wallets: { w1: -5 }, requests: [pay('w1', 10)], expected: [short(10, -5, 10)] },
  ])('$name', ({ wallets, requests, expected }) => {
    expect(judgeFunding(new Map(Object.entries(wallets)), requests)).toEqual(expected);
  });

  it('never leaves an accepted payer below zero, whatever the batch (property)', () => {
    for (let t = 0; t < 300; t++) {
      const wallets = new Map(Array.from({ length: 1 + (t % 5) }, (_, i) => [`w${i}`, (t * 7919 + i * 104729) % 1000] as [string, number]));
      const ids = [...wallets.keys()];
      const requests = Array.from({ length: 1 + (t % 17) }, (_, r) => pay(ids[(t + r) % ids.length]!, 1 + ((t * 31 + r * 97) % 400), r % 3 === 0 ? ids[(r * 7) % ids.length] : 'payable'))
        .filter((r) => r.legs[0]!.debit !== r.legs[0]!.credit);
      const verdicts = judgeFunding(wallets, requests);
      const left = new Map(wallets);
      requests.forEach((r, i) => {
        if (!verdicts[i]!.ok) return;
        for (const leg of r.legs) {
          left.set(leg.debit, left.get(leg.debit)! - leg.amount);
          if (left.has(leg.credit)) left.set(leg.credit, left.get(leg.credit)! + leg.amount);
        }
        expect(left.get(r.payer!)).toBeGreaterThanOrEqual(0);
      });
    }
  });
});
