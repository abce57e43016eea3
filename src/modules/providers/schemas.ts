import { Type } from '@sinclair/typebox';
import { ApplyBody, ContactSchema, InviteBody, OfficeSchema } from '../../common/schemas/providers.ts';
import { LongText, Obj, StringEnum, Uuid, Limit } from '../../common/schemas/kit.ts';

/** The bodies people fill in as forms live in src/common/schemas/providers.ts, which the web app shares. */
export { ApplyBody, ContactSchema, InviteBody, OfficeSchema };

export const IsoDate = () => Type.String({ format: 'date', maxLength: 10 });
export const ProviderIdParams = Obj({ id: Uuid() });
export const ApproveBody = Obj({ validFrom: IsoDate(), validTo: IsoDate() });
export const ReasonBody = Obj({ reason: LongText({ maxLength: 1000 }) });
export const ReinstateBody = Obj({ reason: Type.Optional(LongText({ maxLength: 1000 })) });
export const ProviderListQuery = Obj({
  status: Type.Optional(StringEnum(['pending', 'licensed', 'rejected', 'suspended'] as const)),
  limit: Limit(),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
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
