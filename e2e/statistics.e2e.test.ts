import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/core/principal.ts';
import { E2E_PASSWORD as PASSWORD, artifactsDir, launchBrowser, openContext, signInPage } from './browser.ts';
import { startTestServer } from './server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;

/**
 * A small season built by the simulator, as the statistics module's own test
 * builds it: 5 pilgrims arrived by sea (a small count, withheld and flagged C)
 * and 12 by land (withheld too, flagged D, or the sea count would be the
 * total minus the rest). 1444H has only the official figures.
 */
const marginals = JSON.stringify({ seasons: [{
  season: '1446H', gregorianYear: 2025, total: 2000, residence: { foreign: 1800, domestic: 200 }, gender: { male: 1050, female: 950 },
  foreignByRegion: { arab: 400, asia: 1100, africa: 250, europeAmericasOceania: 50 }, foreignByArrival: { air: 1783, land: 12, sea: 5 }, makkahRoute: 300,
}] });

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const s = server.services;
  await s.statistics.load(systemContext('e2e'), s.statistics.generate('1446H', marginals, 5), { seed: 5 });
  await s.accounts.createDirect(systemContext(), { email: 'mission.id@e2e.example', displayName: 'Indonesian mission', role: 'mission_officer', locale: 'ar', countryCode: 'ID' }, PASSWORD);
  await s.accounts.createDirect(systemContext(), { email: 'stats@e2e.example', displayName: 'Border statistics', role: 'statistics_officer', locale: 'en' }, PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every console error and page error of a page: normal use produces none. */
function watch(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

const englishContext = (viewport = { width: 1280, height: 900 }): Promise<BrowserContext> => openContext(browser, { viewport, locale: 'en-GB' }, { english: true });

const signIn = (page: Page, email: string, ar: boolean) => signInPage(page, server.base, email, ar);

/** The row of a table (a card on a phone) that names `label`. */
const rowOf = (page: Page, table: string, label: string) =>
  page.locator('table', { has: page.locator('caption', { hasText: table }) }).locator('tr', { has: page.locator('th', { hasText: label }) });

describe('the season statistics', () => {
  it('a season\'s tables and cross-tables as charts with their tables, a small count withheld in words, and its open data, in Arabic on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${server.base}/statistics`);
    await page.getByRole('heading', { name: 'إحصاءات مواسم الحج' }).waitFor();
    // The season opens on the newest with tables, named in both calendars.
    await page.getByRole('heading', { name: 'موسم 1446 هـ / 2025 بالأرقام' }).waitFor();
    await page.getByText('عدد الحجاج: 2,000').waitFor();
    await page.getByText(/يوم عرفة/).first().waitFor();
    await page.getByText('5 يونيو 2025 (9 ذو الحجة 1446 هـ)').waitFor(); // the Day of Arafah in both calendars, Western digits

    // The official tables and the cross-tables, each a chart with its table.
    for (const title of ['الحجاج حسب الإقامة', 'الحجاج حسب الجنس', 'حجاج الخارج حسب منطقة الجنسية', 'حجاج الخارج حسب وسيلة القدوم', 'مبادرة طريق مكة', 'الجنس حسب الإقامة', 'الجنسية حسب وسيلة القدوم', 'القدوم حسب المنفذ واليوم']) {
      await expect(page.getByRole('heading', { name: title, exact: true }).count(), title).resolves.toBe(1);
      await expect(page.locator('figure.chart', { has: page.locator('figcaption', { hasText: title }) }).locator('svg').first().isVisible(), title).resolves.toBe(true);
    }
    expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(12);
    await expect(rowOf(page, 'الحجاج حسب الإقامة', 'حجاج الخارج').innerText()).resolves.toContain('1,800');

    // 5 by sea: withheld, its flag said in words, never the number; 12 by land withheld so the 5 cannot be worked out.
    const sea = await rowOf(page, 'حجاج الخارج حسب وسيلة القدوم', 'بحرًا').innerText();
    expect(sea).toContain('محجوب (C): من 1 إلى 9 أشخاص');
    expect(sea).not.toMatch(/\b5\b/);
    expect(await rowOf(page, 'حجاج الخارج حسب وسيلة القدوم', 'برًا').innerText()).toContain('محجوب (D)');
    await expect(rowOf(page, 'حجاج الخارج حسب وسيلة القدوم', 'جوًا').innerText()).resolves.toContain('1,783');
    await page.getByText('لم يُرسم لأنه محجوب:').first().waitFor();
    await page.getByRole('heading', { name: 'لماذا تظهر بعض الخلايا «محجوبة»' }).waitFor();

    // Year on year: 1444H is there with the official figures only.
    await expect(rowOf(page, 'مقارنة المواسم', '1444 هـ / 2023').innerText()).resolves.toContain('1,845,045');

    // Open data: three files, each with a sentence on its format, each answering with its content type.
    const links = page.getByRole('region', { name: 'البيانات المفتوحة' }).getByRole('link');
    expect(await links.count()).toBe(3);
    const types: Record<string, RegExp> = { 'tables.csv': /^text\/csv/, 'tables.json': /^application\/json/, 'tables.sdmx.csv': /^application\/vnd\.sdmx\.data\+csv/ };
    for (let i = 0; i < 3; i++) {
      const href = (await links.nth(i).getAttribute('href'))!;
      const file = href.split('/').pop()!;
      const res = await context.request.get(`${server.base}${href}`);
      expect(res.status(), href).toBe(200);
      expect(res.headers()['content-type'], href).toMatch(types[file]!);
      const body = await res.text();
      if (file === 'tables.csv') expect(body).toContain('1446H,foreign_by_arrival,foreign,arrival_mode,sea,,,,C');
      if (file === 'tables.json') expect(JSON.parse(body).tables.find((x: { id: string }) => x.id === 'foreign_by_arrival').cells).toContainEqual({ key: ['sea'], value: null, flag: 'C' });
      if (file === 'tables.sdmx.csv') expect(body.split('\r\n')[0]).toMatch(/^STRUCTURE,STRUCTURE_ID,ACTION,SEASON,/);
    }
    await page.getByText('صيغة SDMX-CSV 2.0 لتبادل الإحصاءات الرسمية').waitFor();

    // A phone page never scrolls sideways: wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(artifactsDir, 'statistics-ar-360.png'), fullPage: true });

    // The Umrah figures: no permit used yet this year, said plainly, with the targets.
    await page.getByRole('link', { name: 'أرقام العمرة والروضة حسب الشهر' }).click();
    await page.getByRole('heading', { name: 'أرقام العمرة والروضة' }).waitFor();
    await page.getByLabel('السنة').selectOption('2025');
    await page.getByText('المستهدف لعام 2025: 15,000,000 معتمر من الخارج').waitFor();
    await page.getByText('المستهدف لعام 2030: 30,000,000 معتمر من الخارج').waitFor();
    await page.getByText('لم يُستخدم أي تصريح عمرة أو روضة بعد في عام 2025: لا توجد أرقام لعرضها.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(artifactsDir, 'statistics-umrah-ar-360.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('in English on a desktop: the platform beside the official figures, a season with the official figures only, the open data', async () => {
    const context = await englishContext();
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${server.base}/statistics?season=1446H`);
    await page.getByRole('heading', { name: '1446 AH / 2025 in figures' }).waitFor();
    await page.getByText('2,000 pilgrims').waitFor();
    await page.getByText('No official figures have been published for this season yet.').waitFor();
    await expect(rowOf(page, 'Pilgrims from abroad by arrival mode', 'Sea').innerText()).resolves.toContain('Withheld (C): 1 to 9 people');
    await expect(rowOf(page, 'Gender by residence', 'From abroad').count()).resolves.toBe(1);
    await expect(rowOf(page, 'Year on year', '1444 AH / 2023').innerText()).resolves.toContain('Official figures only');
    for (const name of ['CSV', 'JSON', 'SDMX-CSV']) await page.getByRole('link', { name: new RegExp(`^${name} \\(`) }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'statistics-en-desktop.png'), fullPage: true });

    // A season without records shows what GASTAT published, drawn the same way.
    await page.getByLabel('Season').selectOption('1444H');
    await page.getByRole('heading', { name: '1444 AH / 2023: the official figures' }).waitFor();
    await page.getByText('1,845,045 pilgrims').waitFor();
    expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a mission officer reads their own country\'s tables, from the mission portal', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();
    const errors = watch(page);
    await signIn(page, 'mission.id@e2e.example', true);
    await page.goto(`${server.base}/mission`);
    await page.getByRole('link', { name: /حجاج إندونيسيا في إحصاءات الموسم/ }).click();
    await page.getByRole('heading', { name: 'إندونيسيا في إحصاءات الموسم' }).waitFor();
    await page.getByText(/^حجاج إندونيسيا القادمون من الخارج: [\d,]+$/).first().waitFor();
    await page.getByRole('heading', { name: 'القدوم حسب اليوم' }).waitFor();
    expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(artifactsDir, 'statistics-mission-ar-360.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a statistics officer imports a batch: recorded, the same batch counted once, a bad line refused by its number; the batches listed', async () => {
    const context = await englishContext();
    const page = await context.newPage();
    const errors = watch(page);
    await signIn(page, 'stats@e2e.example', false);
    await page.getByRole('link', { name: 'Season records' }).first().click();
    await page.getByRole('heading', { name: 'Season records' }).waitFor();
    await page.getByLabel('Season').selectOption('1447H');
    await page.getByText('No batch has been imported for this season yet.').waitFor();
    const header = 'document,issuer,residence,nationality,gender,age,entry_port,arrival_date,makkah_route';
    const batch = [header, 'A1234567,EG,foreign,EG,male,54,JIP,2026-05-01,false', 'B7654321,PK,foreign,PK,female,61,JED,2026-05-05,true'].join('\n');
    const paste = page.getByLabel('Or paste the batch (CSV, or JSON: a list of records)');
    await paste.fill(batch);
    await page.getByRole('button', { name: 'Import the batch' }).click();
    await page.getByText(/^Batch .+ imported: 2 records\.$/).waitFor();
    await page.getByRole('button', { name: 'Import the batch' }).click();
    await page.getByText(/This batch was sent before .* it is counted once, and nothing new was recorded\./).waitFor();
    await paste.fill([header, 'C1111111,JO,foreign,JO,male,47,HAM,2026-05-10,false', 'D2222222,EG,foreign,EG,male,54,XXX,2026-05-01,false'].join('\n'));
    await page.getByRole('button', { name: 'Import the batch' }).click();
    await page.getByText(/Line 3 of the batch is not valid: "XXX" is not a port of entry\. Nothing was recorded\./).waitFor();
    expect(await page.locator('table', { has: page.locator('caption', { hasText: 'Batches' }) }).locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: path.join(artifactsDir, 'statistics-records-en-desktop.png'), fullPage: true });
    // The one problem answer is the refused batch itself (a 400 the page shows).
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });
});
