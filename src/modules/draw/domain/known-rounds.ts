import rounds from '../../../../data/drand-quicknet-rounds.json' with { type: 'json' };
import { quicknet, roundTimeMs } from '../../../common/draw/beacon.ts';

/**
 * Rounds of drand quicknet as the beacon published them
 * (data/drand-quicknet-rounds.json), so that the demo, the test vectors, the
 * simulator and the tests enter real signatures and check them offline: no
 * test calls the network.
 */
export const knownRounds: readonly { round: number; publishedAt: string; signature: string; randomness: string; url: string }[] = rounds.rounds;

/** The published signature of a shipped quicknet round. */
export function knownSignature(round: number): string {
  const known = knownRounds.find((r) => r.round === round);
  if (!known) throw new RangeError(`quicknet round ${round} is not shipped in data/drand-quicknet-rounds.json`);
  return known.signature;
}

/**
 * The last instant (ms) at which a freeze with `delaySeconds` names `round`
 * of quicknet: the round's time minus the delay. A freeze up to a period
 * earlier names it too.
 */
export const freezeInstantFor = (round: number, delaySeconds: number) => roundTimeMs(quicknet, round) - delaySeconds * 1000;
