import { AppError } from '../core/errors.ts';
import type { Locale } from '../common/i18n.ts';
import { validationMessage } from '../common/validation-messages.ts';

/**
 * What every request's text goes through before a schema or a service sees it
 * (the edge): JSON nesting is bounded before parsing, every string and key must
 * be well-formed Unicode (a lone UTF-16 surrogate cannot be stored, compared or
 * shown), and text is normalised to NFC so that the same words typed on two
 * keyboards compare and search equal.
 */

/** Deep enough for every body the API takes (the eligibility rules nest four levels). */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `text`, read as JSON, opens more than `limit` arrays or objects
 * inside each other. One pass over the characters, strings skipped, so a
 * body nested 10,000 deep is refused before any recursive parser meets it.
 */
export function jsonTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function illFormed(pointer: string, locale: Locale): AppError {
  return new AppError('request.ill_formed_text', { field: pointer }, { fieldErrors: [{ pointer, message: validationMessage('illFormedText', locale) }] });
}

/**
 * Returns `value` with every string normalised to NFC, or throws
 * `request.ill_formed_text` naming the first string (or key) that holds a lone
 * surrogate. `pointer` is where `value` sits in the request (`/body`, `/querystring`).
 *
 * @example cleanInput({ name: 'e\u0301' }, '/body') // { name: 'é' }
 */
export function cleanInput<T>(value: T, pointer: string, locale: Locale = 'en'): T {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) throw illFormed(pointer, locale);
    return value.normalize('NFC') as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanInput(v, `${pointer}/${i}`, locale)) as T;
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (!key.isWellFormed()) throw illFormed(at, locale);
      out[key.normalize('NFC')] = cleanInput(v, at, locale);
    }
    // Keep the prototype (Fastify's query object has none) so nothing downstream changes behaviour.
    return Object.setPrototypeOf(out, Object.getPrototypeOf(value)) as T;
  }
  return value;
}
