import { describe, expect, it } from 'vitest';
import { COPY_BINARY_HEADER, CopyBinaryWriter, pgDays } from './copy-binary.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('COPY binary tuples', () => {
  it('starts with the signature PostgreSQL checks, no flags and no extension', () => {
    expect(hex(COPY_BINARY_HEADER)).toBe(`${Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1').toString('hex')}0000000000000000`);
  });

  it.each([
    ['null', (w: CopyBinaryWriter) => w.null(), 'ffffffff'],
    ['text', (w: CopyBinaryWriter) => w.text('air'), '00000003616972'],
    ['non-ASCII text as UTF-8', (w: CopyBinaryWriter) => w.text('مكة'), '00000006d985d983d8a9'],
    ['empty text', (w: CopyBinaryWriter) => w.text(''), '00000000'],
    ['true', (w: CopyBinaryWriter) => w.bool(true), '0000000101'],
    ['false', (w: CopyBinaryWriter) => w.bool(false), '0000000100'],
    ['int2', (w: CopyBinaryWriter) => w.int2(130), '000000020082'],
    ['negative int2', (w: CopyBinaryWriter) => w.int2(-2), '00000002fffe'],
    ['int4', (w: CopyBinaryWriter) => w.int4(-1), '00000004ffffffff'],
    ['date', (w: CopyBinaryWriter) => w.date(pgDays('2023-06-27')), `00000004${(8578).toString(16).padStart(8, '0')}`],
    ['timestamptz', (w: CopyBinaryWriter) => w.timestamptz(Date.parse('2000-01-01T00:00:01.5Z')), '00000008000000000016e360'],
    ['timestamptz before 2000', (w: CopyBinaryWriter) => w.timestamptz(Date.parse('1999-12-31T23:59:59.999Z')), '00000008fffffffffffffc18'],
    ['uuid', (w: CopyBinaryWriter) => w.uuid(0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210), '000000100123456789abcdeffedcba9876543210'],
  ])('writes %s', (_, write, bytes) => {
    const w = new CopyBinaryWriter(4);
    write(w);
    expect(hex(w.take())).toBe(bytes);
  });

  it('counts a tuple\'s fields, grows past its first buffer, and starts afresh once taken', () => {
    const w = new CopyBinaryWriter(8);
    w.row(2);
    w.int4(7);
    w.text('x'.repeat(100));
    const first = w.take();
    expect(first.length).toBe(2 + 8 + 4 + 100);
    expect(hex(first.subarray(0, 10))).toBe('00020000000400000007');
    w.row(1);
    w.null();
    expect(hex(w.take())).toBe('0001ffffffff');
    expect(first.length).toBe(114); // the first chunk is its own buffer
  });

  it('reads dates as days since 2000-01-01, and refuses what is not one', () => {
    expect(pgDays('2000-01-01')).toBe(0);
    expect(pgDays('1999-12-31')).toBe(-1);
    expect(() => pgDays('2023-13-01')).toThrow(/not a date/);
  });
});
