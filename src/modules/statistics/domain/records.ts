import type { SimulatedSeason } from './simulate.ts';
import type { CubeColumn } from './tabulate.ts';

/** The columns of a record, in the order of the table and of the CSV the simulator writes. */
export const recordColumns = [
  'season', 'person_key', 'source', 'batch_id', 'residence', 'nationality', 'gender', 'age', 'arrival_mode', 'entry_port', 'arrival_date', 'makkah_route', 'departure_port', 'departure_date',
] as const;
export const modeNames = [null, 'air', 'land', 'sea'] as const;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The pilgrim key of record `i` as a UUID (written byte by byte: this runs two million times a load). */
export function keyOf(s: SimulatedSeason, i: number): string {
  const k = s.key;
  const a = k[i * 4]!;
  const b = k[i * 4 + 1]!;
  const c = k[i * 4 + 2]!;
  const d = k[i * 4 + 3]!;
  return HEX[a >>> 24]! + HEX[(a >>> 16) & 255]! + HEX[(a >>> 8) & 255]! + HEX[a & 255]! + '-' + HEX[b >>> 24]! + HEX[(b >>> 16) & 255]! + '-' + HEX[(b >>> 8) & 255]! + HEX[b & 255]!
    + '-' + HEX[c >>> 24]! + HEX[(c >>> 16) & 255]! + '-' + HEX[(c >>> 8) & 255]! + HEX[c & 255]! + HEX[d >>> 24]! + HEX[(d >>> 16) & 255]! + HEX[(d >>> 8) & 255]! + HEX[d & 255]!;
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
 * Records `from` to `to` as COPY text (tab-separated, `\\N` for null, a line
 * each, ending in `recordedAt`), in `recordColumns` order then `recorded_at`.
 * No value of a simulated record needs escaping: they are codes, numbers,
 * dates and UUIDs. Written as one string by concatenation, with no array per
 * record: this is the load's hot loop (the benchmark's `season.load.ms`).
 */
export function copyChunkOf(s: SimulatedSeason, from: number, to: number, recordedAt: string): string {
  const { nationalities: nat, ports, days } = s;
  const head = `${s.season}\t`;
  const tail = `\t${recordedAt}\n`;
  let out = '';
  for (let i = from; i < to; i++) {
    const mode = s.mode[i]!;
    const dp = s.departurePort[i]!;
    out += head + keyOf(s, i) + '\tsimulator\t\\N\t' + (s.residence[i] ? 'domestic\t' : 'foreign\t') + nat[s.nationality[i]!]! + (s.gender[i] ? '\tfemale\t' : '\tmale\t') + s.age[i]!
      + (mode ? `\t${modeNames[mode]!}\t${ports[s.port[i]! - 1]!}\t` : '\t\\N\t\\N\t') + days[s.arrivalDay[i]!]! + (s.makkahRoute[i] ? '\tt' : '\tf')
      + (dp ? `\t${ports[dp - 1]!}\t${days[s.departureDay[i]!]!}` : '\t\\N\t\\N') + tail;
  }
  return out;
}

/** Record `i` as one line of COPY text (see `copyChunkOf`). */
export const copyLineOf = (s: SimulatedSeason, i: number, recordedAt: string) => copyChunkOf(s, i, i + 1, recordedAt).slice(0, -1);

/** Record `i` as a CSV line (RFC 4180: no value needs quoting; empty for null; true/false). */
export function csvLineOf(s: SimulatedSeason, i: number): string {
  return valuesOf(s, i).map((x) => (x === null ? '' : String(x))).join(',');
}
