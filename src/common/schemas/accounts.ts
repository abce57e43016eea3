import { Type, type Static } from '@sinclair/typebox';
import { staffRoles } from '../roles.ts';
import { CountryCode, Email, LocaleSchema, Obj, Password, Secret, StringEnum, Text, Uuid } from './kit.ts';

/**
 * The accounts API's request bodies that people fill in as forms: the server
 * validates requests with them and the web app checks its forms with the very
 * same schemas before sending.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** A password being chosen: the length rule is checked by the schema, so forms say it before sending. */
const NewPassword = () => Password({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });

export const StaffRoleSchema = StringEnum(staffRoles);

export const RegisterBody = Obj({
  email: Email(),
  password: NewPassword(),
  displayName: Text({ maxLength: 120 }),
  locale: Type.Optional(LocaleSchema),
});
export type RegisterBody = Static<typeof RegisterBody>;

export const SignInBody = Obj({ email: Email(), password: Password() });
export const EmailBody = Obj({ email: Email() });
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
