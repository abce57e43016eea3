import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { languageTable, type Locale } from '../src/common/i18n.ts';
import { webTexts } from './texts.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = new URL('../test-artifacts/', import.meta.url).pathname;

/** Debian's Chromium, never a downloaded build; flags that keep it off the network. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  fs.mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** The password every account of the browser tests is created with. */
export const E2E_PASSWORD = 'e2e passphrase 1447';

/**
 * A browser context; `english` starts the app in English (it starts in Arabic
 * unless told otherwise); `clock` makes the page's clock read the server's.
 */
export async function openContext(browser: Browser, options: Parameters<Browser['newContext']>[0], extra: { english?: boolean; clock?: { now(): Date } } = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (extra.clock) await context.clock.setSystemTime(extra.clock.now());
  if (extra.english) await context.addInitScript(() => localStorage.setItem('manasik.locale', 'en'));
  return context;
}

/** Signs in through the sign-in page, in the language the page is in, and waits for the dashboard. */
export async function signInPage(page: Page, base: string, email: string, ar: boolean, password = E2E_PASSWORD) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(ar ? 'البريد الإلكتروني' : 'Email').fill(email);
  await page.getByLabel(ar ? 'كلمة المرور' : 'Password').fill(password);
  await page.getByRole('button', { name: ar ? 'دخول' : 'Sign in' }).click();
  await page.waitForURL('**/dashboard');
}

/** Switches the page from one language to another with the header's picker, as a visitor does (by the names they read). */
export async function switchLanguage(page: Page, from: Locale, to: Locale) {
  const label = webTexts(from)('app.language');
  await page.getByRole('banner').getByRole('button', { name: `${label} ${languageTable[from].name}` }).click();
  await page.getByRole('list', { name: label }).getByRole('button', { name: languageTable[to].name, exact: true }).click();
}

/** Every console error of a page (a screen that works logs none), collected as the page runs. */
export function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
