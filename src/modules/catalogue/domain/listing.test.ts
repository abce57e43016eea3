import { describe, expect, it } from 'vitest';
import { availability, pickText } from './listing.ts';

describe('availability', () => {
  it.each([
    [100, 0, 'open'],
    [100, 89, 'open'],
    [100, 90, 'few_left'],
    [100, 99, 'few_left'],
    [100, 100, 'full'],
    [1000, 899, 'open'],
    [1000, 900, 'few_left'],
    [8, 0, 'open'], // a small package is not "few left" before anyone books
    [8, 1, 'few_left'],
    [8, 8, 'full'],
    [5, 7, 'full'],
  ])('capacity %i with %i taken is %s', (capacity, taken, state) => expect(availability(capacity, taken)).toBe(state));
});

describe('pickText', () => {
  it.each([
    [{ ar: 'باقة', en: 'Package' }, 'en', 'Package', 'en'],
    [{ ar: 'باقة', en: 'Package' }, 'ar', 'باقة', 'ar'],
    [{ ar: 'باقة', en: 'Package' }, 'fr', 'Package', 'en'],
    [{ ar: 'باقة', en: 'Package' }, 'ur', 'باقة', 'ar'],
    [{ ar: 'باقة', en: 'Package', fa: 'بسته' }, 'fa', 'بسته', 'fa'],
    [{ ar: 'باقة' }, 'id', 'باقة', 'ar'],
    [{ en: 'Package' }, 'ar', 'Package', 'en'],
    [{ id: 'Paket' }, 'en', 'Paket', 'id'],
    [{}, 'en', '', ''],
  ])('%j in %s reads %s', (text, lang, expected, from) => expect(pickText(text, lang)).toEqual({ text: expected, language: from }));
});
