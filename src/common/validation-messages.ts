import type { ErrorObject } from 'ajv';
import { interpolate, type Locale } from './i18n.ts';

/** A field-level problem, as returned in `errors` of a problem document. */
export interface FieldError {
  /** JSON pointer into the request part, e.g. `/body/email`. */
  pointer: string;
  message: string;
}

/** Per-field messages for schema violations, in every language. */
export const validationMessages = {
  required: { en: 'is required', ar: 'مطلوب' },
  additionalProperties: { en: 'is not an accepted field', ar: 'حقل غير مقبول' },
  type: { en: 'must be {type}', ar: 'يجب أن يكون {type}' },
  minLength: { en: 'must have at least {limit} characters', ar: 'يجب ألا يقل عن {limit} حرفًا' },
  maxLength: { en: 'must have at most {limit} characters', ar: 'يجب ألا يزيد على {limit} حرفًا' },
  minimum: { en: 'must be at least {limit}', ar: 'يجب ألا يقل عن {limit}' },
  maximum: { en: 'must be at most {limit}', ar: 'يجب ألا يزيد على {limit}' },
  pattern: { en: 'has characters or a form that is not accepted', ar: 'يحتوي على أحرف أو صيغة غير مقبولة' },
  'format.email': { en: 'must be a valid email address', ar: 'يجب أن يكون بريدًا إلكترونيًا صحيحًا' },
  'format.uuid': { en: 'must be a valid identifier', ar: 'يجب أن يكون معرّفًا صحيحًا' },
  'format.date-time': { en: 'must be a date and time (ISO 8601)', ar: 'يجب أن يكون تاريخًا ووقتًا (ISO 8601)' },
  'format.date': { en: 'must be a date (YYYY-MM-DD)', ar: 'يجب أن يكون تاريخًا (YYYY-MM-DD)' },
  enum: { en: 'must be one of: {values}', ar: 'يجب أن يكون أحد: {values}' },
  minItems: { en: 'must have at least {limit} items', ar: 'يجب ألا يقل عن {limit} عناصر' },
  maxItems: { en: 'must have at most {limit} items', ar: 'يجب ألا يزيد على {limit} عناصر' },
  invalid: { en: 'is not valid', ar: 'غير صالح' },
  illFormedText: { en: 'holds characters that are not well-formed text (a lone surrogate)', ar: 'يحتوي على محارف نصية غير سليمة (بديل منفرد)' },
} satisfies Record<string, Record<Locale, string>>;

export const typeNames = {
  string: { en: 'text', ar: 'نصًا' },
  integer: { en: 'a whole number', ar: 'عددًا صحيحًا' },
  number: { en: 'a number', ar: 'رقمًا' },
  boolean: { en: 'true or false', ar: 'صحيحًا أو خطأ' },
  object: { en: 'an object', ar: 'كائنًا' },
  array: { en: 'a list', ar: 'قائمة' },
  null: { en: 'null', ar: 'فارغًا' },
} satisfies Record<string, Record<Locale, string>>;

type MessageKey = keyof typeof validationMessages;

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
        const t = String(p.type).split(',')[0] as keyof typeof typeNames;
        key = 'type';
        params = { type: typeNames[t]?.[locale] ?? String(p.type) };
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
        key = (`format.${String(p.format)}` in validationMessages ? `format.${String(p.format)}` : 'invalid') as MessageKey;
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
      out.set(pointer, { pointer, message: interpolate(validationMessages[key][locale], params) });
    }
  }
  return [...out.values()];
}
