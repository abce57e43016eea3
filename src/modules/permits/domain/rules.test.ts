import { describe, expect, it } from 'vitest';
import { judgeRules, penaltyEnd, type Held, type Rule } from './rules.ts';

// 1 Ramadan 1448H is 2027-02-08 (Umm al-Qura); 1 Shawwal 1448H is 2027-03-09.
const at = (iso: string) => new Date(iso);
const permit = (iso: string, unused = true, hours = 1): Held => ({ startsAt: at(iso), endsAt: new Date(at(iso).getTime() + hours * 3_600_000), unused });
const onePerRamadan: Rule = { code: 'umrah-ramadan', kind: 'per_hijri_month', hijriMonth: 9, maxCount: 1 };
const rawdahYear: Rule = { code: 'rawdah-365', kind: 'per_days', days: 365, maxCount: 1 };
const now = at('2027-02-01T00:00:00Z');

describe('frequency rules', () => {
  it.each([
    ['one Umrah per Ramadan refuses a second Ramadan Umrah until Ramadan ends', [onePerRamadan], [permit('2027-02-10T20:00:00Z')], '2027-02-20T20:00:00Z', { rule: 'umrah-ramadan', eligibleFrom: '2027-03-08T21:00:00.000Z' }],
    ['one Umrah per Ramadan says nothing of a window outside Ramadan', [onePerRamadan], [permit('2027-02-10T20:00:00Z')], '2027-03-15T20:00:00Z', null],
    ['one Umrah per Ramadan counts only this Ramadan', [onePerRamadan], [permit('2026-02-25T20:00:00Z', false)], '2027-02-20T20:00:00Z', null],
    ['the Rawdah once in 365 days refuses within a year, naming the day a year on', [rawdahYear], [permit('2026-06-01T06:00:00Z', false)], '2027-02-20T06:00:00Z', { rule: 'rawdah-365', eligibleFrom: '2027-06-01T06:00:00.000Z' }],
    ['the Rawdah once in 365 days allows a year later', [rawdahYear], [permit('2026-01-01T06:00:00Z', false)], '2027-02-20T06:00:00Z', null],
    ['a maximum of active permits counts unused ones not yet over', [{ code: 'two-active', kind: 'max_active', maxCount: 2 }], [permit('2027-02-03T06:00:00Z'), permit('2027-02-05T06:00:00Z'), permit('2027-01-05T06:00:00Z', false)], '2027-02-20T06:00:00Z', { rule: 'two-active', eligibleFrom: '2027-02-03T07:00:00.000Z' }],
    ['a minimum gap refuses windows too close', [{ code: 'gap-72h', kind: 'min_gap_hours', gapHours: 72 }], [permit('2027-02-18T06:00:00Z')], '2027-02-20T06:00:00Z', { rule: 'gap-72h', eligibleFrom: '2027-02-21T06:00:00.000Z' }],
    ['a rule holds only in its season', [{ ...rawdahYear, appliesFrom: '2027-03-01' }], [permit('2026-06-01T06:00:00Z', false)], '2027-02-20T06:00:00Z', null],
  ] as const)('%s', (_name, rules, held, window, expected) => {
    const v = judgeRules(rules, held, [], { startsAt: at(window) }, now);
    if (!expected) expect(v).toEqual({ ok: true });
    else expect(v.ok === false && { rule: v.rule, eligibleFrom: v.eligibleFrom.toISOString() }).toEqual(expected);
  });

  it('refuses while a penalty lasts, naming its end', () => {
    const ends = penaltyEnd(at('2027-01-10T08:00:00Z'), 365);
    expect(ends.toISOString()).toBe('2028-01-10T21:00:00.000Z'); // the day after a year, at Saudi midnight
    const v = judgeRules([], [], [{ trigger: 'no_show', endsAt: ends }], { startsAt: at('2027-02-20T06:00:00Z') }, now);
    expect(v).toMatchObject({ ok: false, kind: 'penalty', rule: 'no_show', eligibleFrom: ends });
    expect(judgeRules([], [], [{ trigger: 'no_show', endsAt: at('2027-01-01T00:00:00Z') }], { startsAt: at('2027-02-20T06:00:00Z') }, now)).toEqual({ ok: true });
  });
});
