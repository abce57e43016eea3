import { describe, expect, it } from 'vitest';
import { linkToken, readLinkToken } from './links.ts';

const id = '0b9c3f4e-8d1a-4c2b-9e7f-112233445566';
describe('survey links carry their own proof', () => {
  it('reads back the invitation it names', () => {
    const token = linkToken('secret', id);
    expect(token).toHaveLength(43);
    expect(readLinkToken('secret', token)).toBe(id);
  });
  it.each([
    ['a token under another secret', linkToken('other', id)],
    ['a token with one character changed', linkToken('secret', id).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))],
    ['a token of the wrong length', 'abc'],
    ['a token with characters outside base64url', `${linkToken('secret', id).slice(0, 42)}!`],
  ])('refuses %s', (_rule, token) => {
    expect(readLinkToken('secret', token)).toBeNull();
  });
});
