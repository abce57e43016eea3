import type { Locale } from '../../common/i18n.ts';
import { documentTerms } from './errors.ts';

interface Email {
  subject: string;
  text: string;
}

/** What a pilgrim is told when a reviewer rejects a document, in their language (the document named in it, not its code). */
export const rejectionEmail: Record<Locale, (p: { type: string; reason: string }) => Email> = {
  en: (p) => ({
    subject: 'A document needs your attention',
    text: `Your ${documentTerms[p.type]?.en ?? p.type} was not accepted, for this reason:\n${p.reason}\nPlease upload a new copy from your Manasik profile.`,
  }),
  ar: (p) => ({
    subject: 'وثيقة تحتاج إلى تعديل',
    text: `لم تُقبل وثيقتك (${documentTerms[p.type]?.ar ?? p.type}) للسبب التالي:\n${p.reason}\nيرجى رفع نسخة جديدة من ملفك في منصة مناسك.`,
  }),
};
