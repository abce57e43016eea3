import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/core/principal.ts';
import { artifactsDir, launchBrowser, switchLanguage, watch } from './browser.ts';
import { startTestServer } from './server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
const PASSWORD = 'e2e passphrase 1447';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  // People who already registered and confirmed their email (the sign-up test covers that part).
  await server.services.accounts.createDirect(systemContext('e2e'), { email: 'owner@rahma.example', displayName: 'Rahma Owner', role: 'pilgrim', locale: 'ar' }, PASSWORD);
  await server.services.accounts.createDirect(systemContext('e2e'), { email: 'officer@ministry.example', displayName: 'Officer', role: 'ministry_officer', locale: 'en' }, PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, email: string, labels: { email: string; password: string; submit: string }) {
  await page.goto(`${server.base}/sign-in`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
}
const ar = { email: 'البريد الإلكتروني', password: 'كلمة المرور', submit: 'دخول' };

const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));

describe('a company applies, the ministry licenses it, it publishes, and pilgrims find the package', () => {
  it('runs end to end in Arabic and in English', async () => {
    // 1. The company's representative applies, in Arabic, on a phone.
    const owner = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA', acceptDownloads: true });
    const page = await owner.newPage();
    const ownerErrors = watch(page);
    await signIn(page, 'owner@rahma.example', ar);
    await page.getByRole('link', { name: 'كن مقدم خدمة' }).click();
    await page.getByLabel('الاسم القانوني بالعربية').fill('شركة الرحمة لخدمات الحجاج');
    await page.getByLabel('الاسم القانوني بالإنجليزية').fill('Al-Rahma Pilgrim Services');
    await page.getByLabel('رقم السجل التجاري (10 أرقام)').fill('4030777777');
    await page.getByLabel('رقم ترخيص الوزارة').fill('HJ-1448-0077');
    await page.getByLabel('الرقم الضريبي').fill('30077');
    await page.getByLabel('إقرار الملكية').fill('مملوكة بالكامل لمساهمين سعوديين');
    await page.getByLabel('رأس المال المدفوع (ريال)').fill('5000000');
    await page.getByLabel('مرجع الضمان البنكي').fill('BG-77-2026');
    await page.getByLabel('مدينة المكتب').fill('مكة المكرمة');
    // The country is chosen by name in the page's language, not typed as a code.
    expect(await page.getByLabel('دولة المكتب').locator('option:checked').textContent()).toBe('المملكة العربية السعودية');
    await page.getByLabel('عنوان المكتب').fill('العزيزية، طريق الملك عبدالعزيز');
    await page.getByLabel('اسم جهة الاتصال').fill('مكتب العمليات');
    await page.getByLabel('بريد جهة الاتصال').fill('ops@rahma.example');
    await page.getByLabel('هاتف جهة الاتصال').fill('+966125550177');
    await page.getByRole('button', { name: 'أرسل الطلب' }).click();
    // Checked with the shared schema before sending: the VAT number is named, in Arabic.
    await page.getByText('يرجى مراجعة النموذج').waitFor();
    expect(await page.getByLabel('الرقم الضريبي').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('الرقم الضريبي').fill('300777777700003');
    await page.getByRole('button', { name: 'أرسل الطلب' }).click();
    await page.getByText('بانتظار المراجعة').waitFor();
    await noSidewaysScroll(page);

    // 2. A ministry officer grants the licence, in English, on a desktop: the dates are typed
    //    day, month by name, year; only the decisions the API allows are offered.
    // A browser in Arabic (a first visit opens in the browser's language); signing in shows the officer's English.
    const ministry = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ar-SA' });
    const officer = await ministry.newPage();
    const officerErrors = watch(officer);
    await signIn(officer, 'officer@ministry.example', ar);
    await officer.getByRole('heading', { name: 'Ministry console' }).waitFor();
    await officer.getByRole('link', { name: 'Provider licences' }).first().click();
    await officer.getByRole('link', { name: 'Al-Rahma Pilgrim Services' }).click();
    await officer.getByRole('heading', { name: 'Grant the licence' }).waitFor();
    expect(await officer.getByRole('button', { name: 'Suspend the licence' }).count()).toBe(0);
    await officer.getByLabel('Valid from — Day').fill('1');
    await officer.getByLabel('Valid from — Month').selectOption({ label: 'January' });
    await officer.getByLabel('Valid from — Year').fill('2026');
    await officer.getByLabel('Valid until — Day').fill('31');
    await officer.getByLabel('Valid until — Month').selectOption({ label: 'December' });
    await officer.getByLabel('Valid until — Year').fill('2030');
    await officer.getByRole('button', { name: 'Grant the licence' }).click();
    await officer.getByText('Decision recorded.').waitFor();
    // Now licensed: granting is no longer offered, suspending is.
    await officer.getByRole('button', { name: 'Suspend the licence' }).waitFor();
    expect(await officer.getByRole('button', { name: 'Grant the licence' }).count()).toBe(0);
    await officer.screenshot({ path: path.join(artifactsDir, 'ministry-licensed-en.png'), fullPage: true });
    expect(officerErrors).toEqual([]);

    // 3. The company publishes a package; the live breakdown shows VAT before saving.
    await page.goto(`${server.base}/provider`);
    await page.getByText('يمكنه النشر والبيع اليوم').waitFor();
    await page.getByText('لا توجد باقات بعد. أنشئ باقتك الأولى.').waitFor();
    await page.getByRole('link', { name: 'باقة جديدة' }).click();
    await page.getByLabel('العنوان بالعربية').fill('باقة الرحمة — منى أ');
    await page.getByLabel('العنوان بالإنجليزية').fill('Al-Rahma — Mina A');
    // The description is written in Arabic only: English readers will be told so.
    await page.getByLabel('الوصف بالعربية').fill('سكن قريب من الحرم ومخيم فئة أ.');
    await page.getByLabel('الموسم').fill('1448H');
    await page.getByLabel('المقاعد').fill('100');
    await page.getByLabel('فندق مكة').fill('Rahma Ajyad');
    await page.getByLabel('المسافة إلى المسجد الحرام (متر)').fill('400');
    await page.getByLabel('فئة مخيم منى').selectOption('A');
    await page.getByLabel('خدمة عرفات').fill('خيام مكيفة');
    // Countries are picked by name and shown as chips.
    await page.getByLabel('أضف إلى الدول المؤهلة').selectOption({ label: 'فرنسا' });
    await page.getByLabel('أضف إلى الدول المؤهلة').selectOption({ label: 'المملكة المتحدة' });
    await page.getByRole('button', { name: 'إزالة فرنسا' }).waitFor();
    await page.getByLabel('السكن في مكة').fill('20000');
    await page.getByLabel('منى وعرفات').fill('10000');
    await page.getByText('4,500.00').first().waitFor(); // 15 % of 30,000 SAR, live, Western digits in Arabic
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'حفظ' }).click();

    // The list shows status and actions on a phone, within the screen.
    const publish = page.getByRole('button', { name: 'انشر' });
    await publish.waitFor();
    const box = (await publish.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await page.locator('.badge', { hasText: 'مسودة' }).waitFor();
    await publish.click();
    await page.getByText('الباقة معروضة للبيع الآن.').waitFor();
    await page.locator('.badge', { hasText: 'معروضة للبيع' }).waitFor();
    expect(await page.getByRole('button', { name: 'انشر' }).count()).toBe(0);
    await page.getByRole('button', { name: 'أوقف البيع' }).waitFor();
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(artifactsDir, 'provider-console-ar-360.png'), fullPage: true });

    // Its manifest downloads as CSV (nobody has booked yet: the header line only).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'كشف الحجاج (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^manifest-1448H-[0-9a-f]{8}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('booking,status,role,family_name,given_names,arabic_name,gender,date_of_birth,nationality,residence,passport_number,passport_expiry');

    // Bookings and payouts say there is nothing yet, without an error.
    await page.getByRole('link', { name: 'الحجوزات' }).first().click();
    await page.getByText('لا حجوزات بعد: تظهر هنا حين يحجز الحجاج باقاتك.').waitFor();
    await page.goto(`${server.base}/provider/payouts`);
    await page.getByText(/^المستحق لك على المنصة: \u200f?0\.00\sر\.س\./).waitFor(); // Intl puts a right-to-left mark before the amount and a no-break space before the currency
    await page.getByText('لا حركات بعد: ستظهر هنا دفعات حجوزاتك.').waitFor();
    await noSidewaysScroll(page);
    expect(ownerErrors).toEqual([]);

    // 4. Pilgrims find it in the catalogue, in Arabic...
    const visitor = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
    const reader = await visitor.newPage();
    const readerErrors = watch(reader);
    await reader.goto(`${server.base}/catalogue?country=FR`);
    const card = reader.getByRole('link', { name: 'باقة الرحمة — منى أ' });
    await card.waitFor();
    await reader.getByText('باقة واحدة').waitFor(); // the Arabic singular, not "1 باقة"
    expect(await reader.getAttribute('html', 'dir')).toBe('rtl');
    await noSidewaysScroll(reader);
    await reader.screenshot({ path: path.join(artifactsDir, 'catalogue-ar-360.png'), fullPage: true });
    await card.click();
    await reader.getByText('34,500.00').first().waitFor();
    await reader.getByText('على بعد 400 متر من المسجد الحرام').first().waitFor();
    // Written in Arabic, read in Arabic: nothing to mark.
    expect(await reader.locator('.fallback-language').count()).toBe(0);
    await noSidewaysScroll(reader);

    // ...and in English: the title is the provider's English one; the description exists only
    // in Arabic, so it is shown in Arabic and marked as such.
    await switchLanguage(reader, 'ar', 'en');
    await reader.getByRole('heading', { name: 'Al-Rahma — Mina A' }).waitFor();
    expect(await reader.getAttribute('html', 'dir')).toBe('ltr');
    await reader.getByText('SAR 34,500.00').first().waitFor();
    await reader.getByText('shown in Arabic: not yet written in yours').waitFor();
    expect(await reader.locator('p.description[lang="ar"]').textContent()).toBe('سكن قريب من الحرم ومخيم فئة أ.');
    await reader.screenshot({ path: path.join(artifactsDir, 'package-en-360.png'), fullPage: true });
    await reader.goto(`${server.base}/catalogue?country=JP`);
    await reader.getByText('No package matches these choices.').waitFor();
    expect(readerErrors).toEqual([]);

    await Promise.all([owner.close(), ministry.close(), visitor.close()]);
  });
});
