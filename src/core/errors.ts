import { formatInstant } from './dates.ts';
import { coreErrors } from './error-codes.ts';
import { type Locale, intlLocale } from '../common/i18n.ts';
import { formatText, translate } from '../i18n/catalog.ts';
import { formatSar, halalas } from '../common/money.ts';

import type { ErrorCodeSpec, ErrorSpecs } from './error-spec.ts';
export type { ErrorCodeSpec, ErrorSpecs, Terms, TermSet } from './error-spec.ts';
export { termSet } from './error-spec.ts';

/**
 * Every error code of the platform. Each module declares its own codes in its
 * `errors.ts` and adds them here by declaration merging:
 *
 * @example
 * export const bookingErrors = registerErrors({ 'booking.not_found': { status: 404, en: …, ar: … } });
 * declare module '../../core/errors.ts' { interface ErrorCodes extends Record<keyof typeof bookingErrors, true> {} }
 *
 * A code is stable: clients switch on it, so it is never renamed; a new code is added instead.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ErrorCodes {}
export type ErrorCode = keyof ErrorCodes & string;

const registry = new Map<string, ErrorCodeSpec>();

/** Adds a module's codes to the one registry; a code registered twice is a programming error. */
export function registerErrors<T extends ErrorSpecs>(specs: T): T {
  for (const [code, spec] of Object.entries(specs)) {
    if (registry.has(code) && registry.get(code) !== spec) throw new Error(`error code ${code} is registered twice`);
    registry.set(code, spec);
  }
  return specs;
}

export function errorSpec(code: string): ErrorCodeSpec {
  const spec = registry.get(code);
  if (!spec) throw new Error(`unregistered error code ${code}`);
  return spec;
}

/** Every registered code (what a problem document's `code` can be). */
export const registeredCodes = () => [...registry.keys()];

/** A group in a list parameter: who or what (`label`), and the codes that concern it. */
export interface ErrorParamGroup {
  label: string;
  items: readonly string[];
}
/**
 * A message parameter: a value, a code the registry translates (`terms`), or a
 * list of codes or of groups, shown as a list in the reader's language
 * ("Amina (passport scan and photo); Omar (photo)").
 */
export type ErrorParam = string | number | readonly string[] | readonly ErrorParamGroup[];
export type ErrorParams = Record<string, ErrorParam>;

export type { FieldError } from '../common/validation-messages.ts';
import type { FieldError } from '../common/validation-messages.ts';

/**
 * The one error type of the platform. Domain and service code throw it with a
 * registered code; the HTTP layer maps the code to a status and a translated
 * message in one place (`src/http/problem.ts`). Domain code never speaks HTTP.
 *
 * @example throw new AppError('account.email_taken', { email })
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly fieldErrors: FieldError[];
  /** Extra response headers (e.g. Retry-After). */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    params: ErrorParams = {},
    options: { fieldErrors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    // The English message, for logs; a code whose module was not loaded (a unit test) shows as itself.
    super(registry.has(code) ? render(code, params, 'en') : code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fieldErrors = options.fieldErrors ?? [];
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return errorSpec(this.code).status;
  }

  localizedMessage(locale: Locale): string {
    return render(this.code, this.params, locale);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The message of `code` in `locale`: codes shown as the registry's words, amounts as riyals, instants as dates. */
function render(code: string, params: ErrorParams, locale: Locale): string {
  const spec = errorSpec(code);
  const plain: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') plain[k] = v;
  const term = (name: string, value: string) => {
    const words = spec.terms?.[name]?.word(locale, value);
    return words === undefined ? value : formatText(locale, words, plain);
  };
  const list = (items: readonly string[]) => listFormat(locale).format(items);
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      shown[name] = value.every((v) => typeof v === 'string')
        ? list((value as string[]).map((v) => term(name, v)))
        : (value as ErrorParamGroup[]).map((g) => `${g.label} (${list(g.items.map((v) => term(name, v)))})`).join(translate(locale, 'errors', 'core.list_groups_separator'));
    } else if (spec.money?.includes(name) && typeof value === 'number') shown[name] = formatSar(halalas(value), locale);
    else if (spec.dates?.includes(name) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) shown[name] = formatInstant(new Date(value), locale);
    else shown[name] = typeof value === 'number' && !spec.terms?.[name] ? value : term(name, String(value));
  }
  return translate(locale, 'errors', code, shown);
}

const listFormats = new Map<Locale, Intl.ListFormat>();
function listFormat(locale: Locale): Intl.ListFormat {
  let f = listFormats.get(locale);
  if (!f) listFormats.set(locale, (f = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' })));
  return f;
}

// The codes of the HTTP layer and of authentication, which every module shares.
registerErrors(coreErrors);
