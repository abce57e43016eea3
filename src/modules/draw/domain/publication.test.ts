import { describe, expect, it } from 'vitest';
import type { DrawParameters } from './allocate.ts';
import { canonicalRecord, parseRecord, type DrawEntry } from './entries.ts';
import { fairnessAudit, type AuditEntry } from './fairness.ts';
import { ALGORITHM, computeDraw, parametersHash, resultRecord, verifyFiles, type DrawFiles } from './publication.ts';

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const entries: DrawEntry[] = Array.from({ length: 300 }, (_, i) => ({
  applicationId: id(i),
  familySize: 1 + (i % 8),
  country: ['FR', 'GB', 'US'][i % 3]!,
  choices: [`p${i % 7}`, `p${(i + 3) % 7}`],
  pool: i % 5 === 0 ? 'first_time' : 'general',
}));
const parameters: DrawParameters = {
  packages: Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, capacity: 60 })),
  quotas: [{ country: 'FR', seats: 150 }, { country: 'GB', seats: 150 }, { country: 'US', seats: 100 }],
  pools: [{ code: 'first_time', share: 0.2 }, { code: 'general' }],
};

function publish(randomValue = 'beacon round 1234'): DrawFiles {
  const { root, seed, placements } = computeDraw(entries, parameters, randomValue);
  return {
    commitment: { algorithm: ALGORITHM, season: '1448H', merkleRoot: root, entryCount: entries.length, parametersHash: parametersHash(parameters), frozenAt: '2026-05-01T00:00:00Z' },
    parameters,
    entries: entries.map(canonicalRecord),
    seed: { randomValue, randomSource: 'test', seed },
    results: placements.map((p) => resultRecord(p, entries)),
  };
}

describe('verifying a published draw from its files', () => {
  it('says identical for the files as published', () => {
    expect(verifyFiles(publish())).toMatchObject({ identical: true, entries: 300 });
  });

  it.each<[string, (f: DrawFiles) => void, RegExp]>([
    ['a result changed', (f) => (f.results[10] = f.results[10]!.replace(/"outcome":"(won|waiting)"/, (_m, o: string) => `"outcome":"${o === 'won' ? 'waiting' : 'won'}"`)), /line 11/],
    ['two results swapped', (f) => ([f.results[0], f.results[1]] = [f.results[1]!, f.results[0]!]), /line 1 /],
    ['an entry dropped', (f) => f.entries.pop(), /299 entries/],
    ['an entry altered', (f) => (f.entries[5] = f.entries[5]!.replace('"size":6', '"size":1')), /Merkle root/],
    ['the random value changed after the fact', (f) => (f.seed.randomValue = 'another value'), /seed/],
    ['a capacity changed', (f) => (f.parameters = { ...f.parameters, packages: f.parameters.packages.map((p) => ({ ...p, capacity: p.capacity + 1 })) }), /parameters/],
    ['a record not canonical', (f) => (f.entries[0] = f.entries[0]!.replace('{"id"', '{ "id"')), /canonical/],
  ])('says different when %s', (_name, tamper, reason) => {
    const files = publish();
    tamper(files);
    const verdict = verifyFiles(files);
    expect(verdict.identical).toBe(false);
    if (!verdict.identical) expect(verdict.reason).toMatch(reason);
  });

  it('round-trips canonical records', () => {
    for (const e of entries.slice(0, 10)) expect(parseRecord(canonicalRecord(e))).toEqual(e);
  });
});

describe('fairness audit', () => {
  const audited = (positionOf: (i: number) => number): AuditEntry[] =>
    Array.from({ length: 2000 }, (_, i) => ({ position: positionOf(i), won: positionOf(i) < 600, submittedAt: i * 1000, familySize: 1 + (i % 4), country: ['FR', 'GB'][i % 2]! }));

  it('does not flag a draw whose order came from the seed', () => {
    const { placements } = computeDraw(
      Array.from({ length: 2000 }, (_, i) => ({ applicationId: id(i), familySize: 1, country: 'FR', choices: ['p'], pool: 'general' })),
      { packages: [{ id: 'p', capacity: 600 }], quotas: [{ country: 'FR', seats: 600 }], pools: [{ code: 'general' }] },
      'v',
    );
    const position = new Map(placements.map((p) => [p.entry, p.position]));
    expect(fairnessAudit(audited((i) => position.get(i)!)).map((f) => f.flagged)).toEqual([false, false, false]);
  });

  it('flags a draw that favours early submissions (the voided visa lottery)', () => {
    const [time] = fairnessAudit(audited((i) => i)); // order = submission order
    expect(time!.factor).toBe('submission_time');
    expect(time!.flagged).toBe(true);
    expect(time!.winners.pValue).toBeLessThan(1e-6);
  });
});
