import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { chainNamed, roundTimeMs, verifyRound } from '../../common/draw/beacon.ts';
import { writeAudit } from '../audit/index.ts';
import { seedOf, type EnteredValue } from './domain/publish.ts';
import type { DrawContext, DrawRow } from './context.ts';
import { drawPolicy } from './policies.ts';

/** What the ministry enters: the named round and its signature, or a declared value and where it was published. */
export type ValueInput = { round?: number | undefined; signature?: string | undefined; value?: string | undefined; source?: string | undefined };

/** Why an entered value is refused, or null. The refusal is audited. */
function refusal(draw: DrawRow, input: ValueInput, now: Date): AppError | null {
  const named = draw.randomness_source!;
  if (named.kind === 'drand') {
    if (input.round === undefined || input.signature === undefined) return new AppError('draw.round_required', { chain: named.chain, round: named.round });
    if (input.round !== named.round) return new AppError('draw.wrong_round', { round: input.round, named: named.round, chain: named.chain });
    const chain = chainNamed(named.chain)!;
    if (now.getTime() < roundTimeMs(chain, named.round)) return new AppError('draw.round_not_published', { round: named.round, at: named.roundTime });
    if (!verifyRound(chain, named.round, input.signature.toLowerCase())) return new AppError('draw.bad_signature', { round: named.round, chain: named.chain });
    return null;
  }
  if (input.value === undefined || input.source === undefined) return new AppError('draw.value_required');
  if (!/^[ -~]{1,200}$/.test(input.value)) return new AppError('draw.value_not_ascii');
  if (now.getTime() < Date.parse(named.notBefore)) return new AppError('draw.value_not_published', { at: named.notBefore });
  return null;
}

/** Entering the random value the commitment named (docs/algorithms/draw.md §5). */
export function randomValueUseCases(c: DrawContext) {
  const { db, clock, repo } = c;
  return {
    /**
     * Enters the value once it exists: for a beacon, the named round's signature, checked against
     * the beacon's public key; for a declared source, the value and where it was published. A
     * wrong round, a bad signature, a round not yet published or a second attempt is refused,
     * and the attempt itself is recorded.
     */
    async setRandomValue(ctx: RequestContext, season: string, input: ValueInput) {
      const refused = await db.kysely.transaction().execute(async (trx) => {
        const draw = await c.load(trx, season, true);
        const audit = (error: AppError) => writeAudit(trx, clock, ctx, {
          action: 'draw.random_value_refused', subjectType: 'draw', subjectId: season,
          data: { reason: error.code, attempted: { round: input.round ?? null, signature: input.signature ?? null, value: input.value ?? null, source: input.source ?? null }, kept: draw.random_value },
        }).then(() => error);
        if (draw.random_value !== null) return audit(new AppError('draw.random_value_set'));
        drawPolicy.assert(ctx, 'set_random_value', await c.resource(season, draw, trx));
        c.assertCurrentFormat(draw);
        const problem = refusal(draw, input, clock.now());
        if (problem) return audit(problem);
        const named = draw.randomness_source!;
        const entered: EnteredValue = named.kind === 'drand'
          ? { kind: 'drand', round: input.round!, signature: input.signature!.toLowerCase() }
          : { kind: 'declared', value: input.value!, source: input.source! };
        const seed = seedOf(c.commitment(draw), entered);
        const described = named.kind === 'drand' ? `${named.chain} round ${named.round} (${named.url})` : input.source!;
        await repo.update(trx, season, {
          status: 'seeded', random_value: seed.value, random_source: described, randomness: JSON.stringify(seed.randomness), seed: seed.seed,
          seeded_at: clock.now(), seeded_by: ctx.actor?.accountId ?? null,
        });
        await writeAudit(trx, clock, ctx, { action: 'draw.seeded', subjectType: 'draw', subjectId: season, data: { value: seed.value, source: described, randomness: seed.randomness, seed: seed.seed } });
        return null;
      });
      if (refused) throw refused;
      const seeded = await c.load(db.kysely, season);
      return c.view(seeded, ctx, await c.resource(season, seeded));
    },
  };
}
