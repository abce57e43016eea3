import type { IsoDate } from '../../core/dates.ts';
import type { DocKind } from './tables.ts';

/**
 * Who a person is, from their document, as the state's registry says: a
 * citizen or resident by national ID or iqama, a visitor by passport and visa
 * number. Gender, nationality and date of birth come from here, never from
 * what the person types. A real registry plugs in behind this interface; the
 * simulated one below stands in for it (like the simulated card gateway).
 */
export interface DocumentProof {
  kind: DocKind;
  number: string;
  /** ISO 3166 alpha-2 (passports). */
  nationality?: string | undefined;
  /** The visa's number (passports). */
  visaNumber?: string | undefined;
}

export type RegistryAnswer =
  | { status: 'valid'; person: { gender: 'male' | 'female'; nationality: string; dateOfBirth: IsoDate; nameAr: string; nameEn: string; visaType: string | null; validUntil: IsoDate } }
  | { status: 'not_found' }
  | { status: 'expired'; validUntil: IsoDate }
  | { status: 'wrong_visa_type'; visaType: string }
  | { status: 'mismatch' };

export interface VisaRegistry {
  readonly name: string;
  lookup(proof: DocumentProof, today: IsoDate): Promise<RegistryAnswer>;
}

const RESIDENT_NATIONALITIES = ['EG', 'PK', 'IN', 'ID', 'BD', 'NG', 'TR', 'MY', 'FR', 'GB'];

/**
 * The simulated registry's test documents (docs/algorithms/permits.md lists them):
 *
 * | document | number | answer |
 * |---|---|---|
 * | national ID | 10 digits starting 1 | a Saudi citizen |
 * | iqama | 10 digits starting 2 | a resident; nationality from the 2nd–3rd digits |
 * | either | ending 000 | expired |
 * | passport | 6–9 letters and digits, with a nationality and a 10-digit visa number | a visitor |
 * | visa | starting 6 (Umrah) or 7 (tourist) | valid |
 * | visa | starting 8 (transit) or 9 (work) | wrong visa type |
 * | visa | ending 000 | expired |
 * | passport | starting X | the visa belongs to another passport |
 * | anything else | | not found |
 *
 * Gender: the last digit of the number odd is male, even (or a letter) female. Date of birth and
 * name follow from the digits, so the same number always answers the same.
 */
export function simulatedVisaRegistry(): VisaRegistry {
  const digits = (s: string) => [...s].filter((c) => /\d/.test(c)).map(Number);
  const birth = (n: string) => {
    const d = digits(n);
    const year = 1950 + ((d[3] ?? 0) * 10 + (d[4] ?? 0)) % 55;
    return `${year}-${String(((d[5] ?? 0) % 12) + 1).padStart(2, '0')}-${String(((d[6] ?? 0) % 28) + 1).padStart(2, '0')}`;
  };
  const gender = (n: string): 'male' | 'female' => {
    const last = n.at(-1)!;
    return /\d/.test(last) && Number(last) % 2 === 1 ? 'male' : 'female';
  };
  const names = (n: string) => ({ nameEn: `Pilgrim ${n.slice(-4)}`, nameAr: `حاج ${n.slice(-4)}` });
  const later = (today: IsoDate, years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;
  return {
    name: 'simulated',
    async lookup(proof, today) {
      const number = proof.number.toUpperCase();
      if (proof.kind === 'national_id' || proof.kind === 'iqama') {
        if (!new RegExp(`^${proof.kind === 'national_id' ? 1 : 2}\\d{9}$`).test(number)) return { status: 'not_found' };
        if (number.endsWith('000')) return { status: 'expired', validUntil: later(today, -1) };
        const nationality = proof.kind === 'national_id' ? 'SA' : RESIDENT_NATIONALITIES[Number(number.slice(1, 3)) % RESIDENT_NATIONALITIES.length]!;
        return { status: 'valid', person: { gender: gender(number), nationality, dateOfBirth: birth(number), ...names(number), visaType: null, validUntil: later(today, 5) } };
      }
      const visa = proof.visaNumber ?? '';
      if (!/^[A-Z0-9]{6,9}$/.test(number) || !/^[A-Z]{2}$/.test(proof.nationality ?? '') || !/^\d{10}$/.test(visa)) return { status: 'not_found' };
      if (number.startsWith('X')) return { status: 'mismatch' };
      if (visa.startsWith('8')) return { status: 'wrong_visa_type', visaType: 'transit' };
      if (visa.startsWith('9')) return { status: 'wrong_visa_type', visaType: 'work' };
      if (!visa.startsWith('6') && !visa.startsWith('7')) return { status: 'not_found' };
      if (visa.endsWith('000')) return { status: 'expired', validUntil: later(today, -1) };
      return { status: 'valid', person: { gender: gender(number), nationality: proof.nationality!, dateOfBirth: birth(number), ...names(number), visaType: visa.startsWith('6') ? 'umrah' : 'tourist', validUntil: later(today, 1) } };
    },
  };
}
