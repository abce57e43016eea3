import { actingAs, systemContext, type RequestContext } from '../core/principal.ts';
import { samplePackage } from '../modules/catalogue/index.ts';
import type { Services } from '../services.ts';
import type { SeasonDays } from '../modules/seasons/index.ts';
import { DEMO_PASSWORD } from './demo-data.ts';

const DAY = 86_400_000;

/**
 * The coming season, drawn and published, in its offer phase: families from four
 * countries applied and ranked two packages of the demo provider; the draw was
 * frozen, seeded with a public value, run and published, so the public draw
 * page, the verifier, the waiting list and the offers have something to show.
 * Yusuf (`yusuf@manasik.demo`) is one of the families.
 *
 * The calendar is moved forward between the steps, as the weeks of a real
 * season would move it; each step still checks its phase.
 */
export async function seedDrawnSeason(services: Services, provider: RequestContext, yusufId: string, season: { code: string } & SeasonDays) {
  const SEASON = season.code;
  const ctx = systemContext('seed');
  const now = services.clock.now().getTime();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const calendar = (shift: number) => services.seasons.setCalendar(ctx, SEASON, {
    registrationOpens: at(shift - 40), preferenceOpens: at(shift - 20), preferenceCloses: at(shift - 6), drawAt: at(shift - 5),
    offersClose: at(shift + 10), openSaleAt: at(shift + 14), visaCutoff: at(shift + 90),
    referenceDate: season.referenceDate, arrivalDate: season.arrivalDate, seasonEnd: season.seasonEnd,
  });
  await calendar(10); // preference phase: families apply and rank
  await services.seasons.importQuotas(ctx, SEASON, 'country,seats\nFR,22\nGB,14\nUS,16\nDE,8\n');
  const packages = [];
  for (const input of [
    samplePackage({ season: SEASON, title: { ar: 'باقة الصفوة — مِنى أ', en: 'Al-Safwa — Mina A' }, minaCamp: 'A', eligibleCountries: ['FR', 'GB', 'US', 'DE'], capacity: 14 }),
    samplePackage({ season: SEASON, title: { ar: 'باقة الصفوة — العزيزية', en: 'Al-Safwa — Aziziyah' }, minaCamp: 'C', eligibleCountries: ['FR', 'GB', 'US', 'DE'], capacity: 16 }),
  ]) {
    const pkg = await services.packages.create(provider, input);
    await services.packages.publish(provider, pkg.id);
    packages.push(pkg.id);
  }

  const countries = ['FR', 'GB', 'US', 'DE'];
  const names = ['Adam', 'Bilal', 'Dina', 'Hamza', 'Ines', 'Karim', 'Layla', 'Musa', 'Nadia', 'Rania', 'Salim', 'Zahra'];
  let passport = 0;
  async function profile(accountId: string, country: string, given: string) {
    await services.pilgrims.saveProfile(actingAs(accountId, {}, 'seed'), {
      residenceCountry: country, nationality: country, givenNamesLatin: given, familyNameLatin: 'Demo', fullNameArabic: given === 'Yusuf' ? 'يوسف بن علي' : 'حاج تجريبي', dateOfBirth: '1980-04-04',
      gender: given === 'Yusuf' || passport % 2 ? 'male' : 'female', passportNumber: `47${country}${String(++passport).padStart(5, '0')}`, passportExpiry: '2031-01-01', meningococcalVaccination: '2026-05-01',
      performedHajj: passport % 3 === 0,
    });
  }
  // Yusuf and his wife first, then 22 families of 1 to 3.
  const families: { admin: string; country: string; members: string[] }[] = []; // members by email
  const emails: string[] = [];
  await profile(yusufId, 'FR', 'Yusuf');
  families.push({ admin: yusufId, country: 'FR', members: [] });
  for (let f = 0; f < 23; f++) {
    const country = f === 0 ? 'FR' : countries[f % 4]!;
    const size = f === 0 ? 1 : 1 + (f % 3);
    const ids: string[] = [];
    for (let m = 0; m < size; m++) {
      const email = `family${f}.${m}@families.demo`;
      const account = await services.accounts.createDirect(ctx, { email, displayName: `${names[(f + m) % names.length]} Demo`, role: 'pilgrim', locale: f % 2 ? 'ar' : 'en' }, DEMO_PASSWORD);
      await profile(account.id, country, names[(f + m) % names.length]!);
      ids.push(account.id);
      emails.push(email);
    }
    if (f === 0) families[0]!.members.push(...emails.slice(-size));
    else families.push({ admin: ids[0]!, country, members: size > 1 ? emails.slice(-(size - 1)) : [] });
  }
  for (const [i, fam] of families.entries()) {
    const admin = actingAs(fam.admin, { role: 'pilgrim' }, 'seed');
    const app = await services.applications.create(admin, SEASON);
    for (const email of fam.members) await services.applications.addMember(admin, app.id, email);
    await services.applications.rank(admin, app.id, i % 2 ? [packages[1]!, packages[0]!] : [packages[0]!, packages[1]!]);
  }

  await calendar(5.5); // the preference phase closed: freeze, enter the public value, run
  await services.draw.freeze(ctx, SEASON, {});
  await services.draw.setRandomValue(ctx, SEASON, 'drand round 4982311: 3f9c1d7e', 'drand mainnet (League of Entropy), round 4982311');
  await services.draw.run(ctx, SEASON);
  await calendar(4); // the draw date has passed: publish; offers are held
  await services.workflows.publishDraw(ctx, SEASON);
}
