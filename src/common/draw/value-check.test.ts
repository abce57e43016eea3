import { describe, expect, it } from 'vitest';
import { buildDrawVectors as buildVectors, tamperedCase } from '../../modules/draw/index.ts';
import { checkValueFiles, firstFailure } from './value-check.ts';

const vectors = buildVectors();
const file = (dir: string, name: string) => vectors.get(`draw-vectors/${dir}/${name}`)!;

describe('the check of the random value the public draw page runs in the browser', () => {
  it('passes every step on a real quicknet round, the signature checked against the shipped key', () => {
    const checks = checkValueFiles(file('small', 'commitment.json'), file('small', 'seed.json'));
    expect(checks.map((c) => [c.code, c.outcome])).toEqual([
      ['beacon_known', 'passed'], ['named_round', 'passed'], ['commitment_hash', 'passed'], ['entered_round', 'passed'], ['signature', 'passed'], ['randomness', 'passed'], ['seed', 'passed'],
    ]);
    expect(firstFailure(checks)).toBeUndefined();
  });

  it('says a declared value must be checked at its source, and where', () => {
    const checks = checkValueFiles(file('declared', 'commitment.json'), file('declared', 'seed.json'));
    expect(checks.find((c) => c.code === 'declared_value')).toMatchObject({ outcome: 'unchecked', detail: expect.stringContaining('the national lottery\'s results page') });
  });

  it.each([
    ['wrong-signature', 'signature'],
    ['other-round', 'entered_round'],
    ['changed-value', 'randomness'],
    ['changed-seed', 'seed'],
    ['later-round', 'named_round'],
  ])('stops at the first failed step of the tampered case %s (%s)', (name, code) => {
    const files = tamperedCase(vectors, name);
    expect(firstFailure(checkValueFiles(files['commitment.json'] as string, files['seed.json'] as string))?.code).toBe(code);
  });
});
