import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, launchBrowser, switchLanguage } from './browser.ts';
import { startTestServer } from './server.ts';

let browser: Browser;
let close: () => Promise<void>;
let base: string;

beforeAll(async () => {
  const server = await startTestServer();
  base = server.base;
  browser = await launchBrowser();
  close = async () => {
    await browser.close();
    await server.close();
  };
});
afterAll(async () => close?.());

describe('a pilgrim signs up in Arabic on a phone', () => {
  it('registers, confirms the email, signs in, sees a right-to-left dashboard, and keeps the screen and email languages apart', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ar-SA', deviceScaleFactor: 2 });
    const page = await context.newPage();
    // Signed-out pages and pages with nothing yet log nothing: not even a refused request.
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));

    await page.goto(base);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('احجز حجّك مباشرة');

    // Keyboard users land on the skip link first.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('انتقل إلى المحتوى');

    await page.getByRole('link', { name: 'أنشئ حسابك' }).click();
    await page.getByLabel('الاسم الكامل').fill('عائشة عبد الله');
    await page.getByLabel('البريد الإلكتروني').fill('aisha@example.org');
    await page.getByLabel('كلمة المرور').fill('قصيرة');
    await page.getByRole('button', { name: 'إنشاء الحساب' }).click();
    // Refused locally with the shared schema's rule, in Arabic, before anything is sent.
    await page.getByText('يجب ألا يقل عن 10 حرفًا').waitFor();

    await page.getByLabel('كلمة المرور').fill('رحلة العمر إلى مكة');
    await page.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await page.getByRole('heading', { name: 'تحقق من بريدك الإلكتروني' }).waitFor();
    // The address is isolated so the Latin email does not scramble the Arabic sentence.
    expect(await page.locator('bdi[dir="ltr"]', { hasText: 'aisha@example.org' }).count()).toBe(1);

    // The confirmation email, in Arabic, in the development mailbox.
    await page.getByRole('link', { name: 'هذا خادم تطوير: تظهر الرسائل في صندوق بريد التطوير.' }).click();
    const link = page.getByRole('link', { name: /verify-email\?token=/ });
    await link.waitFor();
    expect(await page.locator('.mails li').first().getAttribute('lang')).toBe('ar');
    const href = new URL((await link.getAttribute('href'))!);
    await page.goto(`${base}${href.pathname}${href.search}`);
    await page.getByText('تم تأكيد بريدك الإلكتروني').waitFor();

    await page.getByRole('link', { name: 'تسجيل الدخول' }).first().click();
    await page.getByLabel('البريد الإلكتروني').fill('aisha@example.org');
    await page.getByLabel('كلمة المرور').fill('رحلة العمر إلى مكة');
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('heading', { name: 'رحلتك' }).waitFor();
    await page.getByText('السلام عليكم، عائشة عبد الله').waitFor();

    // Right-to-left layout: text starts on the right, the brand sits at the right edge,
    // and nothing overflows a 360-px screen.
    const layout = await page.evaluate(() => {
      const brand = document.querySelector('.brand')!.getBoundingClientRect();
      const heading = document.querySelector('h1')!;
      return {
        direction: getComputedStyle(heading).direction,
        brandRight: brand.right,
        brandLeft: brand.left,
        width: document.documentElement.clientWidth,
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(layout.direction).toBe('rtl');
    expect(layout.brandLeft).toBeGreaterThan(layout.width / 2);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
    await page.screenshot({ path: path.join(artifactsDir, 'sign-up-ar-dashboard-360.png'), fullPage: true });

    // The account's language (its emails and messages) is a setting of its own: saving English
    // there leaves this screen in Arabic.
    await page.goto(`${base}/profile`);
    await page.getByRole('heading', { name: 'لغة الرسائل والبريد الإلكتروني' }).waitFor();
    expect(await page.getByRole('radio', { name: 'العربية' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'احفظ لغة رسائلي' }).click();
    await page.getByText('ستصلك الرسائل والبريد الإلكتروني الآن باللغة الإنجليزية.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(artifactsDir, 'profile-ar-360.png'), fullPage: true });

    // The header's language picker is this device's choice: it flips the layout and survives a reload.
    await switchLanguage(page, 'ar', 'en');
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.goto(`${base}/dashboard`);
    await page.getByRole('heading', { name: 'Your journey' }).waitFor();

    // On a new device (no choice made there), signing in shows the account's language.
    await context.clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}/sign-in`);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.getByLabel('البريد الإلكتروني').fill('aisha@example.org');
    await page.getByLabel('كلمة المرور').fill('رحلة العمر إلى مكة');
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('heading', { name: 'Your journey' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.screenshot({ path: path.join(artifactsDir, 'dashboard-en-360.png'), fullPage: true });

    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows the sign-in page on a desktop in English without overflow', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    await switchLanguage(page, 'ar', 'en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('nobody@example.org');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is not correct.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: path.join(artifactsDir, 'sign-in-en-desktop.png') });
    await context.close();
  });
});
