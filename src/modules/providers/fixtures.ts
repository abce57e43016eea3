import { randomInt } from 'node:crypto';
import type { ProviderApplication } from './presenters.ts';

/** A complete, valid licence application with fresh unique numbers (tests, demo data, benchmarks). */
export function sampleApplication(overrides: Partial<ProviderApplication> = {}): ProviderApplication {
  const n = randomInt(1_000_000_000, 9_999_999_999);
  return {
    legalNameAr: 'شركة الصفوة لخدمات الحجاج',
    legalNameEn: 'Al-Safwa Pilgrim Services Co.',
    crNumber: String(n),
    licenceNumber: `HJ-${n}`,
    vatNumber: `3${String(n).padStart(13, '0').slice(-13)}3`,
    ownershipDeclaration: 'Wholly owned by Saudi shareholders listed in the commercial register.',
    paidUpCapital: 500_000_000,
    bankGuaranteeRef: `BG-${n}`,
    offices: [{ city: 'Makkah', country: 'SA', address: 'Al-Aziziyah, King Abdulaziz Road' }],
    contacts: [{ name: 'Operations desk', email: `ops.${n}@example.org`, phone: '+966 12 555 0100' }],
    ...overrides,
  };
}
