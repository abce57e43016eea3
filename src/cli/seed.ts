import cliProgress from 'cli-progress';
import { actingAs, systemContext } from '../core/principal.ts';
import type { Services } from '../services.ts';
import { sampleApplication } from '../modules/providers/index.ts';
import { samplePackage } from '../modules/catalogue/index.ts';
import { DEMO_PASSWORD, demoAccounts, type DemoAccount } from './demo-data.ts';
import { DEMO_FROZEN_AT, seedDrawnSeason } from './seed-draw.ts';
import { seedDemoDocuments } from './seed-documents.ts';
import { seedDemoPermits } from './seed-permits.ts';
import { seedDemoObservatory } from './seed-observatory.ts';
import type { RequestContext } from '../core/principal.ts';
import { riyadhDate } from '../core/dates.ts';
import { firstHajjAfter, hajjDays } from '../modules/seasons/index.ts';

/**
 * Seeds the demo accounts. Idempotent: accounts that exist are left alone,
 * so `npm start` can call it on every run and only the first run writes.
 * @returns how many accounts were created
 */
export async function seedDemo(services: Services, options: { progress?: boolean } = {}): Promise<number> {
  const bar = options.progress
    ? new cliProgress.SingleBar({ format: 'seeding demo data [{bar}] {value}/{total} {email}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(demoAccounts.length, 0, { email: '' });
  let created = 0;
  const ids = new Map<string, string>(); // accounts created in this run
  let provider: RequestContext | undefined;
  for (const account of demoAccounts) {
    try {
      if (account.role === 'provider_staff') provider = (await seedDemoProvider(services, account)) ?? provider;
      else ids.set(account.email, (await services.accounts.createDirect(systemContext('seed'), account as never, DEMO_PASSWORD)).id);
      created++;
    } catch (error) {
      if ((error as { code?: string }).code !== 'account.email_taken') throw error;
    }
    bar?.increment(1, { email: account.email });
  }
  bar?.stop();
  const seasons = demoSeasons(services.clock.now());
  if (ids.has('amina@manasik.demo') && ids.has('omar@manasik.demo')) await seedDemoSeason(services, ids, seasons.preference);
  if (provider && ids.has('yusuf@manasik.demo')) await seedDrawnSeason(services, provider, ids.get('yusuf@manasik.demo')!, seasons.drawn);
  await seedDemoDocuments(services, ids);
  if (ids.has('hannah@manasik.demo')) await seedDemoPermits(services, ids.get('hannah@manasik.demo')!);
  if (provider) await seedDemoObservatory(services, provider, ids);
  return created;
}

/**
 * The demo's two seasons, chosen from the day it is seeded so that every date
 * is consistent with it: the coming Hajj (at least 100 days away, so its
 * offers, open sale and visa cut-off all fall before arrival) has been drawn
 * and is in its offer phase; the Hajj after it is in its preference phase.
 */
export function demoSeasons(now: Date) {
  const drawn = firstHajjAfter(riyadhDate(new Date(now.getTime() + 100 * DAY)));
  return { drawn, preference: { code: `${drawn.year + 1}H`, year: drawn.year + 1, ...hajjDays(drawn.year + 1) } };
}
type DemoSeason = ReturnType<typeof demoSeasons>['drawn'];

const DAY = 86_400_000;

/**
 * What `manasik start` does with the demo: seeds it into a database that holds
 * no account at all (embedded or PostgreSQL), never into one that holds data.
 * Answers `seeded`, `present` (the demo was seeded before) or `refused`.
 */
export async function seedDemoIfEmpty(services: Services, options: { progress?: boolean } = {}): Promise<'seeded' | 'present' | 'refused'> {
  if (await services.accounts.isEmpty()) {
    await seedDemo(services, options);
    return 'seeded';
  }
  return (await services.accounts.exists(demoAccounts[0]!.email)) ? 'present' : 'refused';
}

/**
 * The season after the coming one, in its preference phase (relative to today),
 * with quotas, and a family from France that has applied and ranked: Amina
 * (admin) and Omar.
 */
async function seedDemoSeason(services: Services, ids: Map<string, string>, season: DemoSeason) {
  const now = services.clock.now().getTime();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const ctx = systemContext('seed');
  await services.seasons.setCalendar(ctx, season.code, {
    registrationOpens: at(-30), preferenceOpens: at(-1), preferenceCloses: at(30), drawAt: at(31),
    offersClose: at(45), openSaleAt: at(50), visaCutoff: at(120),
    referenceDate: season.referenceDate, arrivalDate: season.arrivalDate, seasonEnd: season.seasonEnd,
  });
  await services.seasons.importQuotas(ctx, season.code, 'country,seats\nFR,3200\nGB,2500\nUS,4100\nDE,1800\nBE,900\nCA,1500\nAU,1200\n');
  const family = [
    { email: 'amina@manasik.demo', givenNamesLatin: 'Amina', familyNameLatin: 'Diallo', fullNameArabic: 'أمينة ديالو', gender: 'female' as const, passportNumber: '19FR00001' },
    { email: 'omar@manasik.demo', givenNamesLatin: 'Omar', familyNameLatin: 'Farouk', fullNameArabic: 'عمر فاروق', gender: 'male' as const, passportNumber: '19FR00002' },
  ];
  const contexts = family.map((m) => actingAs(ids.get(m.email)!, {}, 'seed'));
  for (const [i, m] of family.entries()) {
    await services.pilgrims.saveProfile(contexts[i]!, {
      ...m, residenceCountry: 'FR', nationality: 'FR', dateOfBirth: i === 0 ? '1984-03-02' : '1979-11-20',
      passportExpiry: '2031-06-30', meningococcalVaccination: '2026-10-15',
    });
  }
  const application = await services.applications.create(contexts[0]!, season.code);
  await services.applications.addMember(contexts[0]!, application.id, 'omar@manasik.demo');
  const onSale = await services.catalogue.search({ country: 'FR', season: season.code, sort: 'price_asc', limit: 3, offset: 0 }, 'en');
  await services.applications.rank(contexts[0]!, application.id, onSale.items.map((p) => p.id));
}

/**
 * Demo providers go through the real flow: the owner registers and applies;
 * the first is licensed and publishes packages, the second waits for review.
 */
async function seedDemoProvider(services: Services, account: DemoAccount) {
  const owner = await services.accounts.createDirect(systemContext('seed'), { ...account, role: 'pilgrim' }, DEMO_PASSWORD);
  const licensed = account.email === 'provider@manasik.demo';
  const provider = await services.providers.apply(
    actingAs(owner.id, { locale: account.locale }, 'seed'),
    licensed
      ? sampleApplication({ crNumber: '4030123456', licenceNumber: 'HJ-1447-0001' })
      : sampleApplication({ legalNameAr: 'نور الحرمين للسياحة', legalNameEn: 'Noor Al-Haramain Travel', crNumber: '4030654321', licenceNumber: 'HJ-1447-0002' }),
  );
  if (!licensed) return undefined;
  const year = services.clock.now().getUTCFullYear();
  // Licensed since before the drawn season's families ranked its packages (in the past: see seed-draw.ts).
  const since = Math.min(year - 1, DEMO_FROZEN_AT.getUTCFullYear());
  await services.workflows.decideLicence(systemContext('seed'), provider.id, 'approve', { validFrom: `${since}-01-01`, validTo: `${year + 2}-12-31` });
  const ctx = actingAs(owner.id, { locale: account.locale, role: 'provider_staff', providerId: provider.id }, 'seed');
  const packages = demoPackages(demoSeasons(services.clock.now()).preference.year);
  for (const [index, input] of packages.entries()) {
    const pkg = await services.packages.create(ctx, input);
    if (index < packages.length - 1) await services.packages.publish(ctx, pkg.id); // the last stays a draft
  }
  return ctx;
}

/** A small, varied catalogue for the season in its preference phase: camps A to D, near and far, general and dedicated. */
function demoPackages(year: number) {
  const season = `${year}H`;
  const europe = ['FR', 'GB', 'DE', 'BE', 'NL', 'ES', 'IT', 'SE'];
  const americas = ['US', 'CA', 'BR', 'AR', 'MX'];
  return [
    samplePackage({ season, title: { ar: 'باقة الصفوة الذهبية — أجياد', en: 'Al-Safwa Gold — Ajyad' }, makkah: { hotel: 'Ajyad Makkah Towers', distanceM: 250, roomOccupancy: 2 }, minaCamp: 'A', eligibleCountries: europe, capacity: 40,
      priceLines: [{ component: 'makkah_housing', net: 2_850_000 }, { component: 'madinah_housing', net: 900_000 }, { component: 'mina_arafat', net: 1_650_000 }, { component: 'meals', net: 420_000 }, { component: 'transport', net: 180_000 }, { component: 'guidance', net: 60_000 }, { component: 'insurance', net: 15_000 }, { component: 'service_fee', net: 120_000 }] }),
    samplePackage({ season, eligibleCountries: [...europe, ...americas] }),
    samplePackage({ season, title: { ar: 'باقة الصفوة الاقتصادية — الشرائع', en: 'Al-Safwa Economy — Al-Sharaie' }, makkah: { hotel: 'Sharaie Residences', distanceM: 7800, roomOccupancy: 5 }, minaCamp: 'D', meals: 'half_board', madinah: undefined, eligibleCountries: [...europe, ...americas, 'AU', 'NZ'], capacity: 300,
      priceLines: [{ component: 'makkah_housing', net: 520_000 }, { component: 'mina_arafat', net: 610_000 }, { component: 'meals', net: 180_000 }, { component: 'transport', net: 90_000 }, { component: 'service_fee', net: 50_000 }] }),
    samplePackage({ season, title: { ar: 'رحلة باريس المخصصة', en: 'Paris group departure', fr: 'Départ groupé de Paris' }, type: 'dedicated', departureCity: 'Paris', minaCamp: 'B', eligibleCountries: ['FR', 'BE', 'CH', 'LU'], guidanceLanguages: ['fr', 'ar'], capacity: 90,
      priceLines: [{ component: 'flight', net: 720_000, vatCategory: 'zero' }, { component: 'makkah_housing', net: 1_400_000 }, { component: 'madinah_housing', net: 450_000 }, { component: 'mina_arafat', net: 990_000 }, { component: 'meals', net: 300_000 }, { component: 'transport', net: 150_000 }, { component: 'guidance', net: 40_000 }] }),
    samplePackage({ season, title: { ar: 'باقة القطار — العزيزية', en: 'Train package — Aziziyah' }, transport: 'train', minaCamp: 'C', eligibleCountries: [...americas, 'GB'], guidanceLanguages: ['en', 'es', 'pt'] }),
    samplePackage({ title: { ar: `مسودة: باقة ${year + 1}هـ`, en: `Draft: ${year + 1}H package` }, season: `${year + 1}H` }),
  ];
}
