import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { cleanInput, jsonTooDeep } from './input-hygiene.ts';

describe('jsonTooDeep', () => {
  it.each([
    ['a flat object', '{"a": 1, "b": [1, 2]}', 4, false],
    ['exactly at the limit', '[[[[1]]]]', 4, false],
    ['one level past the limit', '[[[[[1]]]]]', 4, true],
    ['brackets inside strings do not count', '{"a": "[[[[[[[[[["}', 2, false],
    ['an escaped quote does not end the string', '{"a": "\\"[[[[[[[["}', 2, false],
    ['10,000 levels', '['.repeat(10_000) + ']'.repeat(10_000), 32, true],
  ])('%s', (_name, text, limit, expected) => {
    expect(jsonTooDeep(text, limit)).toBe(expected);
  });
});

describe('cleanInput', () => {
  const refusal = (value: unknown) => {
    try {
      cleanInput(value, '/body');
    } catch (error) {
      return error instanceof AppError ? { code: error.code, pointer: error.fieldErrors[0]?.pointer } : error;
    }
    return null;
  };

  it.each([
    ['refuses a lone high surrogate in a string', { name: 'ab\ud800cd' }, '/body/name'],
    ['refuses a lone low surrogate deep in a list', { rules: [{ id: 'x' }, { id: '\udc00' }] }, '/body/rules/1/id'],
    ['refuses a lone surrogate in a key', { ['k\ud800']: 1 }, '/body/k\ud800'],
    ['refuses a whole-string body (CSV) with a lone surrogate', 'country,seats\n\ud800,1', '/body'],
  ])('%s', (_name, value, pointer) => {
    expect(refusal(value)).toEqual({ code: 'request.ill_formed_text', pointer });
  });

  it.each([
    ['keeps a surrogate pair (an emoji)', { name: 'hajj 🕋' }, { name: 'hajj 🕋' }],
    ['normalises decomposed accents to NFC', { name: 'Jose\u0301' }, { name: 'José' }],
    ['normalises Arabic with a decomposed hamza', 'ا\u0654', 'أ'],
    ['leaves numbers, booleans and null alone', { a: 1, b: true, c: null }, { a: 1, b: true, c: null }],
  ])('%s', (_name, value, expected) => {
    expect(cleanInput(value, '/body')).toEqual(expected);
  });
});
