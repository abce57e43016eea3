import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { actingAs, systemContext } from '../src/core/principal.ts';
import { sampleApplication } from '../src/modules/providers/index.ts';
import { E2E_PASSWORD as PASSWORD, launchBrowser, openContext, signInPage } from './browser.ts';
import { startTestServer } from './server.ts';

/**
 * The Voice of the Guest in the browser: a pilgrim answers the departure survey from her emailed
 * link on a 360-px phone, in Arabic, one question per screen; she files a complaint about her
 * provider; its first answer is late, the sweep escalates it; the provider answers in its inbox,
 * in English; the ministry's observatory opens.
 */
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clock = new ManualClock('2027-01-03T06:00:00Z'); // a Sunday, 09:00 in Riyadh
let providerId: string;
let complaintId: string;

async function account(email: string, role: 'pilgrim' | 'ministry_officer', locale: 'ar' | 'en') {
  return (await server.services.accounts.createDirect(systemContext(), { email, displayName: email.split('@')[0]!, role, locale }, PASSWORD)).id;
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  browser = await launchBrowser();
  await server.services.observatory.ensureDefaults();
  const owner = await account('owner@e2e.example', 'pilgrim', 'en');
  const provider = await server.services.providers.apply(actingAs(owner, { locale: 'en' }), sampleApplication({ crNumber: '4030999001', licenceNumber: 'HJ-E2E-0001' }));
  await server.services.workflows.decideLicence(systemContext(), provider.id, 'approve', { validFrom: '2026-01-01', validTo: '2030-12-31' });
  providerId = provider.id;
  await account('fatima@e2e.example', 'pilgrim', 'ar');
  await account('officer@e2e.example', 'ministry_officer', 'en');
  const fatima = (await server.services.accounts.pilgrimByEmail(server.db.kysely, 'fatima@e2e.example'))!.id;
  await server.services.observatory.inviteNow('season_completed', [{ accountId: fatima, subject: 'season-1448', language: 'ar', programme: 'hajj', providerId, packageId: null, countryCode: 'FR', nationalityGroup: 'europeAmericasOceania' }]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Voice of the Guest in the browser', () => {
  it('a pilgrim answers the departure survey from her link on a phone, in Arabic, one question per screen', async () => {
    const mail = (await server.services.notifications.mailbox('fatima@e2e.example')).find((m) => m.template === 'survey_invitation')!;
    const link = /\/s\/[A-Za-z0-9_-]{64}/.exec(mail.text)![0];
    const context = await openContext(browser, { viewport: { width: 360, height: 780 }, locale: 'ar-SA' }, { clock });
    const page = await context.newPage();
    await page.goto(`${server.base}${link}`);
    await page.getByRole('heading', { name: 'استبيان المغادرة: رحلة الحج' }).waitFor();
    await expect.poll(() => page.getByText('السؤال 1 من').isVisible()).toBe(true);
    // Overall, housing, Mina and Arafat, transport, Madinah: a 1–5 scale each.
    for (const score of ['5', '4', '3', '2', '5']) {
      await page.locator('.scale label', { hasText: new RegExp(`^${score}$`) }).click();
      await page.getByRole('button', { name: 'التالي' }).click();
    }
    await page.locator('.scale-nps label', { hasText: /^9$/ }).click();
    await page.getByRole('button', { name: 'التالي' }).click();
    await page.getByLabel('الإرشاد').check();
    await page.getByRole('button', { name: 'التالي' }).click();
    // The photo is optional: a small PNG taken "from the camera".
    await page.locator('input[type=file]').setInputFiles({ name: 'bus.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('أُضيفت الصورة.').waitFor();
    await page.getByRole('button', { name: 'التالي' }).click();
    await page.locator('textarea').fill('الحافلات تأخرت. اتصلوا بي على 0551234567');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'أرسل إجاباتي' }).click();
    await page.getByRole('heading', { name: 'شكرًا لك' }).waitFor();
    const stored = await server.db.kysely.selectFrom('survey_responses').select(['csat', 'nps', 'free_text_screened', 'answers']).execute();
    expect(stored).toMatchObject([{ csat: 5, nps: 9, free_text_screened: 'الحافلات تأخرت. اتصلوا بي على [phone]', answers: { photo: expect.stringMatching(/^[0-9a-f-]{36}$/) } }]);
    // The link works once.
    await page.goto(`${server.base}${link}`);
    await page.getByText('أُجيب عن هذا الاستبيان').waitFor();
    await context.close();
  });

  it('she files a complaint about her provider, the sweep escalates it when the first answer is late, the provider answers in its inbox', async () => {
    const context = await openContext(browser, { viewport: { width: 360, height: 780 }, locale: 'ar-SA' }, { clock });
    const page = await context.newPage();
    await signInPage(page, server.base, 'fatima@e2e.example', true, PASSWORD);
    await page.goto(`${server.base}/complaints/new`);
    await page.getByLabel('بخصوص').selectOption('provider');
    await page.getByLabel('مقدم الخدمة').selectOption(providerId);
    await page.getByLabel('الفئة').selectOption('transport');
    await page.getByLabel('ماذا حدث').fill('لم تأتِ الحافلة من مزدلفة إلى منى إلا بعد ثلاث ساعات.');
    await page.getByRole('button', { name: 'أرسل الشكوى' }).click();
    await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
    complaintId = page.url().split('/').at(-1)!;
    await page.getByText('لدى مقدم الخدمة').first().waitFor();
    await page.getByText('لا يوجد حجز مع مقدم الخدمة هذا').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();

    clock.set(new Date('2027-01-03T08:00:00Z'));
    expect(await server.services.complaints.sweepDeadlines()).toEqual({ breached: 1, escalated: 1 });

    const owner = await openContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'en-GB' }, { clock, english: true });
    const inbox = await owner.newPage();
    await signInPage(inbox, server.base, 'owner@e2e.example', false, PASSWORD);
    await inbox.goto(`${server.base}/complaints`);
    await inbox.getByRole('heading', { name: 'Complaints about your company' }).waitFor();
    await inbox.getByRole('link', { name: /^C2027-/ }).click();
    await inbox.getByText('With the ministry').first().waitFor();
    await inbox.getByLabel('Message').fill('We are sorry: the driver was sent to the wrong gathering point. We have changed the schedule.');
    await inbox.getByRole('button', { name: 'Add a comment' }).click();
    await inbox.getByText('Comment added.').waitFor();
    await inbox.getByText('missed').first().waitFor();
    await owner.close();
    const events = await server.db.kysely.selectFrom('complaint_events').select('action').where('complaint_id', '=', complaintId).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['file', 'acknowledge', 'deadline_met', 'send_to_provider', 'breach', 'escalate', 'comment', 'deadline_met']);
  });

  it('the ministry opens the observatory', async () => {
    const context = await openContext(browser, { viewport: { width: 360, height: 780 } }, { clock, english: true });
    const page = await context.newPage();
    await signInPage(page, server.base, 'officer@e2e.example', false, PASSWORD);
    await page.goto(`${server.base}/observatory`);
    await page.getByRole('heading', { name: 'Voice of the Guest' }).waitFor();
    await page.getByText(/No group is large enough to show/).waitFor(); // one answer: withheld
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
