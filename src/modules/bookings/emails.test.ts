import { describe, expect, it } from 'vitest';
import { bookingEmails } from './emails.ts';

const deadline = new Date('2027-05-15T06:00:00Z'); // 09:00 in Makkah
const offer = { name: 'Amina', title: 'Al-Safwa — Mina A', deadline, source: 'draw' as const };

describe('the booking emails', () => {
  it('counts the seats held in each language\'s own forms', () => {
    expect(bookingEmails.offered('en', { ...offer, seats: 1 }).text).toContain('1 seat in "Al-Safwa — Mina A" is held');
    expect(bookingEmails.offered('en', { ...offer, seats: 3 }).text).toContain('3 seats in "Al-Safwa — Mina A" are held');
    expect(bookingEmails.offered('ar', { ...offer, seats: 1 }).text).toContain('حُجز لعائلتك مقعد واحد في');
    expect(bookingEmails.offered('ar', { ...offer, seats: 2 }).text).toContain('حُجز لعائلتك مقعدان في');
    expect(bookingEmails.offered('ar', { ...offer, seats: 3 }).text).toContain('حُجز لعائلتك 3 مقاعد في');
  });

  it('gives the deadline in Makkah time with its Hijri date, and says why seats came free in the cascade', () => {
    const en = bookingEmails.offered('en', { ...offer, seats: 2, source: 'cascade' });
    expect(en.text).toContain('until 15 May 2027 at 09:00 (9 Dhuʻl-Hijjah 1448 AH) (Makkah time)');
    expect(en.text).toContain('Seats became free');
    const ar = bookingEmails.offered('ar', { ...offer, seats: 2, source: 'cascade' });
    expect(ar.text).toContain('(9 ذو الحجة 1448 هـ)');
    expect(ar.text).toContain('توفرت مقاعد');
    expect(bookingEmails.offered('en', { ...offer, seats: 2 }).text).not.toContain('Seats became free');
  });

  it('tells of an expired hold', () => {
    expect(bookingEmails.expired('en', offer).subject).toBe('Your hold expired: Al-Safwa — Mina A');
    expect(bookingEmails.expired('ar', offer).subject).toBe('انتهت مهلة الحجز: Al-Safwa — Mina A');
  });
});
