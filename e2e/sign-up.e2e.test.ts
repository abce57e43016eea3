import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, launchBrowser } from './browser.ts';
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
  it('registers, confirms the email, signs in, and sees a right-to-left dashboard', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ar-SA', deviceScaleFactor: 2 });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

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

    // The confirmation email, in Arabic, in the development mailbox.
    await page.goto(`${base}/dev/mailbox?to=aisha%40example.org`);
    const link = page.getByRole('link', { name: /verify-email\?token=/ });
    await link.waitFor();
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

    // Switching to English flips the layout and is remembered on the account.
    await page.getByRole('button', { name: 'غيّر اللغة إلى الإنجليزية' }).click();
    await page.getByRole('heading', { name: 'Your journey' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
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

    expect(consoleErrors.filter((e) => !/401|Unauthorized|404/.test(e))).toEqual([]);
    await context.close();
  });

  it('shows the sign-in page on a desktop in English without overflow', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: 'غيّر اللغة إلى الإنجليزية' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('nobody@example.org');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is not correct.').waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'sign-in-en-desktop.png') });
    await context.close();
  });
});
