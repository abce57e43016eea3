import { describe, expect, it } from 'vitest';
import { isolate, neutralsRightToLeft, pieceDirection, visualRuns } from './rtl-text.ts';

describe('visualRuns', () => {
  it.each([
    ['تأكيد الحجز', 'rtl', [['تأكيد الحجز', true]]],
    ['Booking confirmed', 'ltr', [['Booking confirmed', false]]],
    // A Latin code inside Arabic sits where a reader expects it: to the left of the words before it.
    ['موسم 1448H للحج', 'rtl', [['للحج', true], [' ', true], ['1448H', false], [' ', true], ['موسم', true]]],
    ['Package: باقة الصفوة', 'ltr', [['Package: ', false], ['باقة الصفوة', true]]],
    ['', 'rtl', []],
  ] as const)('%s (%s)', (line, base, expected) => {
    const runs = visualRuns(line, base).map((r) => [r.text, r.rtl]);
    // Adjacent runs at the same direction may be split differently; compare the visual text and directions.
    const flat = (rs: readonly (readonly [string, boolean])[]) => rs.map(([t, rtl]) => (rtl ? [...t].reverse().join('') : t)).join('');
    expect(flat(runs as [string, boolean][])).toBe(flat(expected as readonly (readonly [string, boolean])[]));
  });
});

describe('pieceDirection', () => {
  it.each([
    ['بکنگ', 'rtl'],
    [' الحاج', 'rtl'],
    ['۱۴۴۸', 'ltr'],
    ['١٤٤٨', 'ltr'],
    ['কি', 'ltr'],
    ['(: ', 'ltr'],
  ] as const)('%s is set %s', (text, direction) => {
    expect(pieceDirection(text)).toBe(direction);
  });
});

describe('neutralsRightToLeft', () => {
  it('reverses neutral characters and mirrors brackets, as a right-to-left run shows them', () => {
    expect(neutralsRightToLeft(': (')).toBe(') :');
    expect(neutralsRightToLeft('«')).toBe('»');
  });
});

describe('isolate', () => {
  it('keeps a Latin name\'s full stop with it in a right-to-left line, as a cell with dir=auto does', () => {
    expect(visualRuns('Al-Safwa Co.', 'rtl').map((r) => r.text)).toEqual(['.', 'Al-Safwa Co']);
    expect(visualRuns(isolate('Al-Safwa Co.'), 'rtl').find((r) => !r.rtl)?.text).toBe('Al-Safwa Co.');
  });
});
