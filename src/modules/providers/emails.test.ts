import { describe, expect, it } from 'vitest';
import { licensingEmail } from './emails.ts';

const p = { name: 'Amina', provider: 'Al-Safwa Travel', reason: 'missing bank guarantee', validTo: '2028-05-31' };

describe('the licensing emails', () => {
  it.each(['approve', 'reject', 'suspend', 'reinstate'] as const)('%s has its email in English and Arabic', (action) => {
    for (const locale of ['en', 'ar'] as const) {
      const email = licensingEmail(locale, action, p);
      expect(email.subject).toContain('Al-Safwa Travel');
      expect(`${email.subject}${email.text}`).not.toMatch(/[{}]|undefined/);
    }
  });

  it('gives the licence\'s last day as a day, with its Hijri date', () => {
    expect(licensingEmail('en', 'approve', p).text).toContain('until 31 May 2028 (7 Muharram 1450 AH)');
    expect(licensingEmail('ar', 'approve', p).text).toContain('حتى 31 مايو 2028 (7 محرم 1450 هـ)');
    expect(licensingEmail('en', 'reject', p).text).toContain('for this reason:\nmissing bank guarantee');
  });
});
