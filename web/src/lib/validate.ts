import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { validationMessages } from '../../../src/common/validation-messages.ts';
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
        message = validationMessages.required[lang];
        break;
      case ValueErrorType.StringMinLength:
        message = (data as Record<string, unknown>)[field] === ''
          ? validationMessages.required[lang]
          : validationMessages.minLength[lang].replace('{limit}', String(s.minLength));
        break;
      case ValueErrorType.StringMaxLength:
        message = validationMessages.maxLength[lang].replace('{limit}', String(s.maxLength));
        break;
      case ValueErrorType.StringFormat:
        message = (validationMessages[`format.${s.format}` as keyof typeof validationMessages] ?? validationMessages.invalid)[lang];
        break;
      case ValueErrorType.StringPattern:
        message = validationMessages.pattern[lang];
        break;
      default:
        message = validationMessages.invalid[lang];
    }
    out[field] = message;
  }
  return out;
}
