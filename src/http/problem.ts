import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../core/errors.ts';
import { defaultLocale, negotiateLocale, type Locale } from '../core/i18n.ts';
import { translateValidation } from './validation-messages.ts';

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
  };
  void reply
    .code(error.status)
    .headers(error.headers)
    .header('content-language', locale)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
  return reply;
}

/** Maps the framework's own request errors to our codes. */
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
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('request.unsupported_media_type');
  }
  if (error instanceof SyntaxError) return new AppError('request.malformed_json');
  if (error.statusCode === 429) return new AppError('request.rate_limited', { retryAfter: 60 });
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
export function installProblemHandlers(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = isAppError(error) ? error : fromFastifyError(error, request, bodyLimit);
    if (appError) {
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, appError);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'unmapped client error');
      return sendProblem(request, reply, new AppError('request.validation_failed', { summary: error.code ?? 'bad request' }));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, new AppError('internal.unexpected'));
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('request.not_found')));
}
