import { describe, expect, it } from 'vitest';
import { surveyEmails } from './emails.ts';

const p = { name: 'Amina', title: 'Application and booking survey', link: 'https://manasik.test/s/abc', expiresAt: new Date('2027-06-01T09:00:00Z') };

describe('the survey invitation', () => {
  it('invites, then reminds once, in the reader\'s language', () => {
    const invite = surveyEmails.invite('en', { ...p, reminder: false });
    expect(invite.subject).toBe('Application and booking survey — two minutes of your time');
    expect(invite.text).toContain('https://manasik.test/s/abc');
    expect(invite.text).toContain('until 1 June 2027 at 12:00');
    expect(surveyEmails.invite('en', { ...p, reminder: true }).subject).toMatch(/^Reminder: /);
    expect(surveyEmails.invite('ar', { ...p, reminder: true }).subject).toMatch(/^تذكير: /);
    expect(surveyEmails.invite('ar', { ...p, reminder: false }).text).not.toContain('لم تُجب بعد');
  });
});
