import { FormatRegistry, Kind, Type, TypeRegistry, type TProperties, type ObjectOptions, type StringOptions, type TSchema } from '@sinclair/typebox';
import { locales } from '../i18n.ts';

/**
 * Schema building blocks shared by routes and by the web app's forms. Every
 * object is closed (unknown fields are refused, not silently dropped) and
 * every string is bounded and free of control characters.
 */

// No C0/C1 controls, no DEL; tab and newline only where a field is multi-line.
const SINGLE_LINE = '^[^\\u0000-\\u001F\\u007F-\\u009F]*$';
const MULTI_LINE = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';

export const Obj = <T extends TProperties>(properties: T, options: ObjectOptions = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** A one-line string of at most `maxLength` characters (default 200). */
export const Text = (options: StringOptions & { maxLength?: number } = {}) =>
  Type.String({ minLength: 1, maxLength: 200, pattern: SINGLE_LINE, ...options });

/** Multi-line text (descriptions, messages). */
export const LongText = (options: StringOptions = {}) =>
  Type.String({ minLength: 1, maxLength: 5000, pattern: MULTI_LINE, ...options });

export const Email = () => Type.String({ format: 'email', maxLength: 254, pattern: SINGLE_LINE });
export const Password = (options: StringOptions = {}) => Type.String({ minLength: 1, maxLength: 128, pattern: SINGLE_LINE, ...options });
export const Uuid = () => Type.String({ format: 'uuid', maxLength: 36 });
// Formats and kinds for TypeBox's own checker (Ajv has its own), so the web forms can
// validate with these very schemas.
FormatRegistry.Set('email', (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v));
FormatRegistry.Set('uuid', (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v));
FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));
FormatRegistry.Set('date-time', (v) => !Number.isNaN(Date.parse(v)));
// Teach TypeBox's own checker the enum kind, so the web forms can validate with these schemas too.
TypeRegistry.Set('StringEnum', (schema: { enum: string[] }, value: unknown) => typeof value === 'string' && schema.enum.includes(value));

/** A closed set of strings, typed as their union (documented as an OpenAPI enum). */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string; default?: NoInfer<T>; examples?: NoInfer<T>[] } = {}) =>
  Type.Unsafe<T>({ [Kind]: 'StringEnum', type: 'string', enum: [...values], ...options });

export const LocaleSchema = StringEnum(locales);
export const CountryCode = () => Type.String({ pattern: '^[A-Za-z]{2}$', maxLength: 2 });
export const Secret = () => Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' });

export const Limit = (max = 200, dflt = 50) => Type.Integer({ minimum: 1, maximum: max, default: dflt });

/** RFC 9457 problem details, as every error answers. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), message: Type.String() }))),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'The values in the message, by name (amounts in halalas; codes; lists of codes or of { label, items } groups), for clients to act on' })),
  },
  { $id: 'Problem', title: 'Problem' },
);

/** A Hijri season code, e.g. 1448H (the pattern every season-scoped route shares). */
export const SeasonCode = () => Type.String({ pattern: '^14[4-9][0-9]H$', maxLength: 5, examples: ['1448H'] });
/** `T` or null, for response fields that may be empty. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
