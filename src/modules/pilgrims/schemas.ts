import { Type } from '@sinclair/typebox';
import { Limit, LongText, Obj, StringEnum, Uuid } from '../../common/schemas/kit.ts';
import { ProfileBody, documentTypes } from '../../common/schemas/pilgrims.ts';
import { steps } from './domain/review.ts';

/** The profile form's body lives in src/common/schemas/pilgrims.ts, which the web app shares. */
export { ProfileBody };

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
