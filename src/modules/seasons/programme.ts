import { isCountry } from '../../core/countries.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { SeasonContext } from './context.ts';

/** The countries of the direct programme. */
export function programmeUseCases(c: SeasonContext) {
  const { db, clock, repo, cached, forget } = c;
  return {
    programmeCountries: () => cached('programme', () => repo.programmeCountries(db.kysely)),

    async addCountry(ctx: RequestContext, code: string): Promise<void> {
      if (!isCountry(code)) throw new AppError('account.unknown_country', { country: code });
      await db.kysely.transaction().execute(async (trx) => {
        forget();
        await repo.addCountry(trx, code, clock.now());
        await writeAudit(trx, clock, ctx, { action: 'programme.country_added', subjectType: 'country', subjectId: code });
      });
      forget();
    },

    /** Removes a country from the programme, unless a season still gives it seats. */
    async removeCountry(ctx: RequestContext, code: string): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        const held = await repo.seatsHeldBy(trx, code);
        if (held) throw new AppError('season.country_has_quota', { country: code, season: held.season });
        forget();
        if (!(await repo.removeCountry(trx, code))) throw new AppError('season.country_not_in_programme', { country: code });
        await writeAudit(trx, clock, ctx, { action: 'programme.country_removed', subjectType: 'country', subjectId: code });
      });
      forget();
    },

  };
}
