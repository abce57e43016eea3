import type { ErrorObject } from 'ajv';
import '../i18n/catalog.ts'; // the server's catalogs provide the shared texts
import { describe, expect, it } from 'vitest';
import { translateValidation } from './validation-messages.ts';

const err = (keyword: string, instancePath: string, params: Record<string, unknown>) =>
  ({ keyword, instancePath, params, schemaPath: '', message: '' }) as ErrorObject;

describe('translateValidation', () => {
  it.each([
    [err('required', '', { missingProperty: 'email' }), 'en', { pointer: '/body/email', message: 'is required' }],
    [err('required', '', { missingProperty: 'email' }), 'ar', { pointer: '/body/email', message: 'مطلوب' }],
    [err('additionalProperties', '', { additionalProperty: 'role' }), 'en', { pointer: '/body/role', message: 'is not an accepted field' }],
    [err('type', '/age', { type: 'integer' }), 'ar', { pointer: '/body/age', message: 'يجب أن يكون عددًا صحيحًا' }],
    [err('maxLength', '/name', { limit: 120 }), 'en', { pointer: '/body/name', message: 'must have at most 120 characters' }],
    [err('format', '/email', { format: 'email' }), 'en', { pointer: '/body/email', message: 'must be a valid email address' }],
    [err('enum', '/locale', { allowedValues: ['ar', 'en'] }), 'en', { pointer: '/body/locale', message: 'must be one of: ar, en' }],
    [err('multipleOf', '/x', {}), 'en', { pointer: '/body/x', message: 'is not valid' }],
  ] as const)('translates %o in %s', (error, locale, expected) =>
    expect(translateValidation([error], 'body', locale)).toEqual([expected]),
  );

  it('keeps one message per field, the most precise', () => {
    const errors = [err('pattern', '/name', {}), err('maxLength', '/name', { limit: 5 })];
    expect(translateValidation(errors, 'querystring', 'en')).toHaveLength(1);
  });
});
