import { hash } from 'node:crypto';
import { canonicalJson } from '../../../common/draw/canonical-json.ts';
import type { Commitment, SeedFile } from '../../../common/draw/files.ts';
import type { DrawParameters, Placement } from './allocate.ts';
import type { DrawEntry } from './entries.ts';

export { ALGORITHM, type Commitment, type RandomnessSource, type RandomnessValue, type SeedFile } from '../../../common/draw/files.ts';

/**
 * The published files of a draw, byte for byte (docs/algorithms/draw.md §2–§3).
 * Every .json file is the canonical JSON (RFC 8785) of its content in UTF-8
 * with nothing before or after; every .ndjson file is one canonical JSON
 * object per line, each line ended by a line feed (an empty file when there
 * are no lines). Checking a file is hashing it.
 */
export const drawFileNames = ['commitment.json', 'parameters.json', 'entries.ndjson', 'seed.json', 'results.ndjson'] as const;
export type DrawFileName = (typeof drawFileNames)[number];
/** The files as published (bytes, or text to be encoded as UTF-8); a file not published yet is absent. */
export type DrawFiles = Partial<Record<DrawFileName, Uint8Array | string>>;

/** SHA-256 of the bytes (text is taken as UTF-8), lower-case hex. */
export const sha256Hex = (data: Uint8Array | string) => hash('sha256', data, 'hex');

/** UTC with milliseconds, as every time in the files: 2027-03-01T09:00:00.000Z. */
export const isoTime = (ms: number) => new Date(ms).toISOString();

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Parameters in their published form: packages by id, quotas by country (UTF-16 code-unit order), pools as declared. */
export function canonicalParameters(p: DrawParameters): DrawParameters {
  return {
    packages: [...p.packages].sort(byKey((x) => x.id)).map((x) => ({ id: x.id, seats: x.seats })),
    pools: p.pools.map((x) => (x.shareBps === undefined ? { code: x.code } : { code: x.code, shareBps: x.shareBps })),
    quotas: [...p.quotas].sort(byKey((x) => x.country)).map((q) => ({ country: q.country, seats: q.seats })),
  };
}

export const parametersFile = (p: DrawParameters) => canonicalJson(canonicalParameters(p));
export const commitmentFile = (c: Commitment) => canonicalJson(c);
export const seedFile = (s: SeedFile) => canonicalJson(s);
export const ndjson = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');

/**
 * One line of results.ndjson: {"id","outcome","package","phase","place","rank","waitlist"},
 * canonical. `place` counts from 1 (the first family in the draw order is place 1).
 */
export function resultLine(pl: Placement, entries: DrawEntry[]): string {
  const q = (v: string | null) => (v === null ? 'null' : `"${v}"`);
  // The same text as canonicalJson of the object: every value is a UUID, a code or an integer,
  // none of which JSON escapes (files.test.ts compares the two). Half a million lines a season.
  return `{"id":"${entries[pl.entry]!.applicationId}","outcome":"${pl.outcome}","package":${q(pl.packageId)},"phase":${q(pl.phase)},"place":${pl.position + 1},"rank":${pl.choiceRank ?? 'null'},"waitlist":${pl.waitlistPosition ?? 'null'}}`;
}
