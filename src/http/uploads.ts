import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

/** What an upload route declares it takes: nothing but a multipart form reaches it. */
export const multipartOnly = ['multipart/form-data'] as const;

/**
 * Reads the one file of a multipart upload into memory, or refuses the
 * request precisely: not a well-formed form (no boundary, cut short, extra
 * parts) → `request.malformed_multipart`; no part named `field` →
 * `document.missing_file`; over `maxBytes` → `document.too_large`. Every
 * upload route reads through this, so no parser error escapes as a 500.
 */
export async function readOneFile(request: FastifyRequest, field: string, maxBytes: number): Promise<{ bytes: Buffer; filename: string }> {
  if (!request.isMultipart()) throw new AppError('document.missing_file');
  try {
    const file = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
    if (!file || file.fieldname !== field) throw new AppError('document.missing_file');
    return { bytes: await file.toBuffer(), filename: file.filename };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('document.too_large', { limit: maxBytes / 1024 / 1024 });
    throw new AppError('request.malformed_multipart', {}, { cause: error });
  }
}

/** What a CSV import route declares it takes. */
export const csvOnly = ['text/csv'] as const;

/** Lets the routes of a plugin read `text/csv` bodies as one string of at most `limit` bytes. */
export function acceptCsv(app: FastifyInstance, limit: number) {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: limit }, (_req, body, done) => done(null, body));
}
