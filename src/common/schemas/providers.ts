import { Type } from '@sinclair/typebox';
import { CountryCode, Email, LocaleSchema, LongText, Obj, StringEnum, Text } from './kit.ts';

/** The providers API's request bodies that people fill in as forms (the web app checks them before sending). */

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

export const InviteBody = Obj({
  email: Email(),
  displayName: Text({ maxLength: 120 }),
  role: StringEnum(['manager', 'agent'] as const),
  locale: Type.Optional(LocaleSchema),
});
