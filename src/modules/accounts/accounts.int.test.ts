import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const PASSWORD = 'a long pilgrim passphrase';

async function lastToken(email: string): Promise<string> {
  const [message] = await t.services.notifications.mailbox(email);
  const token = /token=([A-Za-z0-9_-]+)/.exec(message?.text ?? '')?.[1];
  if (!token) throw new Error(`no token mailed to ${email}`);
  return token;
}

async function register(email: string, locale = 'en') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: PASSWORD, displayName: 'Amina Yusuf', locale },
  });
}

async function cookieSignIn(email: string, password = PASSWORD) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/session', payload: { email, password } });
}

describe('pilgrim registration and sign-in', () => {
  it('registers, emails a verification link in the pilgrim\'s language, and refuses sign-in until verified', async () => {
    const res = await register('amina@example.org', 'ar');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'amina@example.org', role: 'pilgrim', emailVerified: false, locale: 'ar' });
    expect(res.json()).not.toHaveProperty('passwordHash');

    const [mail] = await t.services.notifications.mailbox('amina@example.org');
    expect(mail?.subject).toContain('مناسك');
    expect(mail?.text).toContain('/verify-email?token=');

    const early = await cookieSignIn('amina@example.org');
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('auth.email_not_verified');
  });

  it('verifies the email once; the same link cannot be used twice', async () => {
    const token = await lastToken('amina@example.org');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(ok.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('auth.token_invalid');
  });

  it('signs in with an httpOnly SameSite cookie that opens /me, and signs out', async () => {
    const res = await cookieSignIn('AMINA@example.org');
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/manasik_session=mks_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;

    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('amina@example.org');

    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.unauthenticated');
  });

  it('refuses a duplicate registration whatever the case of the email', async () => {
    const res = await register('Amina@Example.org');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('account.email_taken');
  });

  it('refuses a weak password and writes nothing', async () => {
    const before = await t.tableCounts();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'weak@example.org', password: '1234567890', displayName: 'W' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('account.password_too_weak');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'weak@example.org', password: 'short', displayName: 'W' },
    });
    expect(short.json().errors).toEqual([{ pointer: '/body/password', message: expect.stringContaining('10') }]);
    expect(await t.tableCounts()).toEqual(before);
  });

  it('issues a bearer token for API clients; a revoked token is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { email: 'amina@example.org', password: PASSWORD, label: 'my script' },
    });
    expect(res.statusCode).toBe(201);
    const { token } = res.json();
    expect(token).toMatch(/^mkb_/);
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/me', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/session', headers })).statusCode).toBe(204);
    const dead = await t.app.inject({ url: '/api/v1/me', headers });
    expect(dead.statusCode).toBe(401);
    expect(dead.json().code).toBe('auth.session_invalid');
  });

  it('refuses a forged or malformed bearer token even on a public route', async () => {
    for (const authorization of ['Bearer mkb_forgedforgedforgedforged', 'Bearer x', 'Basic abc']) {
      const res = await t.app.inject({ url: '/health', headers: { authorization } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('expires a session after its lifetime', async () => {
    const res = await cookieSignIn('amina@example.org');
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    t.clock.advance(t.config.sessionTtlHours * 3_600_000 + 1000);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    // A dead cookie is cleared rather than blocking the next sign-in.
    expect(String(me.headers['set-cookie'])).toMatch(/manasik_session=;/);
  });

  it('remembers the language switch on the account', async () => {
    const res = await cookieSignIn('amina@example.org');
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'en' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().locale).toBe('en');
    // Errors now come in English for this account when the client states no language.
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'de' } });
    expect(bad.json().title).toMatch(/not valid/);
    // Any of the nine languages is kept (migrations/0034_nine_languages.sql), and its emails follow it.
    const french = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'fr' } });
    expect(french.json().locale).toBe('fr');
  });
});

describe('failed sign-ins', () => {
  it('answers the same for an unknown email and a wrong password', async () => {
    const unknown = await cookieSignIn('nobody@example.org');
    const wrong = await cookieSignIn('amina@example.org', 'not the password at all');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().code).toBe(wrong.json().code);
  });

  it('slows down after repeated failures, then lets the right password in once the wait is over', async () => {
    await register('fatima@example.org');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: await lastToken('fatima@example.org') } });
    for (let i = 0; i < 5; i++) expect((await cookieSignIn('fatima@example.org', 'wrong password ' + i)).statusCode).toBe(401);
    const locked = await cookieSignIn('fatima@example.org');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.too_many_failures');
    expect(Number(locked.headers['retry-after'])).toBe(30);
    t.clock.advance(31_000);
    expect((await cookieSignIn('fatima@example.org')).statusCode).toBe(200);
    const audit = await t.services.audit.query({ action: 'account.sign_in_failed', limit: 10 });
    expect(audit.items.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(audit.items)).not.toContain('wrong password');
  });

  it('counts every one of several wrong guesses made at the same moment', async () => {
    await register('burst@example.org');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: await lastToken('burst@example.org') } });
    const codes = (await Promise.all(Array.from({ length: 6 }, (_, i) => cookieSignIn('burst@example.org', `wrong guess ${i}`)))).map((r) => r.statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401]);
    const locked = await cookieSignIn('burst@example.org');
    expect(locked.json().code).toBe('auth.too_many_failures');
    expect(Number(locked.headers['retry-after'])).toBe(60); // the sixth failure doubles the wait
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await createTestApp({ SIGN_IN_RATE_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/session',
          payload: { email: 'x@example.org', password: 'whatever123' },
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json().code).toBe('request.rate_limited');
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('password reset', () => {
  it('answers 202 whether or not the email exists, and mails only a real account', async () => {
    for (const email of ['amina@example.org', 'ghost@example.org']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
      expect(res.statusCode).toBe(202);
    }
    expect(await t.services.notifications.mailbox('ghost@example.org')).toHaveLength(0);
  });

  it('sets the new password, revokes open sessions, and the link expires after an hour', async () => {
    const session = await cookieSignIn('amina@example.org');
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    const token = await lastToken('amina@example.org');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'a brand new passphrase' },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await cookieSignIn('amina@example.org', 'a brand new passphrase')).statusCode).toBe(200);

    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'amina@example.org' } });
    const stale = await lastToken('amina@example.org');
    t.clock.advance(3_600_000 + 1);
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: stale, password: 'another new passphrase' },
    });
    expect(late.json().code).toBe('auth.token_invalid');
  });
});

describe('staff accounts', () => {
  it('401 without credentials, 403 for a ministry officer, 400 for a bad binding, then created by an admin', async () => {
    const body = { email: 'mission.fr@example.org', displayName: 'Mission FR', role: 'mission_officer', countryCode: 'FR' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/staff', payload: body })).statusCode).toBe(401);
    const officer = await t.signInAs('ministry_officer');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/staff', payload: body, headers: officer.headers })).statusCode).toBe(403);
    const admin = await t.signInAs('ministry_admin');
    const unbound = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      payload: { ...body, countryCode: undefined },
      headers: admin.headers,
    });
    expect(unbound.statusCode).toBe(400);
    expect(unbound.json().code).toBe('account.binding_required');
    const unknownCountry = await t.app.inject({ method: 'POST', url: '/api/v1/staff', payload: { ...body, countryCode: 'QQ' }, headers: admin.headers });
    expect(unknownCountry.json().code).toBe('account.unknown_country');

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/staff', payload: body, headers: admin.headers });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'mission_officer', countryCode: 'FR', emailVerified: false });

    // The invitation link sets the password and proves the address.
    const token = await lastToken('mission.fr@example.org');
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: TEST_PASSWORD },
    });
    expect(accept.statusCode).toBe(204);
    const signIn = await cookieSignIn('mission.fr@example.org', TEST_PASSWORD);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().account).toMatchObject({ role: 'mission_officer', countryCode: 'FR', emailVerified: true });

    const audit = await t.services.audit.query({ action: 'account.created', subjectId: created.json().id, limit: 5 });
    expect(audit.items[0]).toMatchObject({ actorId: admin.accountId, actorRole: 'ministry_admin' });
  });

  it('a disabled account loses its sessions at once; an admin cannot disable itself', async () => {
    const admin = await t.signInAs('ministry_admin');
    const gate = await t.signInAs('gate_officer');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${gate.accountId}/status`,
      payload: { status: 'disabled' },
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: gate.headers })).statusCode).toBe(401);
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${admin.accountId}/status`,
      payload: { status: 'disabled' },
      headers: admin.headers,
    });
    expect(self.json().code).toBe('account.cannot_disable_self');
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/accounts/00000000-0000-4000-8000-0000000000ff/status',
      payload: { status: 'disabled' },
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lists accounts by role for the ministry, page by page', async () => {
    const officer = await t.signInAs('ministry_officer');
    const page = await t.app.inject({ url: '/api/v1/accounts?role=pilgrim&limit=1', headers: officer.headers });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(1);
    const next = await t.app.inject({
      url: `/api/v1/accounts?role=pilgrim&limit=1&after=${encodeURIComponent(page.json().nextCursor)}`,
      headers: officer.headers,
    });
    expect(next.json().items[0].email).not.toBe(page.json().items[0].email);
    const pilgrim = await t.signInAs('pilgrim');
    expect((await t.app.inject({ url: '/api/v1/accounts', headers: pilgrim.headers })).statusCode).toBe(403);
  });
});
