import { describe, expect, it } from 'vitest';
import { writeCsv } from './csv.ts';

describe('writeCsv', () => {
  it.each([
    ['writes booleans as true and false', [[true, false]], 'a,b\r\ntrue,false\r\n'],
    ['leaves null and undefined empty', [[null, undefined]], 'a,b\r\n,\r\n'],
    ['quotes a cell with a comma or a quote', [['x, y', 'say "hi"']], 'a,b\r\n"x, y","say ""hi"""\r\n'],
    ['writes dates as ISO 8601', [[new Date('2027-05-01T00:00:00Z'), 1]], 'a,b\r\n2027-05-01T00:00:00.000Z,1\r\n'],
    ['always writes the header, even with no rows', [], 'a,b\r\n'],
  ])('%s', (_name, rows, expected) => expect(writeCsv(['a', 'b'], rows)).toBe(expected));
});
