import { describe, expect, it } from 'vitest';
import { retryDelaySeconds, signatureHeader, verifySignature } from './signature.ts';
import { checkWebhookUrl } from './url-policy.ts';

describe('webhook signatures', () => {
  const secret = 'whsec_test_secret';
  const body = '{"type":"package.published"}';
  const header = signatureHeader(secret, 1_800_000_000, body);

  it('has the documented shape', () => expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/));

  it.each([
    ['the right secret and body', header, secret, body, 1_800_000_010, null],
    ['another secret', header, 'whsec_other', body, 1_800_000_010, 'mismatch'],
    ['a changed body', header, secret, body + ' ', 1_800_000_010, 'mismatch'],
    ['a replay an hour later', header, secret, body, 1_800_003_600, 'too_old'],
    ['a forged timestamp', header.replace('t=1800000000', 't=1800003600'), secret, body, 1_800_003_600, 'mismatch'],
    ['garbage', 'v1=abc', secret, body, 1_800_000_000, 'malformed'],
  ])('verifies %s', (_name, h, s, b, now, expected) => expect(verifySignature(h, s, b, now)).toBe(expected));
});

describe('retryDelaySeconds', () => {
  it.each([
    [1, 30],
    [2, 60],
    [5, 480],
    [20, 21_600],
  ])('after %i failures waits %i s', (failures, seconds) => expect(retryDelaySeconds(failures)).toBe(seconds));
});

describe('checkWebhookUrl', () => {
  it.each([
    ['https://hooks.example.org/manasik', false, null],
    ['http://hooks.example.org/manasik', false, 'scheme'],
    ['ftp://hooks.example.org', true, 'scheme'],
    ['https://127.0.0.1/x', false, 'private_address'],
    ['https://10.1.2.3/x', false, 'private_address'],
    ['https://172.20.0.1/x', false, 'private_address'],
    ['https://192.168.1.1/x', false, 'private_address'],
    ['https://169.254.169.254/latest/meta-data', false, 'private_address'],
    ['https://[::1]/x', false, 'private_address'],
    ['https://localhost/x', false, 'private_address'],
    ['https://user:pass@hooks.example.org', false, 'credentials'],
    ['not a url', false, 'not_a_url'],
    ['http://127.0.0.1:8080/hook', true, null],
  ])('%s (private allowed: %s) → %s', (url, allow, expected) => expect(checkWebhookUrl(url, allow)).toBe(expected));
});
