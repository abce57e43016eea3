import { dateTimeFormat } from '../date-format.ts';
import type { Locale } from '../i18n.ts';
import type { GateVerdict } from './gate.ts';

const time = (ms: number | undefined, locale: Locale) =>
  ms === undefined ? '' : dateTimeFormat(locale === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', { timeZone: 'Asia/Riyadh', timeStyle: 'short' }).format(ms);

type Text = Record<Locale, (v: Shown) => string>;
/** A verdict as the words read it (the times are there only on the refusals that have them). */
type Shown = GateVerdict & { opensAt?: number; closedAt?: number; usedAt?: number };

/** What the gate says for each verdict, in the officer's language (the offline app has no server to ask). */
export const gateWords: Record<GateVerdict['code'], Text> = {
  admit: { en: (v) => `Admit — member ${(v.claim?.memberIndex ?? 0) + 1}, ${v.claim?.section === 'women' ? 'women' : 'men'}`, ar: (v) => `دخول — الفرد ${(v.claim?.memberIndex ?? 0) + 1}، ${v.claim?.section === 'women' ? 'النساء' : 'الرجال'}` },
  unreadable: { en: () => 'This code cannot be read as a permit. Scan it again or type the code.', ar: () => 'تعذرت قراءة هذا الرمز كتصريح. امسحه مرة أخرى أو أدخل الرمز.' },
  not_a_permit: { en: () => 'This is a booking document, not a visit permit.', ar: () => 'هذا مستند حجز وليس تصريح زيارة.' },
  unknown_key: { en: () => 'Refused: signed with a key this gate does not know (forged, or sync the gate).', ar: () => 'مرفوض: موقَّع بمفتاح لا تعرفه البوابة (مزوَّر، أو زامن البوابة).' },
  key_retired: { en: () => 'Refused: signed with a retired key that no longer vouches for this window.', ar: () => 'مرفوض: موقَّع بمفتاح متقاعد لم يعد يضمن هذه الفترة.' },
  bad_signature: { en: () => 'Refused: the signature does not hold — the code was altered or forged.', ar: () => 'مرفوض: التوقيع غير صحيح — الرمز مُعدَّل أو مزوَّر.' },
  wrong_site: { en: () => 'Refused: this permit is for another site.', ar: () => 'مرفوض: هذا التصريح لموقع آخر.' },
  wrong_gate: { en: (v) => `Refused: this permit is for gate(s) ${v.claim?.gates.join(', ') ?? ''}.`, ar: (v) => `مرفوض: هذا التصريح للبوابة ${v.claim?.gates.join('، ') ?? ''}.` },
  wrong_section: { en: (v) => `Refused: this permit is for the ${v.claim?.section === 'women' ? 'women\'s' : 'men\'s'} section.`, ar: (v) => `مرفوض: هذا التصريح لقسم ${v.claim?.section === 'women' ? 'النساء' : 'الرجال'}.` },
  too_early: { en: (v) => `Too early: entry opens at ${time(v.opensAt, 'en')}.`, ar: (v) => `مبكر: يبدأ الدخول الساعة ${time(v.opensAt, 'ar')}.` },
  too_late: { en: (v) => `Too late: entry for this window closed at ${time(v.closedAt, 'en')}.`, ar: (v) => `متأخر: انتهى الدخول لهذه الفترة الساعة ${time(v.closedAt, 'ar')}.` },
  list_too_old: { en: () => 'This gate has not synced for too long to admit offline. Connect to sync.', ar: () => 'لم تُزامَن هذه البوابة منذ مدة طويلة فلا يُسمح بالدخول دون اتصال. اتصل للمزامنة.' },
  revoked: { en: () => 'Refused: this permit was cancelled, moved or its window closed.', ar: () => 'مرفوض: أُلغي هذا التصريح أو نُقل أو أُغلقت فترته.' },
  already_used: { en: (v) => `Already used at ${time(v.usedAt, 'en')}.`, ar: (v) => `استُخدم من قبل الساعة ${time(v.usedAt, 'ar')}.` },
};

export const gateText = (v: GateVerdict, locale: Locale) => gateWords[v.code][locale](v as Shown);
