import type { Locale } from '../../common/i18n.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { SeasonContext } from './context.ts';
import { evaluate, type EligibilityRule, type Person } from './domain/eligibility.ts';

/** A season's eligibility rules: versions, and checking people against them. */
export function eligibilityUseCases(c: SeasonContext) {
  const { db, clock, repo, cached, forget, load } = c;
  const versioned = (row: { version: number; rules: EligibilityRule[] } | undefined) => (row ? { version: row.version, rules: row.rules } : { version: 0, rules: [] as EligibilityRule[] });

  async function rules(season: string): Promise<{ version: number; rules: EligibilityRule[] }> {
    await load(db.kysely, season);
    return versioned(await repo.latestRules(db.kysely, season));
  }

  /** Loads a season's rules and facts once (cached for a second), for evaluating many people. */
  async function evaluatorFor(season: string, locale: Locale) {
    const [row, latest, programme] = await Promise.all([
      cached(`season:${season}`, () => load(db.kysely, season)),
      cached(`rules:${season}`, () => repo.latestRules(db.kysely, season)),
      cached('programme', () => repo.programmeCountries(db.kysely)),
    ]);
    const current = versioned(latest);
    const facts = { referenceDate: row.reference_date, arrivalDate: row.arrival_date, seasonEnd: row.season_end, programmeCountries: new Set(programme) };
    return { version: current.version, evaluate: (person: Person) => evaluate(current.rules, person, facts, locale) };
  }

  return {
    rules,
    evaluatorFor,

    /** A new version of the season's rules; earlier evaluations keep naming the version they used. */
    async setRules(ctx: RequestContext, season: string, next: EligibilityRule[]) {
      const result = await db.kysely.transaction().execute(async (trx) => {
        await load(trx, season);
        const latest = await repo.latestRules(trx, season);
        const version = (latest?.version ?? 0) + 1;
        forget();
        await repo.insertRules(trx, season, version, next, ctx.actor?.accountId ?? null, clock.now());
        await writeAudit(trx, clock, ctx, { action: 'season.rules_changed', subjectType: 'season', subjectId: season, data: { version, codes: next.map((r) => r.code) } });
        return { version, rules: next };
      });
      forget();
      return result;
    },

    /** Checks one person against the season's current rules; nothing is stored. */
    async checkEligibility(season: string, person: Person, locale: Locale) {
      const evaluator = await evaluatorFor(season, locale);
      const results = evaluator.evaluate(person);
      return { version: evaluator.version, eligible: results.every((r) => r.passed), results };
    },
  };
}
