import { canonicalJson } from '../../../common/draw/canonical-json.ts';

/**
 * What the draw commits to about each application: its id, family size,
 * country, ranked packages and pool. No names, no passports: these records
 * are published.
 */
export interface DrawEntry {
  applicationId: string;
  familySize: number;
  country: string;
  /** Package ids, first choice first. */
  choices: string[];
  pool: string;
}

/**
 * The record as published and hashed: canonical JSON (RFC 8785), keys in code-unit order,
 * e.g. {"choices":["…","…"],"country":"FR","id":"…","pool":"first_time","size":3}.
 */
export function canonicalRecord(e: DrawEntry): string {
  // At a season's scale (half a million records) the template is several times faster than the
  // general serialiser. It is the same text whenever no value needs escaping, which holds for
  // every id, country and pool code the platform accepts; anything else takes the general path.
  // The entries tests compare the two on every kind of value.
  if (isPlainEntry(e)) {
    return `{"choices":[${e.choices.length ? `"${e.choices.join('","')}"` : ''}],"country":"${e.country}","id":"${e.applicationId}","pool":"${e.pool}","size":${e.familySize}}`;
  }
  return canonicalJson({ choices: e.choices, country: e.country, id: e.applicationId, pool: e.pool, size: e.familySize });
}
// Anything outside printable ASCII, and the two characters JSON escapes in it.
const NEEDS_ESCAPE = /[^\u0020-\u007e]|["\\]/;
const plain = (v: string) => !NEEDS_ESCAPE.test(v);
/** True when no value of the record needs escaping (printable ASCII, no quote or backslash) and the size is an integer: the record is then the template's text. */
export const isPlainEntry = (e: DrawEntry) => Number.isInteger(e.familySize) && plain(e.applicationId) && plain(e.country) && plain(e.pool) && e.choices.every(plain);

const RECORD_KEYS = 'choices,country,id,pool,size';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COUNTRY = /^[A-Z]{2}$/;
const POOL = /^[a-z][a-z0-9_]{1,30}$/;

/** Parses a published record back, or says why the line is not one. */
export function parseRecord(line: string): DrawEntry | { problem: string } {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { problem: 'is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.keys(raw).sort().join(',') !== RECORD_KEYS) return { problem: `must have exactly the keys ${RECORD_KEYS}` };
  const { id, size, country, choices, pool } = raw;
  if (typeof id !== 'string' || typeof country !== 'string' || typeof pool !== 'string') return { problem: 'id, country and pool must be strings' };
  if (!Number.isInteger(size) || (size as number) < 1) return { problem: 'size must be a positive integer' };
  if (!Array.isArray(choices) || choices.length === 0 || choices.some((c) => typeof c !== 'string')) return { problem: 'choices must be a non-empty list of package ids' };
  // The rules of entries.schema.json (src/modules/draw/domain/file-schemas.ts), checked directly: at a
  // season's scale the generic validator costs more than the rest of the verification.
  if (!UUID.test(id)) return { problem: 'id must be a lower-case UUID' };
  if (!COUNTRY.test(country)) return { problem: 'country must be two capital letters' };
  if (!POOL.test(pool) || pool === 'open') return { problem: 'pool must be a pool code' };
  if ((size as number) > 8) return { problem: 'size must be at most 8' };
  if ((choices as string[]).some((c) => !UUID.test(c))) return { problem: 'every choice must be a lower-case UUID' };
  if (new Set(choices).size !== choices.length) return { problem: 'choices must not repeat a package' };
  const entry: DrawEntry = { applicationId: id, familySize: size as number, country, choices: choices as string[], pool };
  if (canonicalRecord(entry) !== line) return { problem: `is not canonical JSON (RFC 8785); expected ${canonicalRecord(entry)}` };
  return entry;
}

/** Leaves are in ascending order of application id, compared by UTF-16 code units (ids are ASCII, so byte order too). */
export const byApplicationId = (a: DrawEntry, b: DrawEntry) => (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0);
