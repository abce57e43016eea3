import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/core/principal.ts';
import { launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
const PASSWORD = 'e2e passphrase 1447';

beforeAll(async () => {
  server = await startTestServer();
  // A phone on the local network reaches the server by a name over plain http: not a secure context for the browser.
  browser = await launchBrowser(['--host-resolver-rules=MAP manasik.test 127.0.0.1']);
  await server.services.accounts.createDirect(systemContext(), { email: 'phone@e2e.example', displayName: 'Phone user', role: 'pilgrim', locale: 'ar' }, PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the app served over plain http under a host name (HOST=0.0.0.0, a phone on the network)', () => {
  it('renders, signs in and starts a top-up with its one-operation key, with no console error', async () => {
    const port = new URL(server.base).port;
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ar-SA' }); // an Arabic phone: a first visit follows the browser's language
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://manasik.test:${port}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await page.getByRole('heading', { level: 1 }).waitFor(); // blank before: the CSP sent the assets to https
    await page.goto(`http://manasik.test:${port}/sign-in`);
    await page.getByLabel('البريد الإلكتروني').fill('phone@e2e.example');
    await page.getByLabel('كلمة المرور').fill(PASSWORD);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.waitForURL(/dashboard/);
    await page.goto(`http://manasik.test:${port}/wallet`);
    await page.getByLabel('المبلغ (ريال)').fill('100');
    await page.getByRole('button', { name: 'تابع إلى الدفع بالبطاقة' }).click();
    await page.waitForURL(/\/pay\/sim\//); // the key was made without crypto.randomUUID, which insecure pages lack
    expect(errors).toEqual([]);
    await context.close();
  });
});
