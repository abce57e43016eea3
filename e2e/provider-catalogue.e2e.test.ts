import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/core/principal.ts';
import { artifactsDir, launchBrowser } from './browser.ts';
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

describe('a company applies, the ministry licenses it, it publishes, and pilgrims find the package', () => {
  it('runs end to end in Arabic and in English', async () => {
    // 1. The company's representative applies, in Arabic, on a phone.
    const owner = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
    const page = await owner.newPage();
    await signIn(page, 'owner@rahma.example', ar);
    await page.getByRole('link', { name: 'هل أنت شركة خدمات حج؟ تقدّم بطلب ترخيص' }).click();
    await page.getByLabel('الاسم القانوني بالعربية').fill('شركة الرحمة لخدمات الحجاج');
    await page.getByLabel('الاسم القانوني بالإنجليزية').fill('Al-Rahma Pilgrim Services');
    await page.getByLabel('رقم السجل التجاري (10 أرقام)').fill('4030777777');
    await page.getByLabel('رقم ترخيص الوزارة').fill('HJ-1448-0077');
    await page.getByLabel('إقرار الملكية').fill('مملوكة بالكامل لمساهمين سعوديين');
    await page.getByLabel('رأس المال المدفوع (ريال)').fill('5000000');
    await page.getByLabel('مرجع الضمان البنكي').fill('BG-77-2026');
    await page.getByLabel('مدينة المكتب').fill('مكة المكرمة');
    await page.getByLabel('عنوان المكتب').fill('العزيزية، طريق الملك عبدالعزيز');
    await page.getByLabel('اسم جهة الاتصال').fill('مكتب العمليات');
    await page.getByLabel('بريد جهة الاتصال').fill('ops@rahma.example');
    await page.getByLabel('هاتف جهة الاتصال').fill('+966125550177');
    await page.getByRole('button', { name: 'أرسل الطلب' }).click();
    await page.getByText('بانتظار المراجعة').waitFor();

    // 2. A ministry officer grants the licence, in English, on a desktop.
    const ministry = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const officer = await ministry.newPage();
    await signIn(officer, 'officer@ministry.example', ar);
    await officer.getByRole('heading', { name: 'Ministry console' }).waitFor();
    await officer.getByRole('link', { name: 'Provider licences' }).first().click();
    await officer.getByRole('link', { name: 'Al-Rahma Pilgrim Services' }).click();
    await officer.getByLabel('Valid from').fill('2026-01-01');
    await officer.getByLabel('Valid until').fill('2030-12-31');
    await officer.getByRole('button', { name: 'Grant the licence' }).click();
    await officer.getByText('Decision recorded.').waitFor();
    await officer.screenshot({ path: path.join(artifactsDir, 'ministry-licensed-en.png'), fullPage: true });

    // 3. The company publishes a package; the live breakdown shows VAT before saving.
    await page.goto(`${server.base}/provider`);
    await page.getByText('يمكنه النشر والبيع اليوم').waitFor();
    await page.getByRole('link', { name: 'باقة جديدة' }).click();
    await page.getByLabel('العنوان بالعربية').fill('باقة الرحمة — منى أ');
    await page.getByLabel('العنوان بالإنجليزية').fill('Al-Rahma — Mina A');
    await page.getByLabel('الوصف بالعربية').fill('سكن قريب من الحرم ومخيم فئة أ.');
    await page.getByLabel('الوصف بالإنجليزية').fill('Housing near the Haram and a category A camp.');
    await page.getByLabel('فندق مكة').fill('Rahma Ajyad');
    await page.getByLabel('المسافة إلى المسجد الحرام (متر)').fill('400');
    await page.getByLabel('فئة مخيم منى').selectOption('A');
    await page.getByLabel('خدمة عرفات').fill('خيام مكيفة');
    await page.getByLabel('الدول المؤهلة (رموز مفصولة بفواصل)').fill('FR, GB');
    await page.getByLabel('السكن في مكة').fill('20000');
    await page.getByLabel('منى وعرفات').fill('10000');
    await page.getByText('٤٬٥٠٠٫٠٠').first().waitFor(); // 15 % of 30,000 SAR, live
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByRole('button', { name: 'انشر' }).click();
    await page.getByText('معروضة للبيع').waitFor();

    // 4. Pilgrims find it in the catalogue, in Arabic...
    const visitor = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const reader = await visitor.newPage();
    await reader.goto(`${server.base}/catalogue?country=FR`);
    const card = reader.getByRole('link', { name: 'باقة الرحمة — منى أ' });
    await card.waitFor();
    expect(await reader.getAttribute('html', 'dir')).toBe('rtl');
    await reader.screenshot({ path: path.join(artifactsDir, 'catalogue-ar-360.png'), fullPage: true });
    await card.click();
    await reader.getByText('٣٤٬٥٠٠٫٠٠').first().waitFor();

    // ...and in English, while residents of a country it is not open to do not see it.
    await reader.getByRole('button', { name: 'غيّر اللغة إلى الإنجليزية' }).click();
    await reader.getByRole('heading', { name: 'Al-Rahma — Mina A' }).waitFor();
    expect(await reader.getAttribute('html', 'dir')).toBe('ltr');
    await reader.getByText('SAR 34,500.00').first().waitFor();
    await reader.screenshot({ path: path.join(artifactsDir, 'package-en-360.png'), fullPage: true });
    await reader.goto(`${server.base}/catalogue?country=JP`);
    await reader.getByText('No package matches these choices.').waitFor();

    await Promise.all([owner.close(), ministry.close(), visitor.close()]);
  });
});
