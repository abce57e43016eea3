import type { Locale } from '../../common/i18n.ts';
import { renderEmail, type Email } from '../../core/emails.ts';
import { documentTerms } from './errors.ts';

/**
 * What a pilgrim is told when a reviewer rejects a document, in their language
 * (catalogs' `emails` section, `pilgrims.document_rejected`): the document
 * named in it, not its code.
 *
 * @example rejectionEmail('ar', { type: 'passport_scan', reason: 'الصورة غير واضحة' })
 */
export function rejectionEmail(locale: Locale, p: { type: string; reason: string }): Email {
  return renderEmail(locale, 'pilgrims.document_rejected', (l) => ({ document: documentTerms.word(l, p.type) ?? p.type, reason: p.reason }));
}
