import { describe, expect, it } from 'vitest';
import { keepable, offlineCacheFor, serverPaths, sessionAccount } from './offline-rules.ts';

const origin = 'https://manasik.example';
const at = (path: string, method = 'GET') => offlineCacheFor(new URL(path, origin), method, origin);
const id = '0b6f3c9e-4c5a-4f39-9d61-2a1f1d6f7a10';

describe('what the service worker keeps for reading offline', () => {
  it.each([
    '/api/v1/catalogue', '/api/v1/catalogue?country=FR&sort=price_asc&offset=20', `/api/v1/catalogue/${id}`, '/api/v1/catalogue/compare?ids=a,b',
    '/api/v1/meta/countries', '/api/v1/meta/server', '/api/v1/permits/sites',
  ])('keeps the public read %s for everyone', (path) => expect(at(path)).toBe('public'));

  it.each([
    '/api/v1/auth/session', '/api/v1/me/operations', '/api/v1/me/bookings', `/api/v1/me/bookings/${id}`, '/api/v1/me/permits',
    `/api/v1/bookings/${id}/confirmation.pdf`, `/api/v1/bookings/${id}/receipt.pdf`, `/api/v1/bookings/${id}/cards/${id}.pdf`,
    `/api/v1/permits/bookings/${id}/permit.pdf`,
  ])('keeps the pilgrim\'s own read %s in the personal cache, forgotten at sign-out', (path) => expect(at(path)).toBe('personal'));

  it.each([
    '/api/v1/wallet', '/api/v1/me/permit-people', '/api/v1/pilgrim/profile', `/api/v1/pilgrim/documents/${id}/file`, `/api/v1/complaints/${id}/attachments/x`,
    '/api/v1/permits/revocations', `/api/v1/provider/bookings/${id}/manifest.csv`, '/api/v1/audit', '/api/v1/catalogue/a/b', '/api/v1/me/bookings/a/b',
  ])('keeps nothing else of the API: %s', (path) => expect(at(path)).toBeNull());

  it('keeps only reads: never a sign-in, a payment or a sign-out', () => {
    expect(at('/api/v1/auth/session', 'POST')).toBeNull();
    expect(at('/api/v1/auth/session', 'DELETE')).toBeNull();
    expect(at(`/api/v1/bookings/${id}/pay`, 'POST')).toBeNull();
    expect(at('/api/v1/catalogue', 'HEAD')).toBeNull();
  });

  it('keeps nothing of another origin', () => {
    expect(offlineCacheFor(new URL('/api/v1/catalogue', 'https://elsewhere.example'), 'GET', origin)).toBeNull();
  });

  it('keeps only complete answers the server did not mark no-store', () => {
    expect(keepable(200, null)).toBe(true);
    expect(keepable(200, 'private, no-cache')).toBe(true);
    expect(keepable(200, 'public, max-age=60')).toBe(true);
    expect(keepable(200, 'private, no-store')).toBe(false);
    expect(keepable(200, 'No-Store')).toBe(false);
    expect(keepable(206, null)).toBe(false);
    expect(keepable(401, null)).toBe(false);
    expect(keepable(500, null)).toBe(false);
  });

  it('reads whose session a kept answer was', () => {
    expect(sessionAccount({ account: { id, role: 'pilgrim' } })).toBe(id);
    expect(sessionAccount({ account: null })).toBeNull();
    expect(sessionAccount(null)).toBeNull();
    expect(sessionAccount({ type: 'about:blank', status: 500 })).toBeNull();
  });

  it('answers pages from the app shell, and leaves the API, its documentation and the operations endpoints to the server', () => {
    const isServer = (path: string) => serverPaths.some((r) => r.test(path));
    for (const path of ['/', '/catalogue', '/bookings/x', '/permits/mine', '/gate', '/docs-and-more', '/dev/mailbox']) expect(isServer(path), path).toBe(false);
    for (const path of ['/api/v1/me/bookings', '/docs', '/docs/static/index.html', '/openapi.json', '/health', '/ready', '/metrics']) expect(isServer(path), path).toBe(true);
  });
});
