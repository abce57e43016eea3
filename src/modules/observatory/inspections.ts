import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../core/errors.ts';
import { MAX_PHOTO_BYTES } from './surveys.ts';
import { newId } from '../../core/ids.ts';
import { runOnce } from '../../db/idempotency.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import type { ObservatoryContext } from './context.ts';
import { observatoryPolicy } from './policies.ts';

/**
 * Field inspections (the mystery shopper): a ministry inspector scores a camp, hotel or bus on
 * the active checklist of its kind, on a phone that may be offline (the client's own id makes a
 * resend harmless); the score is the weighted share of items passed, a labelled indicator of the
 * provider's scorecard, never mixed into the guests' own satisfaction.
 */
export function inspectionUseCases(c: ObservatoryContext) {
  const { db, clock, repo } = c;
  return {
    async checklists(ctx: RequestContext) {
      observatoryPolicy.assert(ctx, 'inspect', null);
      return (await repo.checklists(db.kysely)).map((l) => ({ id: l.id, placeType: l.place_type, version: l.version, items: l.items }));
    },
    /** A photo taken during an inspection (JPEG or PNG read from its bytes, 5 MB at most), kept under the inspector; the inspection names it. */
    async photo(ctx: RequestContext, bytes: Buffer) {
      observatoryPolicy.assert(ctx, 'inspect', null);
      if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('survey.photo_too_large', { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 });
      const type = await fileTypeFromBuffer(bytes);
      if (!type || (type.mime !== 'image/jpeg' && type.mime !== 'image/png')) throw new AppError('survey.photo_type');
      const photoId = newId();
      await c.deps.storage.put(`inspection-photos/${ctx.actor!.accountId}/${photoId}`, bytes);
      return { photoId, contentType: type.mime, sizeBytes: bytes.length };
    },
    async record(ctx: RequestContext, input: { clientId: string; placeType: 'camp' | 'hotel' | 'bus'; providerId: string; place: string; visitedAt: string; answers: Record<string, boolean | null>; photos?: string[] | undefined }) {
      observatoryPolicy.assert(ctx, 'inspect', null);
      const list = await repo.checklist(db.kysely, input.placeType);
      if (!list) throw new AppError('inspection.checklist_not_found');
      const items = list.items;
      const ids = new Set(items.map((i) => i.id));
      if (Object.keys(input.answers).some((k) => !ids.has(k)) || items.some((i) => !(i.id in input.answers))) throw new AppError('inspection.bad_answers');
      // Items answered "not applicable" (null) leave the score's base.
      const scored = items.filter((i) => input.answers[i.id] !== null);
      const total = scored.reduce((n, i) => n + i.weight, 0);
      const passed = scored.filter((i) => input.answers[i.id] === true).reduce((n, i) => n + i.weight, 0);
      const score = total > 0 ? Math.round((passed / total) * 10000) / 100 : 100;
      // Every photo named must be one this inspector uploaded.
      for (const photoId of input.photos ?? []) {
        try {
          await c.deps.storage.get(`inspection-photos/${ctx.actor!.accountId}/${photoId}`);
        } catch {
          throw new AppError('inspection.photo_not_found');
        }
      }
      return runOnce({ db, clock }, ctx, async (trx) => {
        const id = await repo.insertInspection(trx, {
          id: newId(), client_id: input.clientId, inspector_id: ctx.actor!.accountId, checklist_id: list.id, provider_id: input.providerId, place: input.place,
          visited_at: new Date(input.visitedAt), answers: JSON.stringify(input.answers), score, photos: JSON.stringify(input.photos ?? []), created_at: clock.now(),
        });
        await writeAudit(trx, clock, ctx, { action: 'inspection.recorded', subjectType: 'inspection', subjectId: id, data: { providerId: input.providerId, placeType: input.placeType, score } });
        return { id, score };
      });
    },
  };
}
