import { createPilgrimContext, type PilgrimDeps } from './context.ts';
import { pilgrimQueries } from './queries.ts';
import { reviewDocumentUseCase } from './review-document.ts';
import { saveProfileUseCase } from './save-profile.ts';
import { uploadDocumentUseCase } from './upload-document.ts';

export type { PilgrimDeps } from './context.ts';
export type { ProfileInput } from './presenters.ts';

/**
 * Pilgrim profiles, their documents, and the ministry's document review.
 * One use case per file; what other modules read is in queries.ts.
 */
export function createPilgrimService(deps: PilgrimDeps) {
  const c = createPilgrimContext(deps);
  return {
    ...saveProfileUseCase(c),
    ...uploadDocumentUseCase(c),
    ...reviewDocumentUseCase(c),
    ...pilgrimQueries(c),
  };
}
export type PilgrimService = ReturnType<typeof createPilgrimService>;
