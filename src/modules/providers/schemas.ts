import { Type } from '@sinclair/typebox';
import { CountryCode, Email, LongText, Obj, StringEnum, Text, Uuid, Limit } from '../../http/schemas.ts';

export const IsoDate = () => Type.String({ format: 'date', maxLength: 10 });
const Phone = () => Type.String({ pattern: '^\\+?[0-9 ()-]{6,20}$', maxLength: 20 });

export const OfficeSchema = Obj({ city: Text({ maxLength: 100 }), country: CountryCode(), address: Text({ maxLength: 300 }) });
export const ContactSchema = Obj({ name: Text({ maxLength: 120 }), email: Email(), phone: Phone() });

export const ApplyBody = Obj({
  legalNameAr: Text({ maxLength: 200 }),
  legalNameEn: Text({ maxLength: 200 }),
  crNumber: Type.String({ pattern: '^[0-9]{10}$', maxLength: 10, description: 'Commercial registration: 10 digits' }),
  licenceNumber: Type.String({ pattern: '^[A-Z0-9-]{4,30}$', maxLength: 30 }),
  vatNumber: Type.String({ pattern: '^3[0-9]{13}3$', maxLength: 15, description: 'VAT registration number (15 digits, first and last 3): printed on every tax invoice' }),
  ownershipDeclaration: LongText({ maxLength: 2000 }),
  paidUpCapital: Type.Integer({ minimum: 0, maximum: 1e13, description: 'Halalas' }),
  bankGuaranteeRef: Text({ maxLength: 60 }),
  offices: Type.Array(OfficeSchema, { minItems: 1, maxItems: 20 }),
  contacts: Type.Array(ContactSchema, { minItems: 1, maxItems: 10 }),
});

export const ProviderIdParams = Obj({ id: Uuid() });
export const ApproveBody = Obj({ validFrom: IsoDate(), validTo: IsoDate() });
export const ReasonBody = Obj({ reason: LongText({ maxLength: 1000 }) });
export const ReinstateBody = Obj({ reason: Type.Optional(LongText({ maxLength: 1000 })) });
export const ProviderListQuery = Obj({
  status: Type.Optional(StringEnum(['pending', 'licensed', 'rejected', 'suspended'] as const)),
  limit: Limit(),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
});
export const InviteBody = Obj({
  email: Email(),
  displayName: Text({ maxLength: 120 }),
  role: StringEnum(['manager', 'agent'] as const),
  locale: Type.Optional(StringEnum(['ar', 'en'] as const)),
});

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const ProviderSchema = Type.Object({
  id: Type.String(),
  legalNameAr: Type.String(),
  legalNameEn: Type.String(),
  crNumber: Type.String(),
  licenceNumber: Type.String(),
  vatNumber: Nullable(Type.String()),
  ownershipDeclaration: Type.String(),
  paidUpCapital: Type.Integer(),
  bankGuaranteeRef: Type.String(),
  offices: Type.Array(Type.Object({ city: Type.String(), country: Type.String(), address: Type.String() })),
  contacts: Type.Array(Type.Object({ name: Type.String(), email: Type.String(), phone: Type.String() })),
  status: StringEnum(['pending', 'licensed', 'rejected', 'suspended'] as const),
  licenceValidFrom: Nullable(Type.String()),
  licenceValidTo: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  mayTrade: Type.Boolean(),
  createdAt: Type.String(),
  allowedActions: Type.Array(StringEnum(['approve', 'reject', 'suspend', 'reinstate'] as const), { description: 'The licence decisions you may take now' }),
});
export const PublicProviderSchema = Type.Object({
  id: Type.String(),
  legalNameAr: Type.String(),
  legalNameEn: Type.String(),
  licenceNumber: Type.String(),
  licenceValidTo: Type.String(),
  cities: Type.Array(Type.String()),
});
export const StaffMemberSchema = Type.Object({
  accountId: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  status: Type.String(),
  role: StringEnum(['owner', 'manager', 'agent'] as const),
  since: Type.String(),
});
