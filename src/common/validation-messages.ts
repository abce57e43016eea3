import type { ErrorObject } from 'ajv';
import type { Locale } from './i18n.ts';
import { sharedText } from './texts.ts';

/** A field-level problem, as returned in `errors` of a problem document. */
export interface FieldError {
  /** JSON pointer into the request part, e.g. `/body/email`. */
  pointer: string;
  message: string;
}

/** Per-field messages for schema violations, in every language. */
/** Per-field messages for schema violations: `validation.<key>` in the catalogs (src/i18n/<language>/common.json). */
export const validationKeys = [
  'required', 'additionalProperties', 'type', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'format.email', 'format.uuid', 'format.date-time', 'format.date', 'enum', 'minItems', 'maxItems', 'invalid', 'illFormedText',
] as const;
const isMessageKey = (key: string): key is MessageKey => (validationKeys as readonly string[]).includes(key);

/** A field message in the reader's language. */
export const validationMessage = (key: MessageKey, locale: Locale, params: Record<string, string | number> = {}) => sharedText(locale, 'validation', key, params);


type MessageKey = (typeof validationKeys)[number];

/**
 * Turns Ajv errors into translated field errors. Union-of-literals failures
 * (anyOf over `const`) are folded into one "must be one of" message.
 */
export function translateValidation(errors: ErrorObject[], part: string, locale: Locale): FieldError[] {
  const out = new Map<string, FieldError>();
  const unionValues = new Map<string, unknown[]>();
  for (const e of errors) {
    if (e.keyword === 'const') {
      const list = unionValues.get(e.instancePath) ?? [];
      list.push((e.params as { allowedValue: unknown }).allowedValue);
      unionValues.set(e.instancePath, list);
    }
  }
  for (const e of errors) {
    let pointer = `/${part}${e.instancePath}`;
    let key: MessageKey = 'invalid';
    let params: Record<string, string | number> = {};
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        pointer += `/${String(p.missingProperty)}`;
        key = 'required';
        break;
      case 'additionalProperties':
        pointer += `/${String(p.additionalProperty)}`;
        key = 'additionalProperties';
        break;
      case 'type': {
        const t = String(p.type).split(',')[0] ?? '';
        key = 'type';
        params = { type: sharedText(locale, 'validationTypes', t) };
        break;
      }
      case 'minLength':
      case 'maxLength':
      case 'minimum':
      case 'maximum':
      case 'minItems':
      case 'maxItems':
        key = e.keyword;
        params = { limit: Number(p.limit) };
        break;
      case 'pattern':
        key = 'pattern';
        break;
      case 'format':
        {
          const k = `format.${String(p.format)}`;
          key = isMessageKey(k) ? k : 'invalid';
        }
        break;
      case 'enum':
        key = 'enum';
        params = { values: (p.allowedValues as unknown[]).join(', ') };
        break;
      case 'anyOf':
      case 'const': {
        const values = unionValues.get(e.instancePath);
        if (values) {
          key = 'enum';
          params = { values: values.join(', ') };
        }
        break;
      }
    }
    if (!out.has(pointer) || key !== 'invalid') {
      out.set(pointer, { pointer, message: validationMessage(key, locale, params) });
    }
  }
  return [...out.values()];
}
