import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageTable, locales, type Locale } from '../src/common/i18n.ts';
import { axeViolations } from './axe.ts';
import { artifactsDir, launchBrowser, watch } from './browser.ts';
import { pilgrimJourney, startJourneyServer } from './journey.ts';
import { pageLanguage, textZoomProblems } from './page-checks.ts';
import { startTestServer } from './server.ts';
import { hasWebTexts, webTexts } from './texts.ts';

/**
 * Accessibility over the pilgrim journey, on a 360-px phone, right to left
 * (Arabic) and left to right (English): axe-core at every screen with no
 * serious or critical violation, <html lang dir> right, and every screen
 * usable with the text at 200 % (its screenshots at that size are kept under
 * test-results/text-200/<language>/). Each run collects every finding
 * before it fails, so one run lists them all.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe.each(['ar', 'en'] as const)('the pilgrim journey in %s on a phone', (language) => {
  let server: Awaited<ReturnType<typeof startJourneyServer>>;
  beforeAll(async () => {
    server = await startJourneyServer(language);
  }, 180_000);
  afterAll(async () => server?.close());

  it('has no serious or critical axe violation and no screen broken at 200 % text', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: languageTable[language].region });
    const page = await context.newPage();
    const errors = watch(page);
    const findings: string[] = [];
    const stops: string[] = [];
    const shots = path.resolve('test-results/text-200', language);
    fs.mkdirSync(shots, { recursive: true });
    await pilgrimJourney({
      page, server, language, t: webTexts(language),
      stop: async (name) => {
        stops.push(name);
        expect(await pageLanguage(page), name).toEqual({ lang: language, dir: languageTable[language].dir });
        expect(await page.locator('h1').count(), `${name}: one <h1>`).toBe(1);
        for (const v of await axeViolations(page)) findings.push(`${name} (axe): ${v}`);
        for (const p of await textZoomProblems(page, { scale: '100%' })) findings.push(`${name} (360 px): ${p}`);
        const screenshot = path.join(shots, `${String(stops.length).padStart(2, '0')}-${name}.png`);
        for (const p of await textZoomProblems(page, { screenshot })) findings.push(`${name} (200 % text): ${p}`);
      },
    }).catch(async (error: unknown) => {
      await page.screenshot({ path: path.join(artifactsDir, `accessibility-${language}-failed.png`), fullPage: true });
      throw error;
    });
    expect(stops.length).toBeGreaterThan(25);
    expect(findings, findings.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('the language picker', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('lists the languages by their own names on every page, keeps the choice on this device, and works by keyboard at 360 px', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'ar-SA' });
    const page = await context.newPage();
    const errors = watch(page);
    const ar = webTexts('ar');
    const en = webTexts('en');
    const offered = locales.filter(hasWebTexts);
    await page.goto(`${server.base}/catalogue`);
    await page.getByRole('heading', { level: 1, name: ar('catalogue.title') }).waitFor();

    const toggle = page.getByRole('button', { name: `${ar('app.language')} ${languageTable.ar.name}` });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const list = page.getByRole('list', { name: ar('app.language') });
    const options = list.getByRole('button');
    expect(await options.allTextContents()).toEqual(offered.map((l: Locale) => languageTable[l].name));
    expect(await options.evaluateAll((els) => els.map((e) => e.getAttribute('lang')))).toEqual(offered);
    expect(await list.getByRole('button', { name: languageTable.ar.name }).getAttribute('aria-current')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(await textZoomProblems(page)).toEqual([]);

    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    expect(await list.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('lang-toggle'))).toBe(true);

    // Chosen by keyboard: the page turns to English, left to right, and stays so after a reload and on other pages.
    await page.keyboard.press('Enter');
    await list.getByRole('button', { name: languageTable.en.name }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: en('catalogue.title') }).waitFor();
    expect(await pageLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en('catalogue.title') }).waitFor();
    await page.goto(`${server.base}/sign-in`);
    await page.getByRole('heading', { level: 1, name: en('signIn.title') }).waitFor();
    expect(await pageLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });

    // Back to Arabic from any page.
    await page.getByRole('button', { name: `${en('app.language')} ${languageTable.en.name}` }).click();
    await page.getByRole('list', { name: en('app.language') }).getByRole('button', { name: languageTable.ar.name }).click();
    await page.getByRole('heading', { level: 1, name: ar('signIn.title') }).waitFor();
    expect(await pageLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
