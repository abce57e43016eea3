import { describe, expect, it } from 'vitest';
import rounds from '../../../data/drand-quicknet-rounds.json' with { type: 'json' };
import { firstRoundAtOrAfter, quicknet, randomnessOf, roundMessage, roundTimeMs, roundUrl, verifyRound } from './beacon.ts';

const [two, three] = rounds.rounds;
const round657413 = rounds.rounds.find((r) => r.round === 657413)!;

describe('drand quicknet rounds, checked offline against the chain\'s public key', () => {
  it('ships the chain information drand publishes for quicknet', () => {
    expect(rounds.chain).toMatchObject({ chainHash: quicknet.chainHash, publicKey: quicknet.publicKey, scheme: quicknet.scheme, genesisTime: quicknet.genesisTime, period: quicknet.period });
  });

  it.each(rounds.rounds)('round $round (published $publishedAt) verifies, and its randomness is SHA-256 of the signature', ({ round, signature, randomness, publishedAt, url }) => {
    expect(verifyRound(quicknet, round, signature)).toBe(true);
    expect(randomnessOf(signature)).toBe(randomness);
    expect(new Date(roundTimeMs(quicknet, round)).toISOString()).toBe(publishedAt);
    expect(roundUrl(quicknet, round)).toBe(url);
  });

  it.each([
    ['another round\'s signature', 3, two!.signature],
    ['a signature for the next round', 657414, round657413.signature],
    ['a flipped bit', 3, `${three!.signature.slice(0, 95)}${three!.signature.endsWith('4') ? '5' : '4'}`],
    ['not a curve point', 3, 'ff'.repeat(48)],
    ['not hex', 3, 'zz'.repeat(48)],
    ['upper-case hex (the files are lower case)', 3, three!.signature.toUpperCase()],
    ['too short', 3, three!.signature.slice(0, 94)],
    ['round 0', 0, three!.signature],
    ['a round past 2⁵³', 2 ** 53, three!.signature],
  ])('refuses %s', (_name, round, signature) => expect(verifyRound(quicknet, round, signature)).toBe(false));

  it('refuses a real signature checked against another key', () => {
    // The public key of drand's "walkthrough" test chain (same scheme), from drand-client's tests.
    const other = { publicKey: '81d320f220ee9c79e60e19dedc838c31e3ab919b15481e9feb52f643628c4f6a13fdc52129493875a818109d767272ca0541cbcdcea9335f2870d781b39b845ba8cbd44fdfe4967781cf72ca5917fc9398bcf97ca0548ed5a709016c4b1ff0f3' };
    expect(verifyRound(other, 3, three!.signature)).toBe(false);
  });

  it('signs the round number as 8 bytes, big-endian, hashed with SHA-256', () => {
    // printf '\x00\x00\x00\x00\x00\x00\x00\x03' | sha256sum
    expect(Buffer.from(roundMessage(3)).toString('hex')).toBe('d5688a52d55a02ec4aea5ec1eadfffe1c9e0ee6a4ddbe2377f98326d42dfc975');
  });
});

describe('which round a commitment names: the first published at or after the freeze plus the delay', () => {
  const t = (round: number) => roundTimeMs(quicknet, round);
  it.each([
    ['before genesis', quicknet.genesisTime * 1000 - 10_000, 1],
    ['exactly at genesis', quicknet.genesisTime * 1000, 1],
    ['one millisecond after genesis', quicknet.genesisTime * 1000 + 1, 2],
    ['one millisecond after round 657412', t(657412) + 1, 657413],
    ['exactly at round 657413', t(657413), 657413],
    ['one millisecond before round 657413', t(657413) - 1, 657413],
    ['the worked example of draw.md §5.1 (2023-09-15T10:50:01.500Z + 600 s)', Date.parse('2023-09-15T10:50:01.500Z') + 600_000, 657413],
  ])('%s → round %i', (_name, at, round) => expect(firstRoundAtOrAfter(quicknet, at)).toBe(round));

  it('publishes round 657413 of quicknet at 2023-09-15T11:00:03Z', () => {
    expect(new Date(t(657413)).toISOString()).toBe('2023-09-15T11:00:03.000Z');
  });
});
