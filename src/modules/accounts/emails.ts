import type { Locale } from '../../common/i18n.ts';

interface Email {
  subject: string;
  text: string;
}

/** The account emails, in each language the platform speaks. A test checks both exist for every template. */
export const accountEmails = {
  verify_email: {
    en: (p: { name: string; link: string }): Email => ({
      subject: 'Confirm your email for Manasik',
      text: `Peace be upon you, ${p.name}.\n\nPlease confirm your email address by opening this link within 48 hours:\n${p.link}\n\nIf you did not register on Manasik, ignore this message.`,
    }),
    ar: (p: { name: string; link: string }): Email => ({
      subject: 'تأكيد بريدك الإلكتروني في منصة مناسك',
      text: `السلام عليكم ${p.name}،\n\nيرجى تأكيد بريدك الإلكتروني بفتح هذا الرابط خلال 48 ساعة:\n${p.link}\n\nإذا لم تسجل في منصة مناسك فتجاهل هذه الرسالة.`,
    }),
  },
  reset_password: {
    en: (p: { name: string; link: string }): Email => ({
      subject: 'Reset your Manasik password',
      text: `Peace be upon you, ${p.name}.\n\nTo choose a new password, open this link within one hour:\n${p.link}\n\nIf you did not ask for this, ignore this message; your password is unchanged.`,
    }),
    ar: (p: { name: string; link: string }): Email => ({
      subject: 'إعادة تعيين كلمة المرور في منصة مناسك',
      text: `السلام عليكم ${p.name}،\n\nلاختيار كلمة مرور جديدة افتح هذا الرابط خلال ساعة واحدة:\n${p.link}\n\nإذا لم تطلب ذلك فتجاهل هذه الرسالة؛ كلمة مرورك لم تتغير.`,
    }),
  },
  invite: {
    en: (p: { name: string; link: string; role: string }): Email => ({
      subject: 'Your Manasik staff account',
      text: `Peace be upon you, ${p.name}.\n\nA ministry administrator created a Manasik account for you (${p.role}). Choose your password within 7 days here:\n${p.link}`,
    }),
    ar: (p: { name: string; link: string; role: string }): Email => ({
      subject: 'حسابك الوظيفي في منصة مناسك',
      text: `السلام عليكم ${p.name}،\n\nأنشأ لك أحد مسؤولي الوزارة حسابًا في منصة مناسك (${p.role}). اختر كلمة المرور خلال 7 أيام من هنا:\n${p.link}`,
    }),
  },
} satisfies Record<string, Record<Locale, (p: never) => Email>>;
