import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../src/cli/demo-data.ts';
import { PDF, PNG } from '../src/cli/seed-documents.ts';
import { seedDemo } from '../src/cli/seed.ts';
import { OffsetClock } from '../src/core/clock.ts';
import { actingAs, systemContext } from '../src/core/principal.ts';
import type { Locale } from '../src/common/i18n.ts';
import { E2E_PASSWORD } from './browser.ts';
import { startTestServer } from './server.ts';
import type { Texts } from './texts.ts';

/**
 * The pilgrim journey the accessibility and language tests walk, written once
 * and in no language: every text it looks for is read from the language's
 * catalogs (`t`), so the same walk runs in Arabic, English, Urdu, Indonesian…
 * and proves on the way that the page speaks that language.
 *
 * It runs on the demo data (`npm start`'s): a visitor finds and compares
 * packages, signs up, confirms the email, fills the Hajj profile and a
 * document, applies with a relative and ranks; then a family admin whose
 * family won seats in the coming season (Yusuf, when the draw favoured him)
 * tops the wallet up by card, pays, finds the booking's documents, books an
 * Umrah visit, answers a survey and files a complaint. `stop(name)` is called at each screen worth checking.
 */

type JourneyServer = Awaited<ReturnType<typeof startJourneyServer>>;

/** A fresh platform with the demo data, and for `language`: a relative who filled in a profile, and a family with seats to pay whose admin reads that language and has a survey waiting. */
export async function startJourneyServer(language: Locale) {
  const clock = new OffsetClock();
  const server = await startTestServer({ clock });
  const s = server.services;
  await seedDemo(s);
  const idOf = async (email: string) => (await server.db.kysely.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const relative = await s.accounts.createDirect(systemContext('e2e'), { email: RELATIVE, displayName: 'Bilal Benali', role: 'pilgrim', locale: language }, E2E_PASSWORD);
  await s.pilgrims.saveProfile(actingAs(relative.id, {}, 'e2e'), {
    residenceCountry: 'FR', nationality: 'FR', givenNamesLatin: 'Bilal', familyNameLatin: 'Benali', fullNameArabic: 'بلال بن علي', dateOfBirth: '1990-02-02',
    gender: 'male', passportNumber: '20FR55555', passportExpiry: '2032-01-01', meningococcalVaccination: '2026-12-01',
  });
  // The family that pays: Yusuf's if the draw gave it seats (its order follows the applications' random ids), else another winner.
  const held = await server.db.kysely.selectFrom('bookings').innerJoin('applications', 'applications.id', 'bookings.application_id')
    .innerJoin('accounts', 'accounts.id', 'applications.admin_account_id')
    .select(['accounts.email', 'bookings.application_id', 'bookings.seats']).where('bookings.status', '=', 'held').execute();
  const family = held.find((b) => b.email === YUSUF) ?? held.sort((a, b) => b.seats - a.seats)[0]!;
  const payer = await idOf(family.email);
  // Paying needs every member's photo and passport scan approved (the demo approved Yusuf's only).
  const officer = actingAs(await idOf('officer@manasik.demo'), { role: 'ministry_officer' }, 'e2e');
  const members = await server.db.kysely.selectFrom('application_members').select('account_id').where('application_id', '=', family.application_id).execute();
  const yusuf = await idOf(YUSUF);
  for (const { account_id } of members.filter((m) => m.account_id !== yusuf)) {
    for (const type of ['photo', 'passport_scan'] as const) {
      const profile = await s.pilgrims.uploadDocument(actingAs(account_id, {}, 'e2e'), type, type === 'photo' ? PNG : PDF);
      await s.pilgrims.review(officer, profile.documents.find((d) => d.type === type && d.status === 'pending')!.id, 'approve', undefined);
    }
  }
  // The payer reads the journey's language, and has a survey waiting.
  await s.accounts.updateMe(actingAs(payer, {}, 'e2e'), { locale: language });
  await s.observatory.inviteNow('season_completed', [{ accountId: payer, subject: 'journey', language, programme: 'hajj', providerId: null, packageId: null, countryCode: 'FR', nationalityGroup: 'europeAmericasOceania' }]);
  return { ...server, clock, payer: family.email };
}

const RELATIVE = 'bilal@journey.example';
const YUSUF = 'yusuf@manasik.demo';

export interface Journey {
  page: Page;
  server: JourneyServer;
  language: Locale;
  t: Texts;
  /** Called at each screen worth checking, named for it (`catalogue`, `sign-up-errors`, …). */
  stop: (name: string) => Promise<void>;
}

/** On a phone the navigation folds behind the menu button: open it, follow the link. */
async function viaMenu(page: Page, t: Texts, name: string) {
  const menu = page.getByRole('button', { name: t('nav.menu') });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name, exact: true }).click();
}

async function signIn(page: Page, t: Texts, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByRole('heading', { level: 1, name: t('signIn.title') }).waitFor();
  await page.getByLabel(t('form.email'), { exact: true }).fill(email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await page.waitForURL('**/dashboard');
}

async function signOut(page: Page, t: Texts) {
  const menu = page.getByRole('button', { name: t('nav.menu') });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: t('nav.signOut') }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** A date field is a day, a month by name and a year, each labelled in the page's language. */
async function fillDate(page: Page, t: Texts, label: string, iso: string) {
  const [y, m, d] = iso.split('-');
  await page.getByLabel(`${label} — ${t('form.day')}`, { exact: true }).fill(String(Number(d)));
  await page.getByLabel(`${label} — ${t('form.month')}`, { exact: true }).selectOption(String(Number(m)));
  await page.getByLabel(`${label} — ${t('form.year')}`, { exact: true }).fill(y!);
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

export async function pilgrimJourney({ page, server, language, t, stop }: Journey) {
  const base = server.base;
  const visitor = `${language}.visitor@journey.example`;

  // A first visit: the home page, then the catalogue filtered to France.
  await page.goto(base);
  await h1(page, t('home.title'));
  await stop('home');
  await page.getByRole('main').getByRole('link', { name: t('nav.catalogue') }).click();
  await h1(page, t('catalogue.title'));
  await page.locator('.package-card').first().waitFor();
  await stop('catalogue');
  const filters = page.getByRole('form', { name: t('catalogue.filters') });
  if (!(await filters.isVisible())) await page.locator('summary', { hasText: t('catalogue.filters') }).click();
  await filters.getByLabel(t('catalogue.country'), { exact: true }).selectOption('FR');
  await filters.getByLabel(`${t('package.camp', { category: 'A' })}`, { exact: true }).check();
  await stop('catalogue-filters');
  await filters.getByLabel(`${t('package.camp', { category: 'A' })}`, { exact: true }).uncheck();
  await filters.getByRole('button', { name: t('catalogue.apply') }).click();
  await page.waitForURL(/country=FR/);
  await page.locator('.package-card').nth(1).waitFor();

  // Two packages side by side, and one in full.
  await page.getByRole('checkbox', { name: t('catalogue.addToCompare') }).nth(0).check();
  await page.getByRole('checkbox', { name: t('catalogue.addToCompare') }).nth(1).check();
  await stop('catalogue-compare-chosen');
  await page.getByRole('link', { name: t('catalogue.compareCount', { count: 2 }) }).click();
  await h1(page, t('compare.title'));
  await page.locator('table.compare').waitFor();
  await stop('compare');
  await page.goBack();
  await page.locator('.package-card h2 a').first().click();
  await page.locator('article h1').waitFor();
  await page.getByRole('heading', { level: 2, name: t('package.eligible') }).waitFor();
  await stop('package');

  // The draw's public page: its charts, and one chart's figures as a table.
  await viaMenu(page, t, t('nav.draw'));
  await page.locator('figure.chart').first().waitFor();
  await page.locator('figure.chart summary').first().press('Enter'); // by keyboard: the charts below may still be resizing under a pointer
  await page.locator('figure.chart details[open] table').first().waitFor();
  await stop('public-draw');

  // Signing up: refused first (a short password, named in the page's language), then accepted.
  const menu = page.getByRole('button', { name: t('nav.menu') });
  if (await menu.isVisible()) {
    await menu.click();
    await stop('menu-open');
  }
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.signUp'), exact: true }).click();
  await h1(page, t('signUp.title'));
  await page.getByLabel(t('form.displayName'), { exact: true }).fill('Aisha Rahman');
  await page.getByLabel(t('form.email'), { exact: true }).fill(visitor);
  await page.getByLabel(t('form.password'), { exact: true }).fill('short');
  await page.getByRole('button', { name: t('signUp.submit') }).click();
  await page.getByText(t('form.errorTitle')).waitFor();
  expect(await page.getByLabel(t('form.password'), { exact: true }).getAttribute('aria-invalid')).toBe('true');
  await stop('sign-up-errors');
  await page.getByLabel(t('form.password'), { exact: true }).fill('the journey of a lifetime');
  await page.getByRole('button', { name: t('signUp.submit') }).click();
  await h1(page, t('signUp.doneTitle'));
  await stop('sign-up-done');
  await page.getByRole('link', { name: t('signUp.devMailboxHint') }).click();
  const link = page.getByRole('link', { name: /verify-email\?token=/ });
  await link.waitFor();
  await stop('mailbox');
  const href = new URL((await link.getAttribute('href'))!);
  await page.goto(`${base}${href.pathname}${href.search}`);
  await page.getByText(t('verify.done')).waitFor();
  await stop('email-confirmed');

  // Signing in, the dashboard, the Hajj profile and a document.
  await page.getByRole('main').getByRole('link', { name: t('nav.signIn') }).click();
  await h1(page, t('signIn.title'));
  await page.getByLabel(t('form.email'), { exact: true }).fill(visitor);
  await page.getByLabel(t('form.password'), { exact: true }).fill('the journey of a lifetime');
  await stop('sign-in');
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await h1(page, t('dashboard.pilgrim.title'));
  await stop('dashboard');
  await page.getByRole('main').getByRole('link', { name: t('dashboard.tiles.profile.title') }).click();
  await h1(page, t('pilgrim.profileTitle'));
  await page.getByLabel(t('pilgrim.residenceCountry'), { exact: true }).selectOption('FR');
  await page.getByLabel(t('pilgrim.nationality'), { exact: true }).selectOption('FR');
  await page.getByLabel(t('pilgrim.givenNames'), { exact: true }).fill('Aisha');
  await page.getByLabel(t('pilgrim.familyName'), { exact: true }).fill('Rahman');
  await page.getByLabel(t('pilgrim.arabicName'), { exact: true }).fill('عائشة رحمن');
  await fillDate(page, t, t('pilgrim.dateOfBirth'), '1988-07-09');
  await page.getByLabel(t('pilgrim.gender'), { exact: true }).selectOption('female');
  await page.getByLabel(t('pilgrim.passportNumber'), { exact: true }).fill('20FR44444');
  await fillDate(page, t, t('pilgrim.passportExpiry'), '2032-03-01');
  await fillDate(page, t, t('pilgrim.vaccination'), '2026-12-01');
  await page.getByRole('button', { name: t('common.save') }).click();
  await page.getByText(t('pilgrim.saved')).waitFor();
  await stop('hajj-profile');
  await page.getByLabel(`${t('pilgrim.upload')} — ${t('pilgrim.docTypes.photo')}`, { exact: true }).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('.doc-list li', { hasText: t('pilgrim.docTypes.photo') }).getByText(t('pilgrim.docStatus.pending')).waitFor();
  await stop('documents');

  // The family application: a relative added by email, a package ranked.
  await viaMenu(page, t, t('nav.application'));
  await h1(page, t('application.title'));
  await page.getByRole('button', { name: t('application.start') }).click();
  await page.getByLabel(t('application.addMember'), { exact: true }).fill(RELATIVE);
  await page.getByRole('button', { name: t('application.add'), exact: true }).click();
  await page.getByText('Bilal Benali').waitFor();
  await page.getByRole('button', { name: t('application.choose') }).first().click();
  await page.getByRole('button', { name: t('application.saveRanking') }).click();
  await page.getByText(t('application.rankingSaved')).waitFor();
  await stop('application');
  await viaMenu(page, t, t('nav.profile'));
  await h1(page, t('profile.title'));
  await stop('account-profile');
  await signOut(page, t);

  // Yusuf's family won seats: the offer, a card top-up (with its 3-D Secure code) and the payment.
  await signIn(page, t, base, server.payer, DEMO_PASSWORD);
  await viaMenu(page, t, t('nav.myDraw'));
  const booking = page.locator('article.booking');
  await booking.waitFor();
  await stop('my-draw-offer');
  await viaMenu(page, t, t('nav.wallet'));
  await h1(page, t('wallet.title'));
  await page.getByLabel(t('wallet.amount'), { exact: true }).fill('200000');
  await stop('wallet');
  await page.getByRole('button', { name: t('wallet.payByCard') }).click();
  await h1(page, t('pay.title'));
  await page.getByLabel(t('pay.cardNumber'), { exact: true }).fill('4000 0000 0000 3220');
  await stop('card-payment');
  await page.getByRole('button', { name: t('pay.pay'), exact: true }).click();
  await page.getByLabel(t('pay.code'), { exact: true }).fill('123456');
  await stop('card-3ds');
  await page.getByRole('button', { name: t('pay.confirm') }).click();
  await page.getByText(t('pay.result.succeeded')).waitFor();
  // The gateway's webhooks arrive (the server's pollers do not run in tests).
  server.clock.set(new Date(server.clock.now().getTime() + 5_000));
  while ((await server.services.gatewaySim.deliverDue(50)) > 0) server.clock.set(new Date(server.clock.now().getTime() + 200));
  await page.getByRole('link', { name: t('pay.back') }).click();
  await page.getByText(t('wallet.topUpStatus.succeeded')).waitFor();
  await stop('wallet-topped-up');
  await viaMenu(page, t, t('nav.myDraw'));
  await booking.locator('button.primary').click();
  await booking.getByText(t('bookings.status.confirmed')).waitFor();
  await booking.getByRole('heading', { level: 3, name: t('bookings.documents') }).waitFor();
  await stop('booking-paid');

  // The booking and its documents: the confirmation and each member's pilgrim card, as PDF.
  await viaMenu(page, t, t('nav.bookings'));
  await h1(page, t('bookings.title'));
  const cards = page.locator('.doc-links a');
  expect(await cards.count()).toBeGreaterThanOrEqual(2);
  for (const a of await cards.all()) {
    const pdf = await page.request.get(new URL((await a.getAttribute('href'))!, base).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  }
  await stop('bookings');

  // An Umrah visit: the next day with windows, a window, Yusuf's passport proved, one permit.
  await viaMenu(page, t, t('nav.bookPermit'));
  await h1(page, t('permits.book.title'));
  await page.getByRole('button', { name: t('permits.book.showDay') }).click();
  await page.locator('ul.windows li button').first().click();
  await page.getByRole('button', { name: t('permits.people.addSelf') }).click();
  await page.getByLabel(t('permits.people.number.passport'), { exact: true }).fill('FR7700451');
  await page.getByLabel(t('permits.people.passportCountry'), { exact: true }).selectOption('FR');
  await page.getByLabel(t('permits.people.visaNumber'), { exact: true }).fill('6000000123');
  await stop('permit-prove');
  await page.getByRole('button', { name: t('permits.people.prove') }).click();
  await page.getByRole('button', { name: t('permits.book.bookFor', { count: 1 }) }).click();
  await page.getByText(t('permits.book.booked')).waitFor();
  await stop('permit-booked');
  await page.getByRole('link', { name: t('permits.book.seePermits') }).click();
  await h1(page, t('permits.mine.title'));
  await page.locator('.short-code code').first().waitFor();
  await stop('my-permits');

  // A survey, one question per screen, and a complaint about the provider.
  await page.goto(`${base}/surveys`);
  await h1(page, t('observatory.surveys.title'));
  await stop('surveys');
  await page.getByRole('main').locator('.plain-list a').first().click();
  await page.locator('.survey-question').waitFor();
  await stop('survey-question');
  for (let n = 0; n < 20; n++) {
    const scale = page.locator('.scale label');
    if (await scale.count()) await scale.last().click();
    const next = page.getByRole('button', { name: t('observatory.survey.next') });
    if (!(await next.isVisible())) break;
    await next.click();
  }
  await stop('survey-last-question');
  await page.getByRole('button', { name: t('observatory.survey.send') }).click();
  await h1(page, t('observatory.survey.thanks'));
  await page.goto(`${base}/complaints/new`);
  await h1(page, t('observatory.complaints.new'));
  await page.getByLabel(t('observatory.complaints.about'), { exact: true }).selectOption('provider');
  await page.getByLabel(t('observatory.complaints.provider'), { exact: true }).selectOption({ index: 1 });
  await page.getByLabel(t('observatory.complaints.description'), { exact: true }).fill('The bus to Arafat came two hours late.');
  await stop('complaint-form');
  await page.getByRole('button', { name: t('observatory.complaints.send') }).click();
  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 2, name: t('observatory.complaints.deadlines') }).waitFor();
  await stop('complaint');
}
