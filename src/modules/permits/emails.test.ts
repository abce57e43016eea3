import { describe, expect, it } from 'vitest';
import { permitEmails } from './emails.ts';

const startsAt = new Date('2027-02-15T07:00:00Z');
const closure = { name: 'Amina', site: 'Rawdah', startsAt, reason: 'maintenance' };

describe('the permit emails', () => {
  it('lists the nearest windows with room, one a line, or says there are none', () => {
    const two = permitEmails.closed('en', { ...closure, alternatives: [new Date('2027-02-15T09:00:00Z'), new Date('2027-02-16T07:00:00Z')] });
    expect(two.text).toContain('The nearest windows with room for your group:\n- Monday, 15 February 2027 at 12:00 (');
    expect(two.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2);
    expect(permitEmails.closed('en', { ...closure, alternatives: [] }).text).toContain('No nearby window has room for your group now');
    expect(permitEmails.closed('ar', { ...closure, alternatives: [] }).text).toContain('لا توجد الآن فترة قريبة');
    expect(permitEmails.closed('ar', { ...closure, alternatives: [startsAt] }).text).toContain('أقرب فترة تتسع لمجموعتك:\n- الاثنين، 15 فبراير 2027');
  });

  it('counts the places offered in each language\'s own forms', () => {
    const offer = { name: 'Amina', site: 'Rawdah', startsAt, deadline: new Date('2027-02-14T07:15:00Z') };
    expect(permitEmails.offered('en', { ...offer, size: 1 }).subject).toMatch(/^A place opened at Rawdah: answer before Sunday, 14 February 2027 at 10:15/);
    expect(permitEmails.offered('en', { ...offer, size: 3 }).text).toContain('3 places became free');
    expect(permitEmails.offered('ar', { ...offer, size: 2 }).text).toContain('توفر مكانان في فترة');
    expect(permitEmails.offered('ar', { ...offer, size: 3 }).text).toContain('توفرت 3 أماكن في فترة');
  });
});
