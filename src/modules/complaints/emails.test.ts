import { describe, expect, it } from 'vitest';
import { complaintEmails } from './emails.ts';

const dueAt = new Date('2027-01-03T08:00:00Z');
const base = { name: 'Amina', reference: 'C2027-000001' };
const moved = { ...base, state: 'provider_responded', message: null, dueAt: null, breached: false };

describe('the complaint emails', () => {
  it('names the first deadline when there is one', () => {
    expect(complaintEmails.filed('en', { ...base, dueAt, dueKind: 'first_answer' }).text).toContain('a first answer by 3 January 2027 at 11:00');
    expect(complaintEmails.filed('en', { ...base, dueAt, dueKind: 'resolve' }).text).toContain('a resolution by');
    expect(complaintEmails.filed('ar', { ...base, dueAt, dueKind: 'first_answer' }).text).toContain('ستصلك أول إجابة');
    expect(complaintEmails.filed('en', { ...base, dueAt: null, dueKind: null }).text).toContain('acknowledge it.\n\nFollow it');
  });

  it('says the new state in words, with the breach, the quoted answer and the next deadline only when there are', () => {
    expect(complaintEmails.moved('en', moved)).toEqual({
      subject: 'Complaint C2027-000001: answered by the provider: accept the answer or escalate it',
      text: 'Peace be upon you, Amina.\n\nYour complaint C2027-000001 is now answered by the provider: accept the answer or escalate it.\n\nFollow it in the app under "My complaints".',
    });
    const all = complaintEmails.moved('ar', { ...moved, state: 'escalated', message: 'نعمل عليها', dueAt, breached: true });
    expect(all.subject).toBe('الشكوى C2027-000001: مصعّدة إلى الوزارة');
    expect(all.text).toContain('فتولتها الوزارة');
    expect(all.text).toContain('"نعمل عليها"');
    expect(all.text).toContain('المهلة التالية: 3 يناير 2027');
  });

  it('lists the missed deadlines in words, as a list of the reader\'s language', () => {
    expect(complaintEmails.breached('en', { ...base, kinds: ['first_answer'] }).text).toContain('The deadline of the first answer of complaint C2027-000001 passed without it.');
    expect(complaintEmails.breached('en', { ...base, kinds: ['acknowledge', 'first_answer'] }).text).toContain('The deadlines of the acknowledgement and first answer of');
    expect(complaintEmails.breached('ar', { ...base, kinds: ['acknowledge', 'first_answer'] }).text).toContain('انقضت مهلتا الإقرار بالاستلام وأول إجابة للشكوى');
  });

  it('leaves no placeholder unfilled', () => {
    for (const locale of ['ar', 'en'] as const) {
      for (const e of [complaintEmails.filed(locale, { ...base, dueAt, dueKind: 'resolve' }), complaintEmails.moved(locale, { ...moved, message: 'x', dueAt }), complaintEmails.breached(locale, { ...base, kinds: ['resolve'] })])
        expect(`${e.subject}${e.text}`).not.toMatch(/[{}]|undefined/);
    }
  });
});
