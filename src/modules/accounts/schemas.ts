import { Type } from '@sinclair/typebox';
import { roles } from '../../core/principal.ts';
import { CreateStaffBody, EmailBody, RegisterBody, ResetBody, SignInBody, StaffRoleSchema, UpdateMeBody } from '../../common/schemas/accounts.ts';
import { StringEnum, Email, Limit, LocaleSchema, Obj, Password, Secret, Text, Uuid } from '../../common/schemas/kit.ts';

/**
 * Request and response shapes of the accounts API. The bodies people fill in
 * as forms live in src/common/schemas/accounts.ts, which the web app shares.
 */
export { CreateStaffBody, EmailBody, RegisterBody, ResetBody, SignInBody, StaffRoleSchema, UpdateMeBody };

export const RoleSchema = StringEnum(roles);

export const TokenBody = Obj({
  email: Email(),
  password: Password(),
  label: Type.Optional(Text({ maxLength: 80 })),
});
export const TokenOnlyBody = Obj({ token: Secret() });
export const AccountIdParams = Obj({ id: Uuid() });
export const SetStatusBody = Obj({ status: StringEnum(['active', 'disabled'] as const) });
export const ListAccountsQuery = Obj({
  role: Type.Optional(RoleSchema),
  after: Type.Optional(Text({ maxLength: 254 })),
  limit: Limit(),
});

export const AccountSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    locale: LocaleSchema,
    providerId: Type.Union([Type.String(), Type.Null()]),
    countryCode: Type.Union([Type.String(), Type.Null()]),
    status: StringEnum(['active', 'disabled'] as const),
    emailVerified: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Account', title: 'Account' },
);
export const AccountPage = Type.Object({
  items: Type.Array(Type.Composite([AccountSchema, Type.Object({ allowedActions: Type.Array(StringEnum(['disable', 'enable'] as const), { description: 'What you may do with this account now' }) })])),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export const SessionResponse = Type.Object({ account: AccountSchema, expiresAt: Type.String({ format: 'date-time' }) });
export const TokenResponse = Type.Object({
  token: Type.String({ description: 'Shown once. Send as `Authorization: Bearer <token>`.' }),
  expiresAt: Type.String({ format: 'date-time' }),
  account: AccountSchema,
});
export const Accepted = Type.Object({ accepted: Type.Literal(true) });
