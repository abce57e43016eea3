import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import type { Placement } from './allocate.ts';
import { canonicalRecord, parseRecord, type DrawEntry } from './entries.ts';
import { canonicalParameters, parametersFile, resultLine } from './files.ts';

const id = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pkg = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const entry: DrawEntry = { applicationId: id(1), familySize: 3, country: 'FR', choices: [pkg(2), pkg(1)], pool: 'first_time' };

describe('the published records are canonical JSON (RFC 8785)', () => {
  it.each<[string, DrawEntry]>([
    ['an ordinary record', entry],
    ['one choice', { ...entry, choices: [pkg(9)] }],
    ['a value JSON escapes (the general path)', { ...entry, pool: 'a"b\\c' }],
    ['a value outside ASCII (the general path)', { ...entry, country: 'Ω' }],
    ['a control character (the general path)', { ...entry, pool: 'a\u0001b' }],
  ])('writes %s exactly as the JCS reference implementation does', (_name, e) => {
    expect(canonicalRecord(e)).toBe(canonicalize({ id: e.applicationId, size: e.familySize, country: e.country, choices: e.choices, pool: e.pool }));
  });

  it.each<[string, Placement]>([
    ['a family that won', { entry: 0, position: 0, outcome: 'won', packageId: pkg(1), choiceRank: 2, phase: 'first_time', waitlistPosition: null }],
    ['a family that waits', { entry: 0, position: 41, outcome: 'waiting', packageId: null, choiceRank: null, phase: null, waitlistPosition: 7 }],
  ])('writes the result line of %s as canonical JSON, counting places from 1', (_name, p) => {
    const line = resultLine(p, [entry]);
    expect(line).toBe(canonicalize({ id: entry.applicationId, outcome: p.outcome, package: p.packageId, phase: p.phase, place: p.position + 1, rank: p.choiceRank, waitlist: p.waitlistPosition }));
    expect(JSON.parse(line).place).toBe(p.position + 1);
  });
});

describe('a published record is read back only when it is one', () => {
  const good = canonicalRecord(entry);
  it.each([
    ['keys in another order', JSON.stringify({ id: entry.applicationId, size: 3, country: 'FR', choices: entry.choices, pool: 'first_time' }), /canonical/],
    ['a space after a colon', good.replace('"size":3', '"size": 3'), /canonical/],
    ['a size written 3.0', good.replace('"size":3', '"size":3.0'), /canonical/],
    ['an upper-case id', good.replace(entry.applicationId, entry.applicationId.toUpperCase()), /UUID/],
    ['a family of nine', good.replace('"size":3', '"size":9'), /at most 8/],
    ['no choice', good.replace(/"choices":\[[^\]]*\]/, '"choices":[]'), /non-empty/],
    ['a package ranked twice', good.replace(pkg(1), pkg(2)), /repeat/],
    ['the pool named open', good.replace('first_time', 'open'), /pool code/],
    ['an extra key', good.replace('{', '{"name":"x",'), /exactly the keys/],
    ['not JSON', good.slice(0, -1), /not JSON/],
  ])('refuses %s', (_name, line, problem) => {
    const parsed = parseRecord(line);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });

  it('reads a canonical record back to the entry', () => expect(parseRecord(good)).toEqual(entry));
});

describe('parameters.json', () => {
  // The order a jsonb column gives back (pools, quotas, packages; seats before country), as an outsider found it.
  const stored = {
    pools: [{ code: 'first_time', shareBps: 2900 }, { code: 'general' }],
    quotas: [{ seats: 4, country: 'SN' }, { seats: 12, country: 'FR' }],
    packages: [{ seats: 7, id: pkg(2) }, { seats: 10, id: pkg(1) }],
  };

  it('lists packages by id and quotas by country (UTF-16 code units), pools in their declared order, keys sorted', () => {
    expect(parametersFile(stored)).toBe(
      `{"packages":[{"id":"${pkg(1)}","seats":10},{"id":"${pkg(2)}","seats":7}],"pools":[{"code":"first_time","shareBps":2900},{"code":"general"}],"quotas":[{"country":"FR","seats":12},{"country":"SN","seats":4}]}`,
    );
  });

  it('keeps the declared order of pools, which is the order their phases run', () => {
    expect(canonicalParameters({ ...stored, pools: [{ code: 'general' }, { code: 'first_time', shareBps: 100 }] }).pools.map((p) => p.code)).toEqual(['general', 'first_time']);
  });
});
