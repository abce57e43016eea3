import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/cli/demo-data.ts';
import { PDF, PNG } from '../src/cli/seed-documents.ts';
import { seedDemo } from '../src/cli/seed.ts';
import { OffsetClock } from '../src/core/clock.ts';
import { actingAs, systemContext } from '../src/core/principal.ts';
import { webDist } from '../src/http/web.ts';
import { artifactsDir, launchBrowser, openContext, signInPage } from './browser.ts';
import { startTestServer } from './server.ts';

/**
 * The installable app on a bad connection: the manifest and its icons, a
 * service worker controlling the page, and a demo pilgrim whose family paid
 * its offer, who opens the catalogue, the bookings, their documents and
 * pilgrim cards, and a permit, then loses the network and finds them all
 * again; signing out leaves nothing of theirs behind; a new version of the
 * worker asks before it takes over.
 */
let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let booking: { id: string; packageTitle: string; documents: { confirmation: string; receipt: string; cards: { url: string }[] } };
let pilgrim = '';
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-GB' };
const PERSONAL = 'manasik-api-personal';

async function api(method: string, url: string, token: string, body?: unknown) {
  const res = await fetch(`${server.base}/api/v1${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en', 'idempotency-key': randomUUID(), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/**
 * The demo, and a family the draw gave seats (Yusuf's when it did: the draw's order depends on the applications' ids)
 * ready to travel: its members' papers approved, the offer paid from the wallet, an Umrah permit for its admin.
 */
async function pilgrimReadyToTravel() {
  const s = server.services;
  await seedDemo(s);
  const officer = await s.accounts.createDirect(systemContext(), { email: 'reviewer@e2e.example', displayName: 'Reviewer', role: 'ministry_officer', locale: 'en' }, DEMO_PASSWORD);
  const reviewer = actingAs(officer.id, { role: 'ministry_officer' }, 'e2e');
  type Held = { id: string; amountDue: number; members: { accountId: string; admin: boolean }[] };
  let token = '';
  let held: Held | undefined;
  for (const email of ['yusuf@manasik.demo', ...Array.from({ length: 22 }, (_, f) => `family${f + 1}.0@families.demo`)]) {
    ({ token } = await s.auth.signIn(systemContext(), { email, password: DEMO_PASSWORD, kind: 'bearer' }));
    held = ((await api('GET', '/me/bookings', token)).items as Held[])[0];
    if (held) {
      pilgrim = email;
      break;
    }
  }
  if (!held) throw new Error('the demo draw gave no family seats');
  for (const member of held.members) {
    for (const type of ['photo', 'passport_scan'] as const) {
      const profile = await s.pilgrims.uploadDocument(actingAs(member.accountId, {}, 'e2e'), type, type === 'photo' ? PNG : PDF);
      const pending = profile.documents.find((d) => d.type === type && d.status === 'pending');
      if (pending) await s.pilgrims.review(reviewer, pending.id, 'approve', undefined);
    }
  }
  const wallet = await api('GET', '/wallet', token);
  await s.wallet.importStatement(systemContext(), `date,reference,amount,transaction_id\n2026-11-01,${wallet.bankReference as string},${(held.amountDue / 100).toFixed(2)},E2E-OFFLINE-1\n`);
  await api('POST', `/bookings/${held.id}/pay`, token, {});
  booking = await api('GET', `/me/bookings/${held.id}`, token) as unknown as typeof booking;
  expect(booking.documents.confirmation).toBeTruthy();

  const person = await api('POST', '/me/permit-people', token, { kind: 'passport', number: 'FR4700011', nationality: 'FR', visaNumber: '6001234571', self: true });
  const umrah = (await api('GET', '/permits/sites', token) as unknown as { id: string; code: string }[]).find((x) => x.code === 'grand-mosque-umrah')!;
  const windows = await s.permits.occupancy(systemContext(), umrah.id, '2000-01-01', '2100-01-01');
  const open = windows.find((w) => w.section === 'men' && new Date(w.startsAt) > new Date())!;
  await api('POST', '/permits/bookings', token, { windowId: open.windowId, personIds: [person.id] });
}

beforeAll(async () => {
  server = await startTestServer({ clock: new OffsetClock() }); // the demo seeds a past draw: a settable clock
  browser = await launchBrowser();
  await pilgrimReadyToTravel();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPhone = () => openContext(browser, phone, { english: true });
/** The service worker registers once the page has loaded, then takes the page. */
const controlled = (page: Page) => page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
const kept = (page: Page, urls: string[]) => page.evaluate(async ({ name, urls }) => {
  const cache = await caches.open(name);
  return Promise.all(urls.map(async (u) => !!(await cache.match(new URL(u, location.origin).href))));
}, { name: PERSONAL, urls });
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

describe('the installable app', () => {
  it('has a valid manifest with fetchable icons, and a service worker controlling the page', async () => {
    const context = await newPhone();
    const page = await context.newPage();
    await page.goto(`${server.base}/catalogue`);
    await page.locator('li.package-card').first().waitFor();
    await controlled(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(`${server.base}/service-worker.js`);

    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const res = await page.request.get(new URL(href!, server.base).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = await res.json() as { name: string; short_name: string; lang: string; dir: string; start_url: string; scope: string; display: string; theme_color: string; background_color: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
    expect(manifest).toMatchObject({ start_url: '/', scope: '/', display: 'standalone', lang: 'ar', dir: 'rtl', theme_color: '#0b5d4b' });
    expect(manifest.name).toContain('Manasik');
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    for (const [size, purpose] of [[192, 'any'], [512, 'any'], [192, 'maskable'], [512, 'maskable']] as const) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && (i.purpose ?? 'any').split(' ').includes(purpose));
      expect(icon, `${size} ${purpose}`).toMatchObject({ type: 'image/png' });
      const png = await page.request.get(new URL(icon!.src, server.base).href);
      expect(png.headers()['content-type']).toBe('image/png');
      expect(pngSize(await png.body())).toEqual({ width: size, height: size });
    }
    // Chromium's own verdict on the manifest and the worker.
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest') as { errors: { message: string; critical: number }[] };
    expect(parsed.errors.filter((e) => e.critical)).toEqual([]);
    // Every Playwright context is an incognito one, where Chromium installs nothing; no other reason may remain.
    const installability = (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId);
    expect(installability.filter((id) => id !== 'in-incognito')).toEqual([]);
    await context.close();
  });

  it('keeps the catalogue and the pilgrim\'s bookings, documents, cards and permit readable offline once seen', async () => {
    const context = await newPhone();
    const page = await context.newPage();
    await signInPage(page, server.base, pilgrim, false, DEMO_PASSWORD);
    await controlled(page);
    const documents = [booking.documents.confirmation, booking.documents.receipt, ...booking.documents.cards.map((c) => c.url)];
    expect(documents.length).toBeGreaterThanOrEqual(3); // confirmation, receipt, a card for each member

    // Online, once: the catalogue, the bookings, one booking (its documents are kept as it shows them), the permits.
    await page.goto(`${server.base}/catalogue`);
    await page.locator('li.package-card').first().waitFor();
    const packages = await page.locator('li.package-card h2').allTextContents();
    expect(packages.length).toBeGreaterThan(0);
    await page.goto(`${server.base}/bookings`);
    await page.locator('.badge.booking-confirmed').first().waitFor();
    await page.goto(`${server.base}/bookings/${booking.id}`);
    await page.getByRole('link', { name: 'Booking confirmation (PDF)' }).waitFor();
    await expect.poll(() => kept(page, documents), { timeout: 20_000 }).toEqual(documents.map(() => true));
    await page.goto(`${server.base}/permits/mine`);
    const code = await page.locator('.short-code code').first().textContent();
    expect(code).toBeTruthy();

    await context.setOffline(true);
    await page.reload();
    await page.getByText('You are offline: pages show what this device saved when it was last online.').waitFor();
    await page.locator('.short-code code', { hasText: code! }).waitFor();
    await page.goto(`${server.base}/bookings`);
    await page.locator('.badge.booking-confirmed').first().waitFor();
    await page.getByText(booking.packageTitle).first().waitFor();
    await page.goto(`${server.base}/bookings/${booking.id}`);
    await page.getByRole('link', { name: 'Receipt with VAT (PDF)' }).waitFor();
    expect(await page.getByRole('link', { name: /^Pilgrim card — .* \(PDF\)$/ }).count()).toBe(booking.documents.cards.length);
    for (const url of documents) {
      const pdf = await page.evaluate(async (u) => {
        const r = await fetch(u);
        return { status: r.status, type: r.headers.get('content-type'), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
      }, url);
      expect(pdf, url).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    }
    await page.goto(`${server.base}/catalogue`);
    await page.locator('li.package-card').first().waitFor();
    expect(await page.locator('li.package-card h2').allTextContents()).toEqual(packages);
    await page.screenshot({ path: path.join(artifactsDir, 'offline-catalogue-en-360.png'), fullPage: true });
    // Only what is on the worker's lists is kept: the wallet is not.
    expect(await page.evaluate(() => fetch('/api/v1/wallet').then(() => 'answered', () => 'no network'))).toBe('no network');
    await context.close();
  });
});

describe('leaving nothing behind', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('forgets the pilgrim\'s kept answers and permits at sign-out, even offline afterwards', async () => {
    context = await newPhone();
    const page = await context.newPage();
    await signInPage(page, server.base, pilgrim, false, DEMO_PASSWORD);
    await controlled(page);
    await page.goto(`${server.base}/bookings`);
    await page.locator('.badge.booking-confirmed').first().waitFor();
    await page.goto(`${server.base}/permits/mine`);
    await page.locator('.short-code code').first().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('manasik.permits.mine'))).not.toBeNull();

    await page.locator('.menu-button').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.base}/`);
    expect(await page.evaluate(() => localStorage.getItem('manasik.permits.mine'))).toBeNull();
    const left = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), PERSONAL);
    expect(left).toEqual([]);

    await context.setOffline(true);
    await page.goto(`${server.base}/bookings`);
    await page.waitForURL('**/sign-in');
    expect(await page.getByText(booking.packageTitle).count()).toBe(0);
  });
});

describe('a new version', () => {
  const worker = path.join(webDist, 'service-worker.js');
  let original: string | undefined;
  afterAll(() => {
    if (original !== undefined) fs.writeFileSync(worker, original);
  });

  it('is announced in a status banner and takes over when the pilgrim reloads', async () => {
    const context = await newPhone();
    const page = await context.newPage();
    await page.goto(`${server.base}/catalogue`);
    await controlled(page);
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Manasik is available.' });
    expect(await banner.count()).toBe(0);

    // A new build: the worker's bytes change; the page looks for it as it does every hour.
    original = fs.readFileSync(worker, 'utf8');
    fs.writeFileSync(worker, `${original}\n// a new build ${Date.now()}\n`);
    await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())!.update()));
    await banner.waitFor();
    await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
    await page.screenshot({ path: path.join(artifactsDir, 'update-banner-en-360.png') });

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload)).toBeUndefined();
    await page.locator('li.package-card').first().waitFor();
    expect(await banner.count()).toBe(0);
    expect(await page.evaluate(async () => {
      const r = (await navigator.serviceWorker.getRegistration())!;
      return { waiting: !!r.waiting, controlled: navigator.serviceWorker.controller?.scriptURL === r.active?.scriptURL };
    })).toEqual({ waiting: false, controlled: true });
    await context.close();
  });
});
