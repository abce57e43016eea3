import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { validationKeys, validationMessage } from '../../../src/common/validation-messages.ts';
import { currentLanguage } from '../i18n/index.ts';

import '../../../src/common/schemas/kit.ts'; // registers the formats and kinds the shared schemas use

/**
 * Checks a form against the very schema the server validates the request
 * with, and returns one translated message per field, so that the pilgrim
 * sees a precise message before sending anything.
 */
export function validate(schema: TSchema, data: unknown): Record<string, string> {
  const lang = currentLanguage();
  const out: Record<string, string> = {};
  for (const error of Value.Errors(schema, data)) {
    const field = error.path.split('/')[1] ?? '';
    if (!field || out[field]) continue;
    const s = error.schema as { minLength?: number; maxLength?: number; format?: string };
    let message: string;
    switch (error.type) {
      case ValueErrorType.ObjectRequiredProperty:
        message = validationMessage('required', lang);
        break;
      case ValueErrorType.StringMinLength:
        message = (data as Record<string, unknown>)[field] === ''
          ? validationMessage('required', lang)
          : validationMessage('minLength', lang, { limit: s.minLength ?? 0 });
        break;
      case ValueErrorType.StringMaxLength:
        message = validationMessage('maxLength', lang, { limit: s.maxLength ?? 0 });
        break;
      case ValueErrorType.StringFormat:
        message = validationMessage(validationKeys.find((k) => k === `format.${s.format}`) ?? 'invalid', lang);
        break;
      case ValueErrorType.StringPattern:
        message = validationMessage('pattern', lang);
        break;
      default:
        message = validationMessage('invalid', lang);
    }
    out[field] = message;
  }
  return out;
}
