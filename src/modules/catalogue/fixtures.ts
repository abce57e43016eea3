import type { PackageInput } from './schemas.ts';

/** A complete, believable package (tests, demo data, benchmarks). */
export function samplePackage(overrides: Partial<PackageInput> = {}): PackageInput {
  return {
    season: '1448H',
    capacity: 120,
    title: { ar: 'باقة الصفوة — عزيزية', en: 'Al-Safwa Aziziyah package' },
    description: {
      ar: 'سكن في العزيزية مع حافلات إلى المسجد الحرام، ومخيم فئة ب في منى.',
      en: 'Housing in Aziziyah with buses to the Grand Mosque, and a category B camp in Mina.',
    },
    type: 'general',
    makkah: { hotel: 'Aziziyah Towers', distanceM: 3200, roomOccupancy: 4 },
    madinah: { hotel: 'Dar Al-Hijra', distanceM: 450 },
    minaCamp: 'B',
    arafatService: 'Air-conditioned tents with meals',
    meals: 'full_board',
    transport: 'bus',
    guidanceLanguages: ['ar', 'en', 'fr'],
    insurance: true,
    eligibleCountries: ['FR', 'GB', 'DE', 'US'],
    priceLines: [
      { component: 'makkah_housing', net: 1_250_000 },
      { component: 'madinah_housing', net: 420_000 },
      { component: 'mina_arafat', net: 980_000 },
      { component: 'meals', net: 310_000 },
      { component: 'transport', net: 150_000 },
      { component: 'guidance', net: 45_000 },
      { component: 'insurance', net: 12_500 },
      { component: 'service_fee', net: 90_000 },
    ],
    ...overrides,
  };
}
