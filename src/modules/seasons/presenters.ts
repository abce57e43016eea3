import type { Selectable } from 'kysely';
import { riyadhDate } from '../../core/dates.ts';
import type { Acting } from '../../core/policy.ts';
import { phaseAt, type SeasonCalendar } from './domain/calendar.ts';
import { seasonPolicy, type SeasonResource } from './policies.ts';
import type { SeasonsTable } from './tables.ts';

export interface SeasonInput {
  registrationOpens: string;
  preferenceOpens: string;
  preferenceCloses: string;
  drawAt: string;
  offersClose: string;
  openSaleAt: string;
  visaCutoff: string;
  referenceDate: string;
  arrivalDate: string;
  seasonEnd: string;
}

export function calendarOf(row: Selectable<SeasonsTable>): SeasonCalendar {
  return {
    registrationOpens: row.registration_opens,
    preferenceOpens: row.preference_opens,
    preferenceCloses: row.preference_closes,
    drawAt: row.draw_at,
    offersClose: row.offers_close,
    openSaleAt: row.open_sale_at,
    visaCutoff: row.visa_cutoff,
  };
}

/** A season as everyone reads it; `who` (the caller) gives the settings they may change now. */
export function present(row: Selectable<SeasonsTable>, now: Date, who: Acting = { actor: null }) {
  const c = calendarOf(row);
  return {
    code: row.code,
    phase: phaseAt(c, now),
    ...(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.toISOString()])) as Record<keyof SeasonCalendar, string>),
    referenceDate: row.reference_date,
    arrivalDate: row.arrival_date,
    seasonEnd: row.season_end,
    allowedActions: seasonPolicy.allowed(who, seasonResource(row, now)),
  };
}
export const seasonResource = (row: Pick<Selectable<SeasonsTable>, 'code' | 'season_end'>, now: Date): SeasonResource => ({ code: row.code, seasonEnd: row.season_end, over: riyadhDate(now) > row.season_end });
export type SeasonView = ReturnType<typeof present>;

