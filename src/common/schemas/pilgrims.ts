import { Type } from '@sinclair/typebox';
import { CountryCode, Obj, StringEnum } from './kit.ts';

/** The pilgrim profile as a person fills it in: the server validates with this schema and the web's profile form checks it before sending. */

/** Conditions that the season's health rule may exclude (ministry guidance); the profile declares them. */
export const healthConditions = ['late_pregnancy', 'dialysis', 'chemotherapy', 'advanced_dementia', 'contagious_disease', 'severe_heart_failure'] as const;
export type HealthCondition = (typeof healthConditions)[number];

/** The documents a pilgrim uploads for review. */
export const documentTypes = ['photo', 'passport_scan', 'residence_proof', 'vaccination_certificate'] as const;
export type DocumentType = (typeof documentTypes)[number];

const Day = () => Type.String({ format: 'date', maxLength: 10 });
const LatinName = () => Type.String({ minLength: 1, maxLength: 80, pattern: "^[A-Za-z][A-Za-z '-]*$", description: 'As in the passport, Latin letters' });
const ArabicName = () => Type.String({ minLength: 2, maxLength: 120, pattern: '^[\\u0600-\\u06FF ]+$', description: 'In Arabic script' });

export const ProfileBody = Obj({
  residenceCountry: CountryCode(),
  nationality: CountryCode(),
  givenNamesLatin: LatinName(),
  familyNameLatin: LatinName(),
  fullNameArabic: ArabicName(),
  dateOfBirth: Day(),
  gender: StringEnum(['male', 'female'] as const),
  passportNumber: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9 -]{4,19}$', maxLength: 20 }),
  passportExpiry: Day(),
  meningococcalVaccination: Type.Optional(Day()),
  healthConditions: Type.Optional(Type.Array(StringEnum(healthConditions), { maxItems: healthConditions.length, uniqueItems: true })),
  performedHajj: Type.Optional(Type.Boolean({ description: 'Has performed Hajj before (families where nobody has may have a reserved share of seats)' })),
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});

