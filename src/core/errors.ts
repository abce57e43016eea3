import { errorCodes, type ErrorCode, type ErrorCodeSpec } from './error-codes.ts';
import { type Locale, interpolate } from './i18n.ts';
import { formatSar, halalas } from './money.ts';

/** A group in a list parameter: who or what (`label`), and the codes that concern it. */
export interface ErrorParamGroup {
  label: string;
  items: readonly string[];
}
/**
 * A message parameter: a value (a number, a date, a name), a code the registry
 * translates (`terms`), or a list of codes or of groups, shown as a list in the
 * reader's language ("Amina (passport scan and photo); Omar (photo)").
 */
export type ErrorParam = string | number | readonly string[] | readonly ErrorParamGroup[];
export type ErrorParams = Record<string, ErrorParam>;

/** A field-level problem, as returned in `errors` of a problem document. */
export interface FieldError {
  /** JSON pointer into the request part, e.g. `/body/email`. */
  pointer: string;
  message: string;
}

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
    super(render(code, params, 'en'), { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fieldErrors = options.fieldErrors ?? [];
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  localizedMessage(locale: Locale): string {
    return render(this.code, this.params, locale);
  }
}

/** The message of `code` in `locale`, with parameters that are codes shown as the registry's words for them. */
function render(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  const spec: ErrorCodeSpec = errorCodes[code];
  const term = (name: string, value: string) => spec.terms?.[name]?.[value]?.[locale] ?? value;
  const list = (items: readonly string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      shown[name] = value.every((v) => typeof v === 'string')
        ? list((value as string[]).map((v) => term(name, v)))
        : (value as ErrorParamGroup[]).map((g) => `${g.label} (${list(g.items.map((v) => term(name, v)))})`).join(locale === 'ar' ? '؛ ' : '; ');
    } else if (spec.money?.includes(name) && typeof value === 'number') shown[name] = formatSar(halalas(value), locale);
    else shown[name] = term(name, String(value));
  }
  return interpolate(spec[locale], shown);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
