import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Two validators: bodies are taken exactly as sent (a string "12" is not a
 * number, an unknown field is an error, never silently dropped); query
 * strings and path params are text by nature, so they are coerced.
 */
export function installValidators(app: FastifyInstance) {
  const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };
  const strict = addFormats.default(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats.default(new Ajv({ ...base, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema as object),
  );
}
