import { describe, expect, it } from 'vitest';
import { rejectionEmail } from './emails.ts';

describe('a rejected document is named in the reader\'s language, never by its code', () => {
  it.each([
    ['en', 'passport_scan', 'passport scan'],
    ['ar', 'passport_scan', 'صورة الجواز'],
    ['ar', 'vaccination_certificate', 'شهادة التطعيم'],
  ] as const)('%s: %s reads "%s"', (locale, type, named) => {
    const email = rejectionEmail(locale, { type, reason: 'blurred' });
    expect(email.text).toContain(named);
    expect(email.text).not.toContain(type);
    expect(email.text).toContain('blurred');
  });
});
