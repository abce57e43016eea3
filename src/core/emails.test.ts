import { describe, expect, it } from 'vitest';
import { locales, type Locale } from '../common/i18n.ts';
import { catalogOf, messageOf, translate } from '../i18n/catalog.ts';
import { catalogProblems } from '../i18n/check.ts';
import { emailDate, emailDay, renderEmail } from './emails.ts';

/**
 * Every email of the catalogs' `emails` section, rendered in Arabic and English
 * through each of its `plural` and `select` branches. Each row names the email,
 * its parameters (as the modules' emails.ts pass them: values already
 * formatted, numbers for plurals, codes for selects) and what each language
 * must say. A new email without a row here fails the last test.
 */
const base = { name: 'Amina', title: 'Al-Safwa — Mina A', deadline: '15 May 2027', link: 'https://manasik.test/x?token=t' };
type Row = [label: string, key: string, params: Record<string, unknown>, en: string[], ar: string[]];
const rows: Row[] = [
  ['verify link, 48 hours', 'accounts.verify_email', { ...base, hours: 48 }, ['within 48 hours', 'https://manasik.test/x?token=t'], ['خلال 48 ساعة', 'السلام عليكم Amina،']],
  ['verify link, 2 hours', 'accounts.verify_email', { ...base, hours: 2 }, ['within 2 hours'], ['خلال ساعتين']],
  ['reset link, 1 hour', 'accounts.reset_password', { ...base, hours: 1 }, ['within one hour'], ['خلال ساعة واحدة']],
  ['reset link, 3 hours', 'accounts.reset_password', { ...base, hours: 3 }, ['within 3 hours'], ['خلال 3 ساعات']],
  ['invitation, 7 days', 'accounts.invite', { ...base, role: 'ministry officer', days: 7 }, ['within 7 days', '(ministry officer)'], ['خلال 7 أيام']],
  ['invitation, 1 day', 'accounts.invite', { ...base, role: 'x', days: 1 }, ['within one day'], ['خلال يوم واحد']],
  ['invitation, 14 days', 'accounts.invite', { ...base, role: 'x', days: 14 }, ['within 14 days'], ['خلال 14 يومًا']],
  ['offer of 1 seat by the draw', 'bookings.offered', { ...base, seats: 1, source: 'draw' }, ['A seat held for your family', '1 seat in "Al-Safwa — Mina A" is held', 'confirm it;', 'it goes'], ['حُجز مقعد لعائلتك', 'حُجز لعائلتك مقعد واحد في «Al-Safwa — Mina A»']],
  ['offer of 2 seats', 'bookings.offered', { ...base, seats: 2, source: 'open_sale' }, ['Seats held', '2 seats in', 'are held', 'confirm them;', 'they go'], ['حُجز مقعدان لعائلتك', 'حُجز لعائلتك مقعدان في']],
  ['offer of 3 seats in the cascade', 'bookings.offered', { ...base, seats: 3, source: 'cascade' }, ['Seats became free and your family is next on the waiting list. 3 seats'], ['توفرت مقاعد وعائلتك التالية في قائمة الانتظار. حُجز لعائلتك 3 مقاعد']],
  ['offer of 11 seats', 'bookings.offered', { ...base, seats: 11, source: 'draw' }, ['11 seats'], ['حُجز لعائلتك 11 مقعدًا']],
  ['offer of 100 seats', 'bookings.offered', { ...base, seats: 100, source: 'draw' }, ['100 seats'], ['حُجز لعائلتك 100 مقعد في']],
  ['hold expired', 'bookings.expired', base, ['Your hold expired: Al-Safwa — Mina A'], ['انتهت مهلة الحجز: Al-Safwa — Mina A']],
  ['complaint filed, first answer due', 'complaints.filed', { ...base, reference: 'C2027-000001', due: 'first_answer', dueAt: '3 January 2027' }, ['Complaint C2027-000001 received', 'a first answer by 3 January 2027'], ['استلمنا الشكوى C2027-000001', 'ستصلك أول إجابة في موعد أقصاه 3 January 2027']],
  ['complaint filed, resolution due', 'complaints.filed', { ...base, reference: 'C1', due: 'resolve', dueAt: 'D' }, ['a resolution by D'], ['ستصلك معالجة في موعد أقصاه D']],
  ['complaint filed, no deadline', 'complaints.filed', { ...base, reference: 'C1', due: 'none', dueAt: '' }, ['acknowledge it.\n\nFollow it'], ['ونقر باستلامها.\n\nتابعها']],
  ['complaint moved, breached, quoted, next deadline', 'complaints.moved', { ...base, reference: 'C1', state: 'escalated', breached: 'yes', quoted: 'yes', message: 'We are on it', due: 'next', dueAt: 'D' }, ['Complaint C1: escalated to the ministry', 'is now escalated to the ministry. It was not answered in time', '"We are on it"', 'Next deadline: D.'], ['الشكوى C1: مصعّدة إلى الوزارة', 'فتولتها الوزارة', '"We are on it"', 'المهلة التالية: D.']],
  ['complaint moved, nothing more', 'complaints.moved', { ...base, reference: 'C1', state: 'awaiting_pilgrim', breached: 'no', quoted: 'no', message: '', due: 'none', dueAt: '' }, ['is now waiting for your reply (the deadlines are paused meanwhile).\n\nFollow it'], ['الآن بانتظار ردك (المهل متوقفة في الأثناء).\n\nتابعها']],
  ['complaint moved to an unknown state', 'complaints.moved', { ...base, reference: 'C1', state: 'archived', breached: 'no', quoted: 'no', message: '', due: 'none', dueAt: '' }, ['is now archived.'], ['الآن archived.']],
  ['one deadline breached', 'complaints.breached', { ...base, reference: 'C1', count: 1, kinds: 'first answer' }, ['The deadline of the first answer of complaint C1 passed without it.', 'deadline missed'], ['انقضت مهلة first answer للشكوى C1 دون تحققها.']],
  ['two deadlines breached', 'complaints.breached', { ...base, reference: 'C1', count: 2, kinds: 'a and b' }, ['The deadlines of the a and b of complaint C1 passed without them.'], ['انقضت مهلتا a and b للشكوى C1 دون تحققهما.']],
  ['three deadlines breached', 'complaints.breached', { ...base, reference: 'C1', count: 3, kinds: 'a, b and c' }, ['The deadlines of the a, b and c'], ['انقضت مهل a, b and c']],
  ['draw won', 'draw.won', { ...base, season: '1448H', rank: 2, waitlist: 0 }, ['Hajj 1448H draw: your family has seats', '(your choice no. 2)', 'until 15 May 2027;'], ['قرعة حج 1448H: حصلت عائلتك على مقاعد', '(اختيارك رقم 2)']],
  ['draw waiting', 'draw.waiting', { ...base, season: '1448H', rank: 0, waitlist: 1234 }, ['your family is on the waiting list', 'no. 1,234 on the waiting list'], ['قرعة حج 1448H: عائلتك في قائمة الانتظار', 'هو 1,234:']],
  ['survey invitation', 'observatory.invite', { ...base, reminder: 'no', expiresAt: 'D' }, ['Al-Safwa — Mina A — two minutes of your time', 'Amina.\n\nHow did it go?', 'until D.'], ['Al-Safwa — Mina A — دقيقتان من وقتك', 'Amina،\n\nكيف كانت تجربتك؟']],
  ['survey reminder', 'observatory.invite', { ...base, reminder: 'yes', expiresAt: 'D' }, ['Reminder: Al-Safwa', 'You have not yet answered our short survey. How did it go?'], ['تذكير: Al-Safwa', 'لم تُجب بعد عن استبياننا القصير. كيف']],
  ['window closed, no alternative', 'permits.closed', { ...base, site: 'Rawdah', startsAt: 'S', reason: 'maintenance', count: 0, windows: '' }, ['Your visit to Rawdah was cancelled', '(maintenance)', 'No nearby window has room'], ['أُلغيت زيارتك إلى Rawdah', 'لا توجد الآن فترة قريبة']],
  ['window closed, one alternative', 'permits.closed', { ...base, site: 'Rawdah', startsAt: 'S', reason: 'r', count: 1, windows: '- W1' }, ['The nearest window with room for your group:\n- W1\n\nBook it'], ['أقرب فترة تتسع لمجموعتك:\n- W1\n\nاحجزها']],
  ['window closed, two alternatives', 'permits.closed', { ...base, site: 'Rawdah', startsAt: 'S', reason: 'r', count: 2, windows: '- W1\n- W2' }, ['The nearest windows with room for your group:\n- W1\n- W2\n\nBook one'], ['أقرب فترتين تتسعان لمجموعتك:\n- W1\n- W2']],
  ['window closed, three alternatives', 'permits.closed', { ...base, site: 'Rawdah', startsAt: 'S', reason: 'r', count: 3, windows: '- W1\n- W2\n- W3' }, ['The nearest windows'], ['أقرب الفترات التي تتسع لمجموعتك:\n- W1\n- W2\n- W3\n\nاحجز إحداها']],
  ['one place offered', 'permits.offered', { ...base, site: 'Rawdah', startsAt: 'S', size: 1 }, ['A place opened at Rawdah: answer before 15 May 2027', 'A place became free', 'It is held', 'it goes'], ['توفر مكان في Rawdah: أجب قبل 15 May 2027', 'المكان محجوز لك']],
  ['two places offered', 'permits.offered', { ...base, site: 'Rawdah', startsAt: 'S', size: 2 }, ['2 places opened', '2 places became free', 'They are held', 'they go'], ['توفر مكانان في Rawdah', 'المكانان محجوزان لك']],
  ['five places offered', 'permits.offered', { ...base, site: 'Rawdah', startsAt: 'S', size: 5 }, ['5 places became free'], ['توفرت 5 أماكن في فترة S', 'الأماكن محجوزة لك']],
  ['document rejected', 'pilgrims.document_rejected', { document: 'passport scan', reason: 'blurred' }, ['Your passport scan was not accepted', 'blurred'], ['لم تُقبل وثيقتك (passport scan)', 'blurred']],
  ['licence granted', 'providers.licence_granted', { ...base, provider: 'Al-Safwa', reason: '', validTo: '31 May 2028' }, ['Licence granted: Al-Safwa', 'until 31 May 2028'], ['تم منح الترخيص: Al-Safwa', 'حتى 31 May 2028']],
  ['application declined', 'providers.application_declined', { ...base, provider: 'Al-Safwa', reason: 'missing bond', validTo: '' }, ['declined for this reason:\nmissing bond'], ['للسبب التالي:\nmissing bond']],
  ['licence suspended', 'providers.licence_suspended', { ...base, provider: 'Al-Safwa', reason: 'audit', validTo: '' }, ['is suspended: audit'], ['تم تعليق ترخيص Al-Safwa: audit']],
  ['licence reinstated', 'providers.licence_reinstated', { ...base, provider: 'Al-Safwa', reason: '', validTo: '' }, ['Licence reinstated: Al-Safwa'], ['أعيد ترخيص Al-Safwa']],
];

const emailKeys = (locale: 'ar' | 'en') => Object.keys(catalogOf(locale).sections.emails ?? {});

describe('the emails catalogs', () => {
  it.each(rows)('%s (%s) reads right in English and Arabic, every placeholder filled', (_label, key, params, en, ar) => {
    for (const [locale, expected] of [['en', en], ['ar', ar]] as const) {
      const { subject, text } = renderEmail(locale, key, params);
      const whole = `${subject}\n${text}`;
      for (const words of expected) expect(whole, `${locale}: ${key}`).toContain(words);
      expect(whole, `${locale}: ${key}`).not.toMatch(/[{}]|undefined/);
      expect(subject, `${locale}: ${key}`).not.toContain('\n');
    }
  });

  it.each(rows)('%s (%s) is written in each of the nine languages, every placeholder filled', (_label, key, params) => {
    for (const locale of locales) {
      expect(messageOf(locale, 'emails', `${key}.text`)?.locale, `${locale}: ${key}`).toBe(locale);
      const { subject, text } = renderEmail(locale, key, params);
      expect(`${subject}\n${text}`, `${locale}: ${key}`).not.toMatch(/[{}]|undefined/);
      expect(subject, `${locale}: ${key}`).not.toContain('\n');
    }
  });

  it('says "1 seat" and "3 seats" in English, and the Arabic number forms for 1, 2, 3, 11 and 100 seats', () => {
    const seats = (locale: 'ar' | 'en', n: number) => translate(locale, 'emails', 'bookings.offered.text', { ...base, seats: n, source: 'draw' });
    expect(seats('en', 1)).toContain('1 seat in');
    expect(seats('en', 3)).toContain('3 seats in');
    expect([1, 2, 3, 11, 100].map((n) => /لعائلتك (.+?) في «/.exec(seats('ar', n))?.[1])).toEqual(['مقعد واحد', 'مقعدان', '3 مقاعد', '11 مقعدًا', '100 مقعد']);
  });

  it('has the same emails in Arabic as in English, with the same parameters and every Arabic plural form', () => {
    const section = (locale: 'ar' | 'en') => new Map(Object.entries(catalogOf(locale).sections.emails ?? {}));
    expect(catalogProblems(section('en'), section('ar'), 'ar')).toEqual([]);
  });

  it('gives every email a subject and a text, and a row in this table', () => {
    const emails = new Set(emailKeys('en').map((k) => k.replace(/\.(subject|text)$/, '')));
    for (const email of emails) expect(emailKeys('en'), email).toEqual(expect.arrayContaining([`${email}.subject`, `${email}.text`]));
    expect(emailKeys('en').every((k) => /\.(subject|text)$/.test(k))).toBe(true);
    expect([...emails].filter((e) => !rows.some((r) => r[1] === e))).toEqual([]);
  });
});

describe('an email in a language the catalogs lack it in', () => {
  it('is written in English, its parameters made in English too (no French date in an English sentence)', () => {
    for (const locale of locales) {
      const written = messageOf(locale, 'emails', 'bookings.offered.text')!.locale;
      expect([locale, 'en']).toContain(written);
      let madeIn: Locale | undefined;
      const email = renderEmail(locale, 'bookings.offered', (l) => ((madeIn = l), { ...base, seats: 2, source: 'draw' }));
      expect(madeIn, locale).toBe(written);
      expect(email.text, locale).toBe(translate(written, 'emails', 'bookings.offered.text', { ...base, seats: 2, source: 'draw' }));
    }
    expect(messageOf('ar', 'emails', 'bookings.offered.text')!.locale).toBe('ar');
  });
});

describe('dates in emails', () => {
  const deadline = new Date('2027-05-15T06:00:00Z'); // 09:00 in Makkah, the Day of Arafah 1448

  it('shows an instant in Saudi time with its Hijri date, in the reader\'s language and digits', () => {
    expect(emailDate(deadline, 'en')).toBe('15 May 2027 at 09:00 (9 Dhuʻl-Hijjah 1448 AH)');
    expect(emailDate(deadline, 'en', 'day')).toBe('15 May 2027 (9 Dhuʻl-Hijjah 1448 AH)');
    expect(emailDate(deadline, 'ar', 'day')).toBe('15 مايو 2027 (9 ذو الحجة 1448 هـ)');
    expect(emailDate(deadline, 'en', 'weekday')).toMatch(/^Saturday,? 15 May 2027 at 09:00 \(9 Dhuʻl-Hijjah 1448 AH\)$/);
    expect(emailDate(deadline, 'fa', 'day')).toContain('۱۴۴۸');
    expect(emailDate(deadline, 'bn', 'day')).toContain('১৪৪৮');
  });

  it('shows a calendar day as that day, whatever the time zone', () => {
    expect(emailDay('2027-05-15', 'en')).toBe('15 May 2027 (9 Dhuʻl-Hijjah 1448 AH)');
    expect(emailDay('2027-05-15', 'ar')).toBe('15 مايو 2027 (9 ذو الحجة 1448 هـ)');
  });
});
