import type { SimulatedSeason } from './simulate.ts';
import type { CubeColumn } from './tabulate.ts';

/** The columns of a record, in the order of the table and of the CSV the simulator writes. */
export const recordColumns = [
  'season', 'person_key', 'source', 'batch_id', 'residence', 'nationality', 'gender', 'age', 'arrival_mode', 'entry_port', 'arrival_date', 'makkah_route', 'departure_port', 'departure_date',
] as const;
export const modeNames = [null, 'air', 'land', 'sea'] as const;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const word = (w: number) => HEX[w >>> 24]! + HEX[(w >>> 16) & 255]! + HEX[(w >>> 8) & 255]! + HEX[w & 255]!;

/** The pilgrim key of record `i` as a UUID. */
export function keyOf(s: SimulatedSeason, i: number): string {
  const a = word(s.key[i * 4]!);
  const b = word(s.key[i * 4 + 1]!);
  const c = word(s.key[i * 4 + 2]!);
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${word(s.key[i * 4 + 3]!)}`;
}

/**
 * Record `i`'s values in `recordColumns` order, null for none: the one
 * decoding of the simulator's columns that COPY, CSV and the tests share.
 */
export function valuesOf(s: SimulatedSeason, i: number): (string | number | boolean | null)[] {
  const mode = s.mode[i]!;
  const departed = s.departurePort[i]! > 0;
  return [
    s.season, keyOf(s, i), 'simulator', null, s.residence[i] ? 'domestic' : 'foreign', s.nationalities[s.nationality[i]!]!, s.gender[i] ? 'female' : 'male', s.age[i]!,
    modeNames[mode]!, mode ? s.ports[s.port[i]! - 1]! : null, s.days[s.arrivalDay[i]!]!, s.makkahRoute[i] === 1,
    departed ? s.ports[s.departurePort[i]! - 1]! : null, departed ? s.days[s.departureDay[i]!]! : null,
  ];
}

/** Record `i` with the cube's columns (to count it as SQL would). */
export function cubeRecordOf(s: SimulatedSeason, i: number): { [C in CubeColumn]: string | number | boolean | null } {
  const v = valuesOf(s, i);
  return {
    residence: v[4]!, gender: v[6]!, nationality: v[5]!, arrival_mode: v[8]!, entry_port: v[9]!, makkah_route: v[11]!, arrival_date: v[10]!,
    age_band: Math.min(Math.floor((v[7] as number) / 5), 18), departure_port: v[12]!, departure_date: v[13]!, source: v[2]!,
  };
}

/**
 * Record `i` as a line of COPY text (tab-separated, `\N` for null), ending in
 * `recordedAt`. No value of a simulated record needs escaping: they are codes,
 * numbers, dates and UUIDs.
 */
export function copyLineOf(s: SimulatedSeason, i: number, recordedAt: string): string {
  const v = valuesOf(s, i);
  let line = '';
  for (const x of v) line += (x === null ? '\\N' : x === true ? 't' : x === false ? 'f' : String(x)) + '\t';
  return line + recordedAt;
}

/** Record `i` as a CSV line (RFC 4180: no value needs quoting; empty for null; true/false). */
export function csvLineOf(s: SimulatedSeason, i: number): string {
  return valuesOf(s, i).map((x) => (x === null ? '' : String(x))).join(',');
}
