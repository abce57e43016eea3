import { describe, expect, it } from 'vitest';
import { canonicalJson, parseCanonical } from './canonical-json.ts';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, as the RFC\'s example shows (not by code points)', () => {
    const keys = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const text = canonicalJson(keys);
    const order = Object.values(keys).sort((a, b) => text.indexOf(a) - text.indexOf(b));
    expect(order).toEqual(['Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh']);
  });

  it('writes no whitespace, integers plainly, and escapes only what JSON must', () => {
    expect(canonicalJson({ b: [1, null, true], a: 'x"y\\z\u0001é' })).toBe('{"a":"x\\"y\\\\z\\u0001é","b":[1,null,true]}');
  });

  it.each([
    ['whitespace', '{"a": 1}'],
    ['keys out of order', '{"b":1,"a":2}'],
    ['a byte-order mark', '\ufeff{"a":1}'],
    ['a line feed after', '{"a":1}\n'],
    ['an integer written 1.0', '{"a":1.0}'],
    ['a negative zero', '{"a":-0}'],
    ['an integer JavaScript cannot hold', '{"a":12345678901234567890}'],
    ['an escaped character that needs none', '{"a":"\\u0041"}'],
    ['a lone surrogate', '{"a":"\\ud800"}'],
    ['a key twice', '{"a":1,"a":1}'],
    ['not JSON at all', '{"a":'],
  ])('refuses %s', (_name, text) => expect(parseCanonical(text)).toHaveProperty('problem'));

  it('accepts the canonical form, and gives the value', () => expect(parseCanonical('{"a":[1,"é"],"b":null}')).toEqual({ value: { a: [1, 'é'], b: null } }));
});
