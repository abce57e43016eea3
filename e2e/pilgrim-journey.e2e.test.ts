import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, systemContext, type Principal } from '../src/core/principal.ts';
import { samplePackage } from '../src/modules/catalogue/index.ts';
import { sampleApplication } from '../src/modules/providers/index.ts';
import { expectAccessible } from './axe.ts';
import { artifactsDir, launchBrowser, switchLanguage } from './browser.ts';
import { startTestServer } from './server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
const PASSWORD = 'e2e passphrase 1447';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const DAY = 86_400_000;

const as = (accountId: string, extra: Partial<Principal> = {}) => actingAs(accountId, extra, 'e2e');

/** A date field is a day, a month by name and a year, in the page's language. */
async function fillDate(page: Page, label: string, iso: string) {
  const [y, m, d] = iso.split('-');
  await page.getByLabel(`${label} — اليوم`).fill(String(Number(d)));
  await page.getByLabel(`${label} — الشهر`).selectOption(String(Number(m)));
  await page.getByLabel(`${label} — السنة`).fill(y!);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const s = server.services;
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  // A season in its preference phase, and a licensed provider with a package open to France.
  await s.seasons.setCalendar(systemContext(), '1448H', {
    registrationOpens: at(-10), preferenceOpens: at(-1), preferenceCloses: at(20), drawAt: at(21), offersClose: at(30), openSaleAt: at(35), visaCutoff: at(90),
    referenceDate: '2027-05-15', arrivalDate: '2027-05-10', seasonEnd: '2027-05-25',
  });
  const owner = await s.accounts.createDirect(systemContext(), { email: 'owner@e2e.example', displayName: 'Owner', role: 'pilgrim', locale: 'en' }, PASSWORD);
  const provider = await s.providers.apply(as(owner.id), sampleApplication());
  await s.workflows.decideLicence(systemContext(), provider.id, 'approve', { validFrom: '2020-01-01', validTo: '2099-12-31' });
  const staff = as(owner.id, { role: 'provider_staff', providerId: provider.id });
  const pkg = await s.packages.create(staff, samplePackage({ title: { ar: 'باقة الصفا', en: 'Al-Safa package' }, eligibleCountries: ['FR'] }));
  await s.packages.publish(staff, pkg.id);
  // The admin of the family, and a relative who already filled in a profile.
  await s.accounts.createDirect(systemContext(), { email: 'khadija@e2e.example', displayName: 'خديجة', role: 'pilgrim', locale: 'ar' }, PASSWORD);
  const brother = await s.accounts.createDirect(systemContext(), { email: 'bilal@e2e.example', displayName: 'Bilal', role: 'pilgrim', locale: 'en' }, PASSWORD);
  await s.pilgrims.saveProfile(as(brother.id), {
    residenceCountry: 'FR', nationality: 'FR', givenNamesLatin: 'Bilal', familyNameLatin: 'Benali', fullNameArabic: 'بلال بن علي', dateOfBirth: '1990-02-02',
    gender: 'male', passportNumber: '20FR55555', passportExpiry: '2032-01-01', meningococcalVaccination: '2026-12-01',
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the pilgrim journey', () => {
  it('profile, document, family, eligibility and ranking with popularity, in Arabic then English, on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();
    const errors: string[] = []; // being signed out or having no application yet is a state: nothing in the console
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.base}/sign-in`);
    await page.getByLabel('البريد الإلكتروني').fill('khadija@e2e.example');
    await page.getByLabel('كلمة المرور').fill(PASSWORD);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('link', { name: 'ملف الحج' }).first().click();

    await page.getByLabel('بلد الإقامة').selectOption('FR');
    await page.getByLabel('الجنسية').selectOption('FR');
    await page.getByLabel('الاسم الأول (بالأحرف اللاتينية كما في الجواز)').fill('Khadija');
    await page.getByLabel('اسم العائلة (بالأحرف اللاتينية)').fill('Benali');
    await page.getByLabel('الاسم الكامل بالعربية').fill('خديجة بن علي');
    await fillDate(page, 'تاريخ الميلاد', '1988-07-09');
    await page.getByLabel('رقم جواز السفر').fill('20FR44444');
    await fillDate(page, 'تاريخ انتهاء الجواز', '2032-03-01');
    await fillDate(page, 'تاريخ لقاح الحمى الشوكية', '2026-12-01');
    await page.getByText('بالتقويم الهجري:').first().waitFor(); // each date is also shown in the Hijri calendar
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText('تم حفظ الملف.').waitFor();
    await page.getByText('قبل قبول العرض، بانتظار مراجعة').waitFor(); // offer and visa wait for documents, named; applying does not
    await expectAccessible(page, 'profile saved');

    await page.getByLabel('رفع — الصورة الشخصية').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.doc-list li', { hasText: 'الصورة الشخصية' }).getByText('بانتظار المراجعة').waitFor();
    await expectAccessible(page, 'photo uploaded');

    await page.goto(`${server.base}/pilgrim/application`);
    await page.getByRole('button', { name: 'ابدأ طلب العائلة' }).click();
    await page.getByLabel('أضف فردًا ببريد حسابه الإلكتروني').fill('bilal@e2e.example');
    await page.getByRole('button', { name: 'إضافة' }).click();
    await page.getByText('Bilal Benali').waitFor();
    expect(await page.locator('.members .badge.ok').count()).toBe(2);

    await page.getByRole('button', { name: 'أضف إلى الترتيب' }).first().click();
    await page.getByRole('button', { name: 'احفظ الترتيب' }).click();
    await page.getByText('تم حفظ الترتيب.').waitFor();
    await page.getByText('خيار أول: مقعدان').waitFor(); // live popularity, at once: this family's two seats, in Arabic's dual
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(artifactsDir, 'application-ar-360.png'), fullPage: true });
    await expectAccessible(page, 'application ranked');

    await switchLanguage(page, 'ar', 'en');
    await page.getByRole('heading', { name: 'Your family application' }).waitFor();
    await page.getByText('first choice: 2 seats').waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'application-en-360.png'), fullPage: true });
    await expectAccessible(page, 'application in English');
    expect(errors).toEqual([]);
    await context.close();
  });
});
