import { describe, expect, it } from 'vitest';
import { formatHijri } from '../core/dates.ts';
import { directionOf, interpolate, negotiateLocale } from './i18n.ts';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'ar'],
    ['', 'ar'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8,ar;q=0.7', 'fr'],
    ['de-DE,tr;q=0.8,en;q=0.5', 'tr'],
    ['bn-BD', 'bn'],
    ['fa-IR,fa;q=0.9', 'fa'],
    ['de-DE,ar;q=0.5,en;q=0.4', 'ar'],
    ['ar-SA', 'ar'],
    ['en;q=0, ar', 'ar'],
    ['*', 'ar'],
    ['ur-PK,id', 'ur'],
    ['ms-MY', 'ms'],
    ['zh-CN', 'ar'],
    ['garbage;;;q=x', 'ar'],
  ])('picks for %j: %s', (header, expected) => expect(negotiateLocale(header)).toBe(expected));
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Try again in {n} seconds ({missing})', { n: 30 })).toBe('Try again in 30 seconds ({missing})');
  });
  it('does not read inherited properties', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});

describe('dates and direction', () => {
  it('writes Arabic right to left and English left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
  it('formats the Umm al-Qura date of the day of Arafah 1444H', () => {
    expect(formatHijri(new Date('2023-06-27T09:00:00Z'), 'en')).toMatch(/9 Dhuʻl-Hijjah 1444/);
    expect(formatHijri(new Date('2023-06-27T09:00:00Z'), 'ar')).toMatch(/ذو الحجة/);
  });
});
