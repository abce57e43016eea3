import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV the platform writes: a header row, then one row per record;
 * booleans as `true`/`false` (never `1` and an empty cell, which a
 * spreadsheet reads as a number and a blank), null as an empty cell, dates
 * as ISO 8601, line ends CRLF as RFC 4180 says.
 *
 * @example writeCsv(['booking', 'ready'], [['b1', true]]) // 'booking,ready\r\nb1,true\r\n'
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header as string[], ...(rows as unknown[][])], {
    record_delimiter: 'windows',
    cast: { boolean: (v) => (v ? 'true' : 'false'), date: (d) => d.toISOString() },
  });
}
