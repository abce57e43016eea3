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
 * The canonical record: JSON with keys in this fixed order and no spaces,
 * e.g. {"id":"…","size":3,"country":"FR","choices":["…","…"],"pool":"general"}.
 */
export function canonicalRecord(e: DrawEntry): string {
  // The fast path builds the same text as JSON.stringify when no value needs escaping (ids,
  // country and pool codes never do); anything else goes through JSON.stringify itself.
  if (Number.isInteger(e.familySize) && ![e.applicationId, e.country, e.pool, ...e.choices].some((v) => NEEDS_ESCAPE.test(v))) {
    return `{"id":"${e.applicationId}","size":${e.familySize},"country":"${e.country}","choices":[${e.choices.length ? `"${e.choices.join('","')}"` : ''}],"pool":"${e.pool}"}`;
  }
  return JSON.stringify({ id: e.applicationId, size: e.familySize, country: e.country, choices: e.choices, pool: e.pool });
}
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Parses a published record back; throws on anything that is not canonical. */
export function parseRecord(line: string): DrawEntry {
  const raw = JSON.parse(line) as { id: string; size: number; country: string; choices: string[]; pool: string };
  const entry = { applicationId: raw.id, familySize: raw.size, country: raw.country, choices: raw.choices, pool: raw.pool };
  if (canonicalRecord(entry) !== line) throw new Error(`not a canonical record: ${line.slice(0, 80)}`);
  return entry;
}

/** Leaves are in ascending order of application id (plain code-unit comparison). */
export const byApplicationId = (a: DrawEntry, b: DrawEntry) => (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0);
