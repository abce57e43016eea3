import { Type, type Static } from '@sinclair/typebox';
import { roles, staffRoles } from '../../core/principal.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './domain/rules.ts';
import { StringEnum, CountryCode, Email, Limit, LocaleSchema, Obj, Password, Secret, Text, Uuid } from '../../http/schemas.ts';

/** Request and response shapes of the accounts API; the web forms validate with the same ones. */

export const RoleSchema = StringEnum(roles);
export const StaffRoleSchema = StringEnum(staffRoles);

/** A password being chosen: the length rule is checked by the schema, so forms say it before sending. */
const NewPassword = () => Password({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });

export const RegisterBody = Obj({
  email: Email(),
  password: NewPassword(),
  displayName: Text({ maxLength: 120 }),
  locale: Type.Optional(LocaleSchema),
});
export type RegisterBody = Static<typeof RegisterBody>;

export const SignInBody = Obj({ email: Email(), password: Password() });
export const TokenBody = Obj({
  email: Email(),
  password: Password(),
  label: Type.Optional(Text({ maxLength: 80 })),
});
export const EmailBody = Obj({ email: Email() });
export const TokenOnlyBody = Obj({ token: Secret() });
export const ResetBody = Obj({ token: Secret(), password: NewPassword() });
export const UpdateMeBody = Obj(
  { displayName: Type.Optional(Text({ maxLength: 120 })), locale: Type.Optional(LocaleSchema) },
  { minProperties: 1 },
);
export const CreateStaffBody = Obj({
  email: Email(),
  displayName: Text({ maxLength: 120 }),
  role: StaffRoleSchema,
  locale: Type.Optional(LocaleSchema),
  providerId: Type.Optional(Uuid()),
  countryCode: Type.Optional(CountryCode()),
});
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
