import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { PilgrimContext } from './context.ts';
import { MAX_DOCUMENT_BYTES, acceptedContent, type DocumentType } from './domain/review.ts';

/** A pilgrim uploads a document (passport, photo, vaccination, …). */
export function uploadDocumentUseCase(c: PilgrimContext) {
  const { deps, db, clock, repo, me, profileView } = c;
  return {
    /** Stores a document after checking what its bytes are; the previous one of its type is superseded. */
    async uploadDocument(ctx: RequestContext, type: DocumentType, bytes: Buffer) {
      const accountId = me(ctx);
      if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('document.too_large', { limit: MAX_DOCUMENT_BYTES / 1024 / 1024 });
      const detected = await fileTypeFromBuffer(bytes);
      if (!detected || !acceptedContent[type].includes(detected.mime)) {
        throw new AppError('document.wrong_type', { type, accepted: acceptedContent[type].join(', ') });
      }
      const id = newId();
      const storageKey = `documents/${accountId}/${id}`;
      await deps.storage.put(storageKey, bytes);
      try {
        await db.kysely.transaction().execute(async (trx) => {
          await repo.supersede(trx, accountId, type);
          await repo.insertDocument(trx, {
            id, account_id: accountId, type, status: 'pending', storage_key: storageKey, content_type: detected.mime,
            size_bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
            rejection_reason: null, uploaded_at: clock.now(), reviewed_at: null, reviewed_by: null,
          });
          await writeAudit(trx, clock, ctx, { action: 'document.uploaded', subjectType: 'document', subjectId: id, data: { type, contentType: detected.mime, sizeBytes: bytes.length } });
        });
      } catch (error) {
        await deps.storage.remove(storageKey); // no orphan file for a record that did not commit
        throw error;
      }
      return profileView(accountId);
    },

  };
}
