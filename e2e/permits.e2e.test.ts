import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { systemContext } from '../src/core/principal.ts';
import type { TestApp } from '../src/testing/harness.ts';
import { beforeRamadan, permitFixtures } from '../src/testing/permit-fixtures.ts';
import { E2E_PASSWORD as PASSWORD, artifactsDir, launchBrowser, openContext, signInPage } from './browser.ts';
import { startTestServer } from './server.ts';

/**
 * A Rawdah window booked on a phone in Arabic; the permit checked at the gate
 * with the device's network cut, admitted once and refused the second time,
 * the scans uploaded when the network is back, and the occupancy counting the
 * check-in. The browsers run on the server's clock (a week before Ramadan 1448H).
 */
let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: ReturnType<typeof permitFixtures>;
const clock = new ManualClock(beforeRamadan);
const DAY = '2027-02-10';
const headers: Record<string, Record<string, string>> = {};
let rawdah: Awaited<ReturnType<ReturnType<typeof permitFixtures>['site']>>;

async function account(email: string, role: 'pilgrim' | 'ministry_officer' | 'gate_officer', locale: 'ar' | 'en') {
  await server.services.accounts.createDirect(systemContext(), { email, displayName: email.split('@')[0]!, role, locale }, PASSWORD);
  const { token } = await server.services.auth.signIn(systemContext(), { email, password: PASSWORD, kind: 'bearer' });
  headers[email] = { authorization: `Bearer ${token}` };
}

const newContext = (options: Parameters<Browser['newContext']>[0], english = false) => openContext(browser, options, { clock, english });

const signIn = (page: Page, email: string, ar: boolean) => signInPage(page, server.base, email, ar);

beforeAll(async () => {
  server = await startTestServer({ clock });
  browser = await launchBrowser();
  fx = permitFixtures({ app: server.app } as unknown as TestApp);
  await account('officer@e2e.example', 'ministry_officer', 'en');
  await account('gate@e2e.example', 'gate_officer', 'en');
  await account('fatima@e2e.example', 'pilgrim', 'ar');
  rawdah = await fx.site(headers['officer@e2e.example']!, { code: 'rawdah', kind: 'rawdah', capacity: 3, windowMinutes: 20, hours: [{ from: 6 * 60, to: 8 * 60 }], maxGroup: 2 });
  // Fatima proved her passport and visa once (the registry says she is a woman).
  const proved = await fx.api('POST', '/me/permit-people', headers['fatima@e2e.example']!, { kind: 'passport', number: 'P0000002', nationality: 'FR', visaNumber: '6000000123', self: true });
  expect(proved.statusCode, proved.body).toBe(201);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('permits in the browser', () => {
  it('a pilgrim books a Rawdah window on a phone, in Arabic, and sees her permit with its code', async () => {
    const context = await newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();
    await signIn(page, 'fatima@e2e.example', true);
    await page.goto(`${server.base}/permits?site=rawdah&date=${DAY}&section=women`);
    await page.locator('ul.windows li').first().waitFor();
    await page.locator('ul.windows li').first().getByRole('button', { name: /اختر/ }).click();
    await page.locator('fieldset.people input[type=checkbox]').first().check();
    await page.getByRole('button', { name: 'احجز لشخص واحد' }).click();
    await page.getByText('تم الحجز: تصاريحك ورموز QR الخاصة بها جاهزة.').waitFor();
    await page.goto(`${server.base}/permits/mine`);
    await page.locator('.short-code code').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(artifactsDir, 'permit-ar-360.png'), fullPage: true });
    await context.close();
  });

  it('a gate checks the permit with its network cut, uploads when it is back, and the occupancy counts it', async () => {
    const mine = (await fx.api('GET', '/me/permits', headers['fatima@e2e.example']!)).json() as { items: { windowId: string; startsAt: string; permits: { code: string }[] }[] };
    const booking = mine.items[0]!;
    clock.set(new Date(Date.parse(booking.startsAt) + 60_000));
    const context: BrowserContext = await newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' }, true);
    const page = await context.newPage();
    await signIn(page, 'gate@e2e.example', false);
    await page.goto(`${server.base}/gate`);
    // Installing from here installs the gate's own app, not the pilgrim app.
    await page.locator('link[rel="manifest"][href="/gate.webmanifest"]').waitFor({ state: 'attached' });
    expect(await page.locator('link[rel="manifest"]').count()).toBe(1);
    await page.getByLabel('Site').selectOption({ label: 'The Rawdah' });
    await page.getByLabel('Gate', { exact: true }).selectOption({ label: '2 — Gate 2' });
    await page.getByRole('button', { name: 'Use this gate and sync' }).click();
    await page.getByRole('heading', { name: 'Check a permit' }).waitFor();
    await page.getByText(/^Synced /).waitFor();

    await context.setOffline(true);
    await page.getByText('Offline: checking on this device; scans wait for the network.').waitFor();
    const check = async (code: string) => {
      await page.getByLabel('Typed code (or the whole token)').fill(code);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
    };
    await check(booking.permits[0]!.code);
    await page.getByText(/^\W*ADMIT$/).waitFor();
    await check(booking.permits[0]!.code);
    await page.getByText(/^\W*ALREADY USED$/).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'gate-offline-en.png'), fullPage: true });
    const before = (await fx.api('GET', `/permits/sites/${rawdah.siteId}/occupancy?from=${DAY}&to=${DAY}`, headers['officer@e2e.example']!)).json() as { windowId: string; checkedIn: number }[];
    expect(before.find((o) => o.windowId === booking.windowId)?.checkedIn ?? 0).toBe(0);

    await context.setOffline(false);
    await page.getByText(/^Last upload:/).waitFor();
    const after = (await fx.api('GET', `/permits/sites/${rawdah.siteId}/occupancy?from=${DAY}&to=${DAY}`, headers['officer@e2e.example']!)).json() as { windowId: string; booked: number; checkedIn: number }[];
    expect(after.find((o) => o.windowId === booking.windowId)).toMatchObject({ booked: 1, checkedIn: 1 });
    await context.close();
  });
});
