import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { actingAs, systemContext } from '../src/core/principal.ts';
import { samplePackage } from '../src/modules/catalogue/index.ts';
import { freezeInstantFor, knownSignature } from '../src/modules/draw/index.ts';
import { PDF, PNG } from '../src/cli/seed-documents.ts';
import { sampleApplication } from '../src/modules/providers/index.ts';
import { E2E_PASSWORD as PASSWORD, artifactsDir, launchBrowser, openContext, signInPage } from './browser.ts';
import { startTestServer } from './server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
// The calendar is placed so that the draw, frozen at `moments.frozen`, names drand quicknet round
// 20791007 (August 2025), whose real signature the project ships: the ministry enters it as the beacon
// published it, and the server checks it offline. Each browser context runs on the server's clock.
const DAY = 86_400_000;
const ROUND = 20791007;
const NOW = freezeInstantFor(ROUND, 600) - 1000 - 1.5 * DAY;
const at = (days: number) => new Date(NOW + days * DAY).toISOString();
const moments = { preference: at(0), frozen: at(1.5), roundOut: new Date(Date.parse(at(1.5)) + 11 * 60_000).toISOString(), offers: at(2.5), openSale: at(11) };
const clock = new ManualClock(moments.preference);
let zaynabApplication = '';
let reviewer: ReturnType<typeof actingAs>;
/** A browser context on the server's clock; `englishContext` starts the app in English. */
const newContext = (options: Parameters<Browser['newContext']>[0]) => openContext(browser, options, { clock });
const englishContext = () => openContext(browser, { locale: 'en-GB' }, { clock, english: true });

const signIn = (page: Page, email: string, ar: boolean) => signInPage(page, server.base, email, ar);

/** A pilgrim with a profile; with `rank`, also a one-person application ranking that package. */
async function pilgrim(email: string, locale: 'ar' | 'en', n: number, rank?: string) {
  const s = server.services;
  const account = await s.accounts.createDirect(systemContext(), { email, displayName: email.split('@')[0]!, role: 'pilgrim', locale }, PASSWORD);
  const me = actingAs(account.id, { role: 'pilgrim' }, 'e2e');
  await s.pilgrims.saveProfile(me, {
    residenceCountry: 'FR', nationality: 'FR', givenNamesLatin: 'Test', familyNameLatin: `Family ${'abcdefghij'[n]}`, fullNameArabic: 'حاج تجريبي', dateOfBirth: '1985-03-03',
    gender: 'female', passportNumber: `30FR${String(n).padStart(5, '0')}`, passportExpiry: '2032-01-01', meningococcalVaccination: '2026-10-01',
  });
  // Paying the offer needs every member's passport scan and photo approved.
  for (const type of ['photo', 'passport_scan'] as const) {
    const profile = await s.pilgrims.uploadDocument(me, type, type === 'photo' ? PNG : PDF);
    const doc = profile.documents.find((d) => d.type === type && d.status === 'pending')!;
    await s.pilgrims.review(reviewer, doc.id, 'approve', undefined);
  }
  const app = await s.applications.create(me, '1448H');
  if (rank) await s.applications.rank(me, app.id, [rank]);
  return app.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  browser = await launchBrowser();
  const s = server.services;
  await s.seasons.setCalendar(systemContext(), '1448H', {
    registrationOpens: at(-10), preferenceOpens: at(-1), preferenceCloses: at(1), drawAt: at(2), offersClose: at(9), openSaleAt: at(11), visaCutoff: at(100),
    referenceDate: '2027-05-15', arrivalDate: '2027-05-10', seasonEnd: '2027-05-25',
  });
  await s.seasons.setQuotas(systemContext(), '1448H', [{ country: 'FR', seats: 100 }]);
  const admin = await s.accounts.createDirect(systemContext(), { email: 'admin@e2e.example', displayName: 'Draw admin', role: 'ministry_admin', locale: 'en' }, PASSWORD);
  reviewer = actingAs(admin.id, { role: 'ministry_admin' }, 'e2e');
  const owner = await s.accounts.createDirect(systemContext(), { email: 'owner@e2e.example', displayName: 'Owner', role: 'pilgrim', locale: 'en' }, PASSWORD);
  const provider = await s.providers.apply(actingAs(owner.id, {}, 'e2e'), sampleApplication());
  await s.workflows.decideLicence(systemContext(), provider.id, 'approve', { validFrom: '2020-01-01', validTo: '2099-12-31' });
  const staff = actingAs(owner.id, { role: 'provider_staff', providerId: provider.id }, 'e2e');
  const pkg = await s.packages.create(staff, samplePackage({ title: { ar: 'باقة المروة', en: 'Al-Marwa package' }, eligibleCountries: ['FR'], capacity: 20 }));
  await s.packages.publish(staff, pkg.id);
  zaynabApplication = await pilgrim('zaynab@e2e.example', 'ar', 1, pkg.id);
  for (let i = 2; i < 8; i++) await pilgrim(`family${i}@e2e.example`, 'en', i, pkg.id);
  await pilgrim('late@e2e.example', 'en', 9); // applied but never ranked: not in the draw, buys in the open sale
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the draw in the browser', () => {
  it('the ministry freezes, enters the public value, runs, reviews the audit and publishes', async () => {
    clock.set(moments.frozen);
    const context = await englishContext();
    const page = await context.newPage();
    await signIn(page, 'admin@e2e.example', false);
    await page.goto(`${server.base}/ministry/draw`);
    await page.getByLabel('Seats reserved for first-time pilgrims (%)').fill('25');
    await page.getByRole('button', { name: 'Freeze and publish the commitment' }).click();
    await page.getByText('Frozen; the commitment is public.').waitFor();
    await page.getByText(`The commitment names round ${ROUND}`).waitFor();
    // Ten minutes later the beacon has published the round; the officer copies its signature.
    clock.set(moments.roundOut);
    await context.clock.setSystemTime(clock.now());
    expect(await page.getByLabel('Round').inputValue()).toBe(String(ROUND));
    await page.getByLabel('Signature (96 hexadecimal digits)').fill(knownSignature(ROUND));
    await page.getByRole('button', { name: 'Enter the value' }).click();
    await page.getByText('The seed is fixed.').waitFor();
    await page.getByRole('button', { name: 'Run the draw' }).click();
    await page.getByRole('heading', { name: 'Fairness audit' }).waitFor();
    expect(await page.getByText('No dependence found').count()).toBe(3);
    await page.getByRole('button', { name: 'Publish the results and hold the winners\' seats' }).click();
    await page.getByText('Published; families are being notified.').waitFor();
    await page.getByText('Capacity invariant holds').waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'draw-ministry-en.png'), fullPage: true });
    await context.close();
  });

  it('a family sees its seats, deadline and proof of inclusion, in Arabic on a phone', async () => {
    clock.set(moments.offers);
    const context = await newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();
    await signIn(page, 'zaynab@e2e.example', true);
    // On a phone the navigation folds into the menu button.
    await page.getByRole('heading', { name: 'رحلتك' }).waitFor();
    await page.locator('.menu-button').click();
    await page.getByRole('link', { name: 'قرعتي وحجزي' }).click();
    await page.getByText('حصلت عائلتك على مقاعد في اختيارها رقم 1').waitFor();
    await page.getByRole('timer').waitFor();
    await page.getByRole('button', { name: 'تحقق من وجود هذا الطلب في القرعة' }).click();
    await page.getByText('الطلب مشمول').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(artifactsDir, 'draw-family-ar-360.png'), fullPage: true });
    await context.close();
  });

  it('the family tops up by card with 3-D Secure and pays its seats from the wallet', async () => {
    const context = await newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();
    await signIn(page, 'zaynab@e2e.example', true);
    await page.goto(`${server.base}/wallet`);
    await page.getByLabel('المبلغ (ريال)').fill('40000');
    await page.getByRole('button', { name: 'تابع إلى الدفع بالبطاقة' }).click();
    await page.getByLabel('رقم البطاقة').fill('4000 0000 0000 3220');
    await page.getByRole('button', { name: 'ادفع', exact: true }).click();
    await page.getByLabel('رمز التأكيد').fill('123456');
    await page.getByRole('button', { name: 'أكّد' }).click();
    await page.getByText('قُبلت الدفعة.').waitFor();
    clock.advance(3000); // the gateway's webhooks (sent twice, in any order) arrive
    while ((await server.services.gatewaySim.deliverDue(50)) > 0) clock.advance(100);
    await page.getByRole('link', { name: 'العودة إلى مناسك' }).click();
    await page.getByText('وصلت دفعتك بالبطاقة إلى محفظتك.').waitFor();
    await page.goto(`${server.base}/pilgrim/draw`);
    await page.getByRole('button', { name: /ادفع .* من محفظتي/ }).click();
    await page.locator('.badge.booking-confirmed').getByText('مؤكَّد').waitFor();
    const pdf = await page.request.get(await page.getByRole('link', { name: 'تأكيد الحجز (PDF)' }).getAttribute('href').then((h) => `${server.base}${h}`));
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(await server.services.ledger.check()).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'wallet-paid-ar-360.png'), fullPage: true });
    // Changing her mind: the refund is previewed first, then cancelled into the wallet.
    await page.getByRole('button', { name: 'ألغِ هذا الحجز' }).click();
    await page.getByText(/^الإلغاء الآن، قبل الوصول بـ.*، يعيد إلى محفظتك .* من أصل .* مدفوعة\./).waitFor();
    await page.getByRole('button', { name: /^ألغِ واسترد / }).click();
    await page.getByText(/^أُلغي الحجز؛ عاد .* إلى محفظتك\.$/).waitFor();
    expect(await server.services.ledger.check()).toEqual([]);
    await context.close();
  });

  it('the public page shows the commitment, the seed inputs and the results, and checks an application', async () => {
    const context = await englishContext();
    const page = await context.newPage();
    await page.goto(`${server.base}/draw/1448H`);
    await page.getByRole('heading', { name: 'The 1448 AH draw' }).waitFor();
    await page.getByText(`round ${ROUND} of drand`).first().waitFor();
    await page.getByText('Every check passed: this is the round announced at the freeze, signed by the beacon.').waitFor();
    await page.getByRole('figure', { name: 'Share of families with seats, by country' }).waitFor();
    await page.getByLabel('Application number').fill(zaynabApplication);
    await page.getByRole('button', { name: 'Check that this application is in the draw' }).click();
    await page.getByText('Included: this record hashes to the published root').waitFor();
    await page.getByLabel('Application number').fill('00000000-0000-4000-8000-000000000000');
    await page.getByRole('button', { name: 'Check that this application is in the draw' }).click();
    await page.getByText('This application is not in the draw.').waitFor();
    await context.close();
  });

  it('a family outside the draw waits its turn in the open sale and books', async () => {
    clock.set(moments.openSale);
    const context = await englishContext();
    const page = await context.newPage();
    await signIn(page, 'late@e2e.example', false);
    await page.goto(`${server.base}/pilgrim/draw`);
    await page.getByText('Your family is not in the draw').waitFor();
    await page.getByRole('button', { name: 'Join the waiting room' }).click();
    await page.getByText('It is your turn: choose a package.').waitFor();
    await page.getByRole('button', { name: 'Book for my family' }).click();
    await page.locator('.badge.booking-held').getByText('Seats held: waiting for payment').waitFor();
    await page.getByText('from the open sale').waitFor();
    await context.close();
    expect(await server.services.bookings.capacityViolations('1448H')).toEqual([]);
  });
});
