import { isSettable } from '../core/clock.ts';
import { actingAs, systemContext, type RequestContext } from '../core/principal.ts';
import { freezeInstantFor, knownSignature } from '../modules/draw/index.ts';
import { samplePackage } from '../modules/catalogue/index.ts';
import type { Services } from '../services.ts';
import type { SeasonDays } from '../modules/seasons/index.ts';
import { DEMO_PASSWORD } from './demo-data.ts';

const DAY = 86_400_000;
/**
 * The demo's draw names drand quicknet round 20791007 (published 2025-08-14T12:59:45Z),
 * whose real signature the project ships (data/drand-quicknet-rounds.json): its
 * season is frozen ten minutes and a second before, so that `manasik draw verify`
 * checks a real beacon signature offline on the demo.
 */
export const DEMO_ROUND = 20791007;
export const DEMO_FROZEN_AT = new Date(freezeInstantFor(DEMO_ROUND, 600) - 1000);

/**
 * The coming season, drawn and published, in its offer phase: families from four
 * countries applied and ranked two packages of the demo provider; the draw was
 * frozen, its named beacon round entered, run, and published today, so the public
 * draw page, the verifier, the waiting list and the offers have something to show.
 * Yusuf (`yusuf@manasik.demo`) is one of the families.
 *
 * The draw's beacon round is a past one (DEMO_ROUND), so the families apply, the
 * season is frozen and the round entered at their own moments in the past: the
 * clock is set back for those steps and forward again to publish. Each step
 * still checks its phase.
 */
export async function seedDrawnSeason(services: Services, provider: RequestContext, yusufId: string, season: { code: string } & SeasonDays) {
  const { clock } = services;
  if (!isSettable(clock)) throw new Error('the demo seeds a past draw: give its services a settable clock (OffsetClock)');
  const SEASON = season.code;
  const ctx = systemContext('seed');
  const present = clock.now();
  const frozen = DEMO_FROZEN_AT.getTime();
  const at = (ms: number) => new Date(ms).toISOString();
  await services.seasons.setCalendar(ctx, SEASON, {
    registrationOpens: at(frozen - 40 * DAY), preferenceOpens: at(frozen - 20 * DAY), preferenceCloses: at(frozen - 3_600_000), drawAt: at(present.getTime() - 4 * DAY),
    offersClose: at(present.getTime() + 10 * DAY), openSaleAt: at(present.getTime() + 14 * DAY), visaCutoff: at(present.getTime() + 90 * DAY),
    referenceDate: season.referenceDate, arrivalDate: season.arrivalDate, seasonEnd: season.seasonEnd,
  });

  clock.set(new Date(frozen - 10 * DAY)); // the preference phase: packages on sale, families apply and rank
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

  clock.set(DEMO_FROZEN_AT); // the preference phase closed: freeze; the commitment names DEMO_ROUND
  const draw = await services.draw.freeze(ctx, SEASON, {});
  if (draw.commitment?.randomness.kind !== 'drand' || draw.commitment.randomness.round !== DEMO_ROUND) throw new Error(`the demo's freeze named ${JSON.stringify(draw.commitment?.randomness)}`);
  clock.set(new Date(Date.parse(draw.commitment.randomness.roundTime) + 60_000)); // the round is out: enter it, run
  await services.draw.setRandomValue(ctx, SEASON, { round: DEMO_ROUND, signature: knownSignature(DEMO_ROUND) });
  await services.draw.run(ctx, SEASON);
  clock.set(present); // today, after the draw date: publish; offers are held
  await services.workflows.publishDraw(ctx, SEASON);
}
