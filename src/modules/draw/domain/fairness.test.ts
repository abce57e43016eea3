import { describe, expect, it } from 'vitest';
import { chiSquareTest, fairnessAudit, type AuditEntry } from './fairness.ts';

describe('the chi-square test says when the data are too few to mean anything', () => {
  it.each([
    ['a single group: nothing to compare', [[10, 5]], false],
    ['23 families in two groups, expected counts below 5', [[3, 9], [2, 9]], false],
    ['one cell expected below 1', [[0, 40], [1, 200]], false],
    ['thousands of entries in four groups', [[250, 750], [260, 740], [240, 760], [255, 745]], true],
  ])('%s → sufficient: %s', (_name, table, sufficient) => expect(chiSquareTest(table).sufficient).toBe(sufficient));

  it('reports the smallest expected count', () => {
    expect(chiSquareTest([[10, 10], [10, 10]]).minExpected).toBe(10);
  });
});

describe('the fairness audit of a small season', () => {
  const entries: AuditEntry[] = Array.from({ length: 23 }, (_, i) => ({ position: i, won: i < 10, submittedAt: i * 1000, familySize: 1 + (i % 3), country: ['FR', 'GB', 'US', 'DE'][i % 4]! }));

  it('flags nothing it cannot test, and marks every test it cannot run as insufficient', () => {
    const audit = fairnessAudit(entries);
    expect(audit.map((f) => f.flagged)).toEqual([false, false, false]);
    for (const f of audit) expect([f.factor, f.order.sufficient, f.winners.sufficient]).toEqual([f.factor, false, false]);
  });
});
