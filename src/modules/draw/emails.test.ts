import { describe, expect, it } from 'vitest';
import { resultEmail } from './emails.ts';

const p = { name: 'Amina', season: '1448H', title: 'Al-Safwa — Mina A', deadline: new Date('2027-05-15T06:00:00Z') };

describe('the draw result email', () => {
  it('tells a winning family its package, its choice and the day it must pay by', () => {
    const en = resultEmail('en', { ...p, outcome: 'won', rank: 2, waitlist: null });
    expect(en.subject).toBe('Hajj 1448H draw: your family has seats');
    expect(en.text).toContain('seats in "Al-Safwa — Mina A" (your choice no. 2). They are held for you until 15 May 2027 (9 Dhuʻl-Hijjah 1448 AH);');
    expect(resultEmail('ar', { ...p, outcome: 'won', rank: 2, waitlist: null }).text).toContain('(اختيارك رقم 2)');
  });

  it('tells a waiting family its place on the waiting list', () => {
    expect(resultEmail('en', { ...p, outcome: 'waiting', title: '', rank: null, waitlist: 17 }).text).toContain('Your family is no. 17 on the waiting list');
    const ar = resultEmail('ar', { ...p, outcome: 'waiting', title: '', rank: null, waitlist: 17 });
    expect(ar.subject).toMatch(/^قرعة حج 1448H/);
    expect(ar.text).toContain('هو 17:');
  });
});
