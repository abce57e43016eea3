const formats = new Map<string, Intl.DateTimeFormat>();
/**
 * A date formatter built once per locale and options, then kept: building one
 * loads the locale's calendar data and costs far more than formatting (every
 * email of a busy sale formats dates).
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}
