import { actingAs, systemContext } from '../core/principal.ts';
import { hijriOf, riyadhDate } from '../core/dates.ts';
import type { Services } from '../services.ts';

/**
 * The demo's permits: the Grand Mosque (Umrah) and the Rawdah configured for
 * the coming Ramadan, every window released now so the demo can book, the
 * season's rules and the Rawdah's no-show penalty; and Hannah, who proved her
 * passport and holds a Rawdah permit. The gate officer (gate@manasik.demo)
 * checks at any of their gates.
 */
export async function seedDemoPermits(services: Services, pilgrimId: string) {
  const ctx = systemContext('seed');
  const today = hijriOf(riyadhDate(services.clock.now()));
  const year = today.month < 9 ? today.year : today.year + 1;
  const { permits } = services;
  const setUp = async (o: { code: string; kind: 'umrah' | 'rawdah'; nameAr: string; nameEn: string; hours: { from: number; to: number }[]; women: { from: number; to: number }[]; window: number; capacity: number; maxGroup: number; gates: [number, string, string, ('men' | 'women')[]][] }) => {
    const site = await permits.createSite(ctx, {
      code: o.code, kind: o.kind, nameAr: o.nameAr, nameEn: o.nameEn, maxGroup: o.maxGroup, offerMinutes: 15, cancelLeadMinutes: 180, gateMaxOfflineMinutes: 480,
      sections: [{ section: 'men', hours: o.hours }, { section: 'women', hours: o.women }],
    });
    for (const [number, ar, en, sections] of o.gates) await permits.addGate(ctx, site.id, { number, nameAr: ar, nameEn: en, sections });
    const template = await permits.addTemplate(ctx, site.id, { name: `Ramadan ${year}H`, windowMinutes: o.window, capacity: o.capacity, earlyGraceMinutes: 10, lateGraceMinutes: 10 });
    await permits.generate(ctx, site.id, { templateId: template.id, range: { calendar: 'hijri_month', year, month: 9 }, release: { at: services.clock.now() } });
    return site;
  };
  const umrah = await setUp({
    code: 'grand-mosque-umrah', kind: 'umrah', nameAr: 'العمرة — المسجد الحرام', nameEn: 'Umrah — the Grand Mosque', hours: [{ from: 0, to: 1440 }], women: [{ from: 0, to: 1440 }], window: 120, capacity: 9000, maxGroup: 8,
    gates: [[1, 'باب الملك عبدالعزيز', 'King Abdulaziz Gate', ['men', 'women']], [79, 'باب الملك فهد', 'King Fahd Gate', ['men', 'women']], [100, 'باب الملك عبدالله', 'King Abdullah Gate', ['men']]],
  });
  await permits.setRules(ctx, umrah.id, [
    { code: 'one-umrah-per-ramadan', kind: 'per_hijri_month', hijriMonth: 9, maxCount: 1 },
    { code: 'one-umrah-per-15-days', kind: 'per_days', days: 15, maxCount: 1 },
  ], [{ trigger: 'no_show', banDays: 30 }]);
  const rawdah = await setUp({
    code: 'rawdah', kind: 'rawdah', nameAr: 'الروضة الشريفة', nameEn: 'The Rawdah', hours: [{ from: 0, to: 360 }, { from: 1260, to: 1440 }], women: [{ from: 420, to: 690 }, { from: 1230, to: 1380 }], window: 20, capacity: 600, maxGroup: 4,
    gates: [[37, 'باب السلام', 'Bab Al-Salam', ['men']], [25, 'باب عثمان بن عفان', 'Uthman ibn Affan Gate', ['women']]],
  });
  await permits.setRules(ctx, rawdah.id, [{ code: 'rawdah-once-a-year', kind: 'per_days', days: 365, maxCount: 1 }, { code: 'one-active-rawdah', kind: 'max_active', maxCount: 1 }], [{ trigger: 'no_show', banDays: 365 }, { trigger: 'late_cancel', banDays: 30 }]);

  const hannah = actingAs(pilgrimId, { locale: 'en' }, 'seed');
  const person = await permits.verifyDocument(hannah, { kind: 'passport', number: 'DE8841022', nationality: 'DE', visaNumber: '6001234567' }, true);
  const firstDay = (await permits.occupancy(ctx, rawdah.id, '2000-01-01', '2100-01-01')).find((w) => w.section === 'women' && new Date(w.startsAt) > services.clock.now());
  if (firstDay) await permits.book(hannah, { windowId: firstDay.windowId, personIds: [person.id] });
}
