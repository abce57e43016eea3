import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance, FastifyRequest } from 'fastify';
import sjson from 'secure-json-parse';
import { AppError } from '../core/errors.ts';
import { defaultLocale, negotiateLocale } from '../common/i18n.ts';
import { cleanInput, jsonTooDeep, MAX_JSON_DEPTH } from './input-hygiene.ts';
import { localeOf } from './problem.ts';

/**
 * The edge of the HTTP layer: what a request meets before any route runs.
 *
 * - a route takes only the content types it declares (`config.accepts`,
 *   default JSON), refused with 415 before the body is read;
 * - JSON is parsed by one parser that bounds nesting first and refuses
 *   `__proto__`/`constructor` keys;
 * - every string of the body, query and path is well-formed Unicode, in NFC;
 * - answers Node gives before Fastify sees a request (431, 408, 400) are
 *   problem documents too (`problemForClientError`).
 */
export function installEdge(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(new AppError('request.malformed_json'), undefined);
    if (jsonTooDeep(text)) return done(new AppError('request.too_deep', { limit: MAX_JSON_DEPTH }), undefined);
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new AppError('request.malformed_json'), undefined);
    }
  });

  app.addHook('preParsing', async (request, _reply, payload) => {
    const type = mediaType(request);
    if (type === undefined || !hasBody(request)) return payload;
    const accepts = request.routeOptions.config?.accepts ?? ['application/json'];
    if (!accepts.includes(type)) throw new AppError('request.unsupported_media_type', { accepted: accepts.join(', ') });
    return payload;
  });

  app.addHook('preValidation', async (request) => {
    const locale = localeOf(request);
    if (!wellEncodedQuery(request.url)) throw new AppError('request.bad_url');
    if (request.params && typeof request.params === 'object') request.params = cleanInput(request.params, '/params', locale);
    if (request.query && typeof request.query === 'object') request.query = cleanInput(request.query, '/querystring', locale);
    if (request.body !== undefined && request.body !== null) request.body = cleanInput(request.body, '/body', locale);
  });
}

/**
 * For a route that must see the exact bytes of a JSON body (a signed webhook):
 * in this plugin, JSON arrives as a string, still bounded in nesting.
 */
export function keepJsonRaw(app: FastifyInstance, bodyLimit: number) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    if (jsonTooDeep(String(body))) return done(new AppError('request.too_deep', { limit: MAX_JSON_DEPTH }), undefined);
    done(null, body);
  });
}

/** True when every part of the query string percent-decodes to well-formed UTF-8 (`%ED%A0%80` does not). */
function wellEncodedQuery(url: string): boolean {
  const start = url.indexOf('?');
  if (start < 0) return true;
  for (const part of url.slice(start + 1).split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return false;
    }
  }
  return true;
}

/** The media type of the request body, lower case, without parameters (`text/csv`). */
function mediaType(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'];
  if (!header) return undefined;
  return header.split(';')[0]!.trim().toLowerCase();
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

const clientErrors: Record<string, { status: number; code: 'request.header_too_large' | 'request.timeout' | 'request.unreadable' }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'request.header_too_large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request.timeout' },
  ERR_HTTP_HEADERS_TIMEOUT: { status: 408, code: 'request.timeout' },
};
const reasons: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Answers a request that Node's HTTP parser refused (headers over the limit,
 * a client too slow, bytes that are not HTTP) as problem+json, in the language
 * of the `Accept-Language` line when the refused bytes still carry one.
 * Replaces Fastify's default handler, which answers its own JSON shape.
 */
export function problemForClientError(error: ConnectionError, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = clientErrors[error.code ?? ''] ?? { status: 400, code: 'request.unreadable' as const };
  // Node hands the refused bytes over as a Buffer (typed by Fastify as a plain object).
  const packet: unknown = error.rawPacket;
  const raw = Buffer.isBuffer(packet) ? packet.toString('latin1') : '';
  const language = /\r\naccept-language:[ \t]*([^\r\n]{1,200})/i.exec(raw)?.[1];
  const locale = negotiateLocale(language, defaultLocale);
  const problem = new AppError(known.code);
  const body = JSON.stringify({
    type: `urn:manasik:problem:${known.code}`,
    title: problem.localizedMessage(locale),
    status: known.status,
    code: known.code,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${reasons[known.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Language: ${locale}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The request body media types this route takes (default `application/json`); anything else is a 415. */
    accepts?: readonly string[];
  }
}
