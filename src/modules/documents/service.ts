import { confirmationUseCase } from './confirmation.ts';
import { createDocumentContext, type DocumentDeps } from './context.ts';
import { permitDocumentUseCase } from './permit-document.ts';
import { pilgrimCardUseCase } from './pilgrim-card.ts';
import { receiptUseCase } from './receipt.ts';
import { verifyCodeUseCase } from './verify-code.ts';

export type { DocumentDeps } from './context.ts';

/**
 * The booking's documents, in the reader's language: the confirmation with a
 * signed QR code, a card per pilgrim with its own signed code, a receipt
 * whose lines come from the ledger (payments and their VAT, refunds), the
 * permits of a permit booking, and the check of a scanned code. One document
 * per file; their words are in the catalogs' `documents` section (words.ts),
 * and pdf.ts sets them in every language's script.
 */
export function createDocumentService(deps: DocumentDeps) {
  const c = createDocumentContext(deps);
  return {
    ...confirmationUseCase(c),
    ...pilgrimCardUseCase(c),
    ...receiptUseCase(c),
    ...permitDocumentUseCase(c),
    ...verifyCodeUseCase(c),
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
