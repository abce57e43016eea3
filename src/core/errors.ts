import { errorCodes, type ErrorCode, type ErrorCodeSpec } from './error-codes.ts';
import { type Locale, interpolate } from './i18n.ts';
import { formatSar, halalas } from './money.ts';

export type ErrorParams = Record<string, string | number>;

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
  const shown: ErrorParams = {};
  for (const [name, value] of Object.entries(params)) {
    shown[name] = spec.money?.includes(name) && typeof value === 'number' ? formatSar(halalas(value), locale) : (spec.terms?.[name]?.[String(value)]?.[locale] ?? value);
  }
  return interpolate(spec[locale], shown);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
