import type { Locale } from '../../common/i18n.ts';
import type { LicensingAction } from './domain/licensing.ts';

interface Email {
  subject: string;
  text: string;
}
type Params = { name: string; provider: string; reason: string; validTo: string };

/** What the provider's owner is told after each licensing decision, in their language. */
export const licensingEmails: Record<LicensingAction, Record<Locale, (p: Params) => Email>> = {
  approve: {
    en: (p) => ({ subject: `Licence granted: ${p.provider}`, text: `Peace be upon you, ${p.name}.\n\n${p.provider} is licensed on Manasik until ${p.validTo}. You can now publish packages.` }),
    ar: (p) => ({ subject: `تم منح الترخيص: ${p.provider}`, text: `السلام عليكم ${p.name}،\n\nتم ترخيص ${p.provider} في منصة مناسك حتى ${p.validTo}. يمكنك الآن نشر الباقات.` }),
  },
  reject: {
    en: (p) => ({ subject: `Licence application declined: ${p.provider}`, text: `Peace be upon you, ${p.name}.\n\nThe application of ${p.provider} was declined for this reason:\n${p.reason}` }),
    ar: (p) => ({ subject: `رُفض طلب الترخيص: ${p.provider}`, text: `السلام عليكم ${p.name}،\n\nرُفض طلب ترخيص ${p.provider} للسبب التالي:\n${p.reason}` }),
  },
  suspend: {
    en: (p) => ({ subject: `Licence suspended: ${p.provider}`, text: `Peace be upon you, ${p.name}.\n\nThe licence of ${p.provider} is suspended: ${p.reason}\nIts packages are off sale; existing bookings are kept.` }),
    ar: (p) => ({ subject: `تم تعليق الترخيص: ${p.provider}`, text: `السلام عليكم ${p.name}،\n\nتم تعليق ترخيص ${p.provider}: ${p.reason}\nأوقف بيع باقاته؛ والحجوزات القائمة محفوظة.` }),
  },
  reinstate: {
    en: (p) => ({ subject: `Licence reinstated: ${p.provider}`, text: `Peace be upon you, ${p.name}.\n\nThe licence of ${p.provider} is reinstated; its published packages are on sale again.` }),
    ar: (p) => ({ subject: `أعيد الترخيص: ${p.provider}`, text: `السلام عليكم ${p.name}،\n\nأعيد ترخيص ${p.provider}؛ وعادت باقاته المنشورة إلى البيع.` }),
  },
};
