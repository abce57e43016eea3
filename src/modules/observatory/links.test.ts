import { describe, expect, it } from 'vitest';
import { linkToken, readLinkToken } from './links.ts';

const inv = '0b9c3f4e-8d1a-4c2b-9e7f-112233445566';
const q = 'a1b2c3d4-0000-4000-8000-998877665544';
describe('survey links carry their own proof', () => {
  it('reads back the invitation and questionnaire it names', () => {
    const token = linkToken('secret', inv, q);
    expect(token).toHaveLength(64);
    expect(readLinkToken('secret', token)).toEqual({ invitationId: inv, questionnaireId: q });
  });
  it.each([
    ['a token under another secret', linkToken('other', inv, q)],
    ['a token with one character changed', linkToken('secret', inv, q).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))],
    ['a token naming another questionnaire under the same MAC', linkToken('secret', inv, q).slice(0, 22) + linkToken('secret', inv, inv).slice(22, 43) + linkToken('secret', inv, q).slice(43)],
    ['a token of the wrong length', 'abc'],
    ['a token with characters outside base64url', `${linkToken('secret', inv, q).slice(0, 63)}!`],
  ])('refuses %s', (_rule, token) => {
    expect(readLinkToken('secret', token)).toBeNull();
  });
});
