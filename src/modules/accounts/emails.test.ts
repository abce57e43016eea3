import { describe, expect, it } from 'vitest';
import { accountEmail } from './emails.ts';

const p = { name: 'Amina', link: 'https://manasik.test/verify-email?token=mkt_x', role: 'ministry_officer' };

describe('the account emails', () => {
  it.each([
    ['en', 'verify_email', 48, 'within 48 hours'],
    ['ar', 'verify_email', 48, 'خلال 48 ساعة'],
    ['en', 'reset_password', 1, 'within one hour'],
    ['ar', 'reset_password', 1, 'خلال ساعة واحدة'],
    ['en', 'invite', 168, 'within 7 days'],
    ['ar', 'invite', 168, 'خلال 7 أيام'],
  ] as const)('%s %s: the link and how long it works (%s hours)', (locale, purpose, validHours, says) => {
    const email = accountEmail(locale, purpose, { ...p, validHours });
    expect(email.text).toContain(says);
    expect(email.text).toContain(p.link);
    expect(`${email.subject}${email.text}`).not.toMatch(/[{}]|undefined/);
  });

  it('names the invited officer\'s role in the reader\'s language, never by its code', () => {
    expect(accountEmail('en', 'invite', { ...p, validHours: 168 }).text).toContain('(ministry officer)');
    expect(accountEmail('ar', 'invite', { ...p, validHours: 168 }).text).toContain('(موظف الوزارة)');
  });
});
