import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../core/errors.ts';
import { defaultLocale, negotiateLocale, type Locale } from '../common/i18n.ts';
import { constraintProblem } from '../db/constraint-errors.ts';
import { translateValidation } from '../common/validation-messages.ts';

/** The language to answer in: the caller's explicit choice, else their account's, else Arabic. */
export function localeOf(request: FastifyRequest): Locale {
  return request.ctx?.locale ?? negotiateLocale(request.headers['accept-language'], defaultLocale);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = localeOf(request);
  const body = {
    type: `urn:manasik:problem:${error.code}`,
    title: error.localizedMessage(locale),
    status: error.status,
    code: error.code,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {}),
    // The values behind the message (an amount missing, a date to come back on), for clients to act on.
    ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
  };
  void reply
    .code(error.status)
    .headers(error.headers)
    .header('content-language', locale)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
  return reply;
}

/** Maps the framework's own request errors (and its plugins') to our codes. */
function fromFastifyError(error: FastifyError, request: FastifyRequest, bodyLimit: number): AppError | null {
  if (error.validation) {
    const fieldErrors = translateValidation(error.validation as never, error.validationContext ?? 'body', localeOf(request));
    return new AppError(
      'request.validation_failed',
      { summary: fieldErrors.map((f) => `${f.pointer} ${f.message}`).join('; ') },
      { fieldErrors },
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('request.malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('request.body_too_large', { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new AppError('request.unsupported_media_type', { accepted: (request.routeOptions.config?.accepts ?? ['application/json']).join(', ') });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('request.unreadable');
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('request.body_too_large', { limit: bodyLimit });
  }
  // @fastify/multipart and busboy: a form without a boundary, cut short, or over its limits.
  if (error.code?.startsWith('FST_') && /multipart|form|part|field|file|proto/i.test(error.code)) return new AppError('request.malformed_multipart');
  if (/^(Multipart: |Unexpected end of (form|multipart)|Malformed part header)/.test(error.message)) return new AppError('request.malformed_multipart');
  if (error instanceof SyntaxError) return new AppError('request.malformed_json');
  if (error.statusCode === 429) return new AppError('request.rate_limited', { retryAfter: 60 });
  return null;
}

/**
 * A database refusal that reaches the edge means a rule was not checked
 * earlier (a race two requests ran, a value no schema bounded). It is still
 * the request's fault, never a 500: integrity violations are conflicts, data
 * exceptions are bad values. Each is logged so the missing check gets written.
 */
function fromDatabaseError(error: unknown): AppError | null {
  const explained = constraintProblem(error);
  if (explained) return explained;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code.startsWith('23')) return new AppError('request.conflict');
  if (code.startsWith('22')) return new AppError('request.invalid_value');
  return null;
}

/** Errors the router raises before any route runs (bad URL encoding, overlong path segments). */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'request.uri_too_long' : 'request.bad_url';
  return sendProblem(request, reply, new AppError(code));
}

/**
 * One place maps every error to problem+json. Unknown errors are logged with
 * their stack and answered as a generic 500 that reveals nothing internal.
 */
export function installProblemHandlers(app: FastifyInstance, bodyLimit: number, methodsAt: (path: string) => string[]) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = isAppError(error) ? error : fromFastifyError(error, request, bodyLimit);
    if (appError) {
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, appError);
    }
    const fromDatabase = fromDatabaseError(error);
    if (fromDatabase) {
      // A registered constraint is a lost race, answered as the rule it guards; anything else is a check to write.
      if (fromDatabase.code.startsWith('request.')) request.log.warn({ err: error }, 'the database refused a request that passed validation');
      return sendProblem(request, reply, fromDatabase);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'unmapped client error');
      return sendProblem(request, reply, new AppError('request.unreadable'));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, new AppError('internal.unexpected'));
  });
  app.setNotFoundHandler((request, reply) => {
    const allowed = methodsAt(request.url.split('?')[0]!);
    if (allowed.length > 0) return sendProblem(request, reply, new AppError('request.method_not_allowed', { allowed: allowed.join(', ') }, { headers: { allow: allowed.join(', ') } }));
    return sendProblem(request, reply, new AppError('request.not_found'));
  });
}
