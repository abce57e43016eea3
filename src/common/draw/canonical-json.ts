import canonicalize from 'canonicalize';

/**
 * The JSON Canonicalization Scheme (RFC 8785): object keys sorted by UTF-16
 * code units, no whitespace, numbers and strings as ECMAScript serialises
 * them. Every published file of the draw is exactly these bytes (UTF-8), so
 * checking a file is hashing it. The library is the RFC author's reference
 * implementation.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('not JSON-serialisable');
  return text;
}

/** Parses `text` and returns the value only if `text` is already its canonical form. */
export function parseCanonical(text: string): { value: unknown } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message})` };
  }
  let canonical: string;
  try {
    canonical = canonicalJson(value);
  } catch (error) {
    return { problem: `not canonical JSON (RFC 8785): ${(error as Error).message}` };
  }
  if (canonical !== text) {
    let at = 0;
    while (at < text.length && text[at] === canonical[at]) at++;
    return { problem: `not canonical JSON (RFC 8785): differs at character ${at + 1}, expected ${JSON.stringify(canonical.slice(at, at + 20))}` };
  }
  return { value };
}
