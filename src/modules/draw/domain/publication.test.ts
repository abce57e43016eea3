import { describe, expect, it } from 'vitest';
import type { DrawParameters } from './allocate.ts';
import type { DrawEntry } from './entries.ts';
import { fairnessAudit, type AuditEntry } from './fairness.ts';
import { computeDraw, resultTables } from './publication.ts';

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('the result tables of the public page', () => {
  const entries: DrawEntry[] = Array.from({ length: 300 }, (_, i) => ({
    applicationId: id(i), familySize: 1 + (i % 8), country: ['FR', 'GB', 'US'][i % 3]!, choices: [`p${i % 7}`, `p${(i + 3) % 7}`], pool: i % 5 === 0 ? 'first_time' : 'general',
  }));
  const parameters: DrawParameters = {
    packages: Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, seats: 60 })),
    quotas: [{ country: 'FR', seats: 150 }, { country: 'GB', seats: 150 }, { country: 'US', seats: 100 }],
    pools: [{ code: 'first_time', shareBps: 2000 }, { code: 'general' }],
  };

  it('count every family once, and never more seats than a package or a quota has', () => {
    const { placements } = computeDraw(entries, parameters, 'beacon round 1234');
    const tables = resultTables(entries, placements, parameters);
    expect(tables.entries).toBe(300);
    expect(tables.winners + tables.waiting).toBe(300);
    for (const p of tables.packages) expect(p.seatsWon).toBeLessThanOrEqual(p.capacity);
    for (const c of tables.countries) expect(c.seatsWon).toBeLessThanOrEqual(c.quota);
  });
});

describe('fairness audit', () => {
  const audited = (positionOf: (i: number) => number): AuditEntry[] =>
    Array.from({ length: 2000 }, (_, i) => ({ position: positionOf(i), won: positionOf(i) < 600, submittedAt: i * 1000, familySize: 1 + (i % 4), country: ['FR', 'GB'][i % 2]! }));

  it('does not flag a draw whose order came from the seed', () => {
    const { placements } = computeDraw(
      Array.from({ length: 2000 }, (_, i) => ({ applicationId: id(i), familySize: 1, country: 'FR', choices: ['p'], pool: 'general' })),
      { packages: [{ id: 'p', seats: 600 }], quotas: [{ country: 'FR', seats: 600 }], pools: [{ code: 'general' }] },
      'v',
    );
    const position = new Map(Array.from(placements.entry, (entry, place) => [entry, place]));
    expect(fairnessAudit(audited((i) => position.get(i)!)).map((f) => f.flagged)).toEqual([false, false, false]);
  });

  it('flags a draw that favours early submissions (the voided visa lottery)', () => {
    const [time] = fairnessAudit(audited((i) => i)); // order = submission order
    expect(time!.factor).toBe('submission_time');
    expect(time!.flagged).toBe(true);
    expect(time!.winners.pValue).toBeLessThan(1e-6);
  });
});
