import { createHmac } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import { addDays, gregorianOf, isValidDate } from '../../../core/dates.ts';
import { isCountry } from '../../../core/countries.ts';
import type { ArrivalMode, Gender, Residence } from '../../../common/statistics.ts';
import type { BatchSource } from '../tables.ts';

/**
 * The lines of an import batch (CSV or JSON), checked one by one: any bad line
 * refuses the whole batch, naming the line. Documents are reduced to a keyed
 * hash (`personKey`) at once and never stored.
 */
export const batchKinds = ['arrivals', 'departures'] as const;
export type BatchKind = (typeof batchKinds)[number];
export const batchSources = ['hajj_office', 'domestic_hajj', 'border'] as const satisfies readonly BatchSource[];
export const batchColumns = {
  arrivals: ['document', 'issuer', 'residence', 'nationality', 'gender', 'age', 'entry_port', 'arrival_date', 'makkah_route'],
  departures: ['document', 'issuer', 'departure_port', 'departure_date'],
} as const;

export interface ArrivalLine {
  line: number;
  personKey: string;
  residence: Residence;
  nationality: string;
  gender: Gender;
  age: number;
  arrivalMode: ArrivalMode | null;
  entryPort: string | null;
  arrivalDate: string;
  makkahRoute: boolean;
}
export interface DepartureLine {
  line: number;
  personKey: string;
  departurePort: string;
  departureDate: string;
}

/** What checking a line needs to know of the season and its reference data. */
export interface LineRules {
  season: string;
  source: BatchSource;
  secret: string;
  portMode: (code: string) => ArrivalMode | undefined;
  makkahRouteCountries: Set<string>;
}

/**
 * One pilgrim, one key: the document number compared without spaces, dashes or
 * case, per issuing country (as the pilgrims module compares passports), hashed
 * with the platform's secret so that the number cannot be recovered from it.
 */
export function personKey(secret: string, issuer: string, document: string): string {
  const normalized = `${issuer.toUpperCase()}:${document.replace(/[\s-]/g, '').toUpperCase()}`;
  const h = createHmac('sha256', secret).update(normalized).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The days a season's records may name: arrivals from 1 Shawwal to the Day of Arafah, departures up to 90 days after it. */
export function seasonWindow(year: number) {
  const arafah = gregorianOf(year, 12, 9);
  return { from: gregorianOf(year, 10, 1), arafah, until: addDays(arafah, 90) };
}

const bad = (line: number, problem: string, extra: Record<string, string> = {}): never => {
  throw new AppError('statistics.bad_line', { line, problem, ...extra });
};
const field = (raw: Record<string, unknown>, name: string) => (raw[name] === undefined || raw[name] === null ? '' : String(raw[name]).trim());
const pick = <T extends string>(line: number, value: string, name: string, allowed: readonly T[]): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : bad(line, 'bad_field', { value, field: name });

function documentOf(line: number, raw: Record<string, unknown>, rules: LineRules) {
  const document = field(raw, 'document');
  const issuer = field(raw, 'issuer').toUpperCase();
  if (!/^[A-Za-z0-9 -]{3,30}$/.test(document)) bad(line, 'bad_field', { value: '…', field: 'document' }); // a document number never goes into a message
  if (!/^[A-Z]{2}$/.test(issuer) || !isCountry(issuer)) bad(line, 'unknown_country', { value: issuer });
  return personKey(rules.secret, issuer, document);
}
function dayOf(line: number, value: string, name: string, from: string, until: string) {
  if (!isValidDate(value)) bad(line, 'bad_field', { value, field: name });
  if (value < from || value > until) bad(line, 'date_outside_season', { value });
  return value;
}

/** Checks one arrival line (`raw` from a CSV line or a JSON record; `line` counts from 1 as the sender sees it). */
export function arrivalLine(line: number, raw: Record<string, unknown>, rules: LineRules, window: ReturnType<typeof seasonWindow>): ArrivalLine {
  const personKey = documentOf(line, raw, rules);
  const residence = pick(line, field(raw, 'residence'), 'residence', ['foreign', 'domestic'] as const);
  const wanted = rules.source === 'domestic_hajj' ? 'domestic' : 'foreign';
  if (residence !== wanted) bad(line, 'wrong_residence', { value: wanted });
  const nationality = field(raw, 'nationality').toUpperCase();
  if (!/^[A-Z]{2}$/.test(nationality) || !isCountry(nationality)) bad(line, 'unknown_country', { value: nationality });
  const gender = pick(line, field(raw, 'gender'), 'gender', ['male', 'female'] as const);
  const ageText = field(raw, 'age');
  if (!/^\d{1,3}$/.test(ageText) || Number(ageText) > 130) bad(line, 'bad_field', { value: ageText, field: 'age' });
  const port = field(raw, 'entry_port').toUpperCase();
  const mode = port ? rules.portMode(port) : undefined;
  if (residence === 'domestic' && port) bad(line, 'port_for_domestic');
  if (residence === 'foreign' && !port) bad(line, 'no_port');
  if (port && !mode) bad(line, 'unknown_port', { value: port });
  const makkahRoute = pick(line, field(raw, 'makkah_route') || 'false', 'makkah_route', ['true', 'false'] as const) === 'true';
  if (makkahRoute && mode !== 'air') bad(line, 'makkah_route_not_air');
  if (makkahRoute && !rules.makkahRouteCountries.has(nationality)) bad(line, 'makkah_route_country', { value: nationality });
  return {
    line, personKey, residence, nationality, gender, age: Number(ageText), arrivalMode: mode ?? null, entryPort: port || null,
    arrivalDate: dayOf(line, field(raw, 'arrival_date'), 'arrival_date', window.from, window.arafah), makkahRoute,
  };
}

/** Checks one departure line. */
export function departureLine(line: number, raw: Record<string, unknown>, rules: LineRules, window: ReturnType<typeof seasonWindow>): DepartureLine {
  const personKey = documentOf(line, raw, rules);
  const port = field(raw, 'departure_port').toUpperCase();
  if (!rules.portMode(port)) bad(line, 'unknown_port', { value: port });
  return { line, personKey, departurePort: port, departureDate: dayOf(line, field(raw, 'departure_date'), 'departure_date', window.from, window.until) };
}

/** Refuses the second line naming a pilgrim already named earlier in the batch. */
export function refuseRepeats(lines: { line: number; personKey: string }[]) {
  const seen = new Set<string>();
  for (const l of lines) {
    if (seen.has(l.personKey)) bad(l.line, 'duplicate');
    seen.add(l.personKey);
  }
}
