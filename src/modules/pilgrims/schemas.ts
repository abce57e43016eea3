import { Type } from '@sinclair/typebox';
import { CountryCode, Limit, LongText, Obj, StringEnum, Uuid } from '../../http/schemas.ts';
import { healthConditions } from '../seasons/index.ts';
import { documentTypes, steps } from './domain/review.ts';

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

const DocumentSchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  status: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  uploadedAt: Type.String(),
  reviewedAt: Type.Union([Type.String(), Type.Null()]),
});

export const ProfileView = Type.Object({
  profile: Type.Union([
    Type.Object({
      residenceCountry: Type.String(),
      nationality: Type.String(),
      givenNamesLatin: Type.String(),
      familyNameLatin: Type.String(),
      fullNameArabic: Type.String(),
      dateOfBirth: Type.String(),
      gender: Type.String(),
      passportNumber: Type.String(),
      passportExpiry: Type.String(),
      meningococcalVaccination: Type.Union([Type.String(), Type.Null()]),
      healthConditions: Type.Array(Type.String()),
      performedHajj: Type.Boolean(),
      version: Type.Integer(),
    }),
    Type.Null(),
  ]),
  documents: Type.Array(DocumentSchema),
  blockedSteps: Type.Partial(Type.Object(Object.fromEntries(steps.map((s) => [s, Type.Array(Type.String())])))),
});

export const DocumentTypeParams = Obj({ type: Type.Unsafe<(typeof documentTypes)[number]>({ ...StringEnum(documentTypes), examples: ['photo'] }) });
export const DocumentIdParams = Obj({ id: Uuid() });
export const QueueQuery = Obj({ limit: Limit(200, 50) });
export const QueueItem = Type.Composite([DocumentSchema, Type.Object({ accountId: Type.String(), allowedActions: Type.Array(StringEnum(['approve', 'reject'] as const), { description: 'The review decisions you may take now' }) })]);
export const ReviewBody = Obj({ decision: StringEnum(['approve', 'reject'] as const), reason: Type.Optional(LongText({ maxLength: 500 })) });
