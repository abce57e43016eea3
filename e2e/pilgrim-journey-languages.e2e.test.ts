import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocale, languageTable, type Locale } from '../src/common/i18n.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, watch } from './browser.ts';
import { pilgrimJourney, startJourneyServer } from './journey.ts';
import { pageLanguage } from './page-checks.ts';
import { hasWebTexts, webTexts } from './texts.ts';

/**
 * The pilgrim journey in the languages of the largest groups of pilgrims
 * after Arabic, on a 360-px phone, chosen as a first visitor's browser
 * chooses it (its locale, nothing stored): Urdu, right to left, and
 * Indonesian, left to right. Every screen declares the language and its
 * direction, speaks it (every text the walk looks for is read from the
 * language's catalogs), has no serious or critical axe violation, and is kept
 * as a full-page screenshot under test-results/journeys/<language>/.
 *
 * A language runs once its texts exist (web/src/i18n/<language>/); until
 * then it is skipped. E2E_JOURNEY_LANGUAGES=ar,en runs others.
 */
const languages = (process.env.E2E_JOURNEY_LANGUAGES?.split(',') ?? ['ur', 'id']).map((l) => l.trim()).filter(isLocale);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe.each(languages)('the pilgrim journey in %s', (language: Locale) => {
  let server: Awaited<ReturnType<typeof startJourneyServer>>;
  const ready = hasWebTexts(language);
  beforeAll(async () => {
    if (ready) server = await startJourneyServer(language);
  }, 180_000);
  afterAll(async () => server?.close());

  it.skipIf(!ready)(`on a 360-px phone whose browser speaks ${languageTable[language].region}: the page's language, its texts, axe, a screenshot per screen`, async () => {
    const { region, dir, name } = languageTable[language];
    const shots = path.resolve('test-results/journeys', language);
    fs.rmSync(shots, { recursive: true, force: true });
    fs.mkdirSync(shots, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: region });
    const page = await context.newPage();
    const errors = watch(page);
    const t = webTexts(language);
    const findings: string[] = [];
    let n = 0;
    await pilgrimJourney({
      page, server, language, t,
      stop: async (step) => {
        n += 1;
        // Nothing was chosen on this device: the language is the browser's.
        if (n === 1) expect(await page.evaluate(() => ({ languages: navigator.languages[0], stored: localStorage.getItem('manasik.locale') }))).toEqual({ languages: region, stored: null });
        expect(await pageLanguage(page), step).toEqual({ lang: language, dir });
        expect(await page.locator('h1').count(), `${step}: one <h1>`).toBe(1);
        // The header speaks the language on every screen: its menu, and the picker naming the language in itself.
        await page.getByRole('banner').getByRole('button', { name: t('nav.menu') }).waitFor({ state: 'attached' });
        await page.getByRole('banner').getByRole('button', { name: `${t('app.language')} ${name}` }).waitFor();
        for (const v of await axeViolations(page)) findings.push(`${step}: ${v}`);
        await page.screenshot({ path: path.join(shots, `${String(n).padStart(2, '0')}-${step}.png`), fullPage: true });
      },
    });
    expect(findings, findings.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
    expect(fs.readdirSync(shots)).toHaveLength(n);
    await context.close();
  }, 300_000);
});
