import { describe, expect, it } from 'vitest';
import { screenText } from './screening.ts';

describe('free text is screened before anyone but the ministry reads it', () => {
  it.each([
    ['an email address is hidden', 'write to me at ali.hassan@example.co.uk please', 'write to me at [email] please', ['email']],
    ['an international phone number is hidden', 'call +966 55 123 4567 after Asr', 'call [phone] after Asr', ['phone']],
    ['a local number with dashes is hidden', 'my number 0551-234-567', 'my number [phone]', ['phone']],
    ['Arabic-Indic digits are digits too', 'جوالي ٠٥٥١٢٣٤٥٦٧', 'جوالي [phone]', ['phone']],
    ['a passport number is hidden', 'passport A12345678 was kept by the hotel', 'passport [document number] was kept by the hotel', ['document']],
    ['a national ID is hidden', 'iqama 2345678901', 'iqama [document number]', ['document']],
    ['a Saudi mobile number is a phone number', 'اتصلوا بي على 0551234567', 'اتصلوا بي على [phone]', ['phone']],
    ['a visa number with letters is a document', 'visa number EV12345XY7', 'visa number [document number]', ['document']],
    ['a room number is kept', 'room 214 had no water for 3 days', 'room 214 had no water for 3 days', []],
    ['a price is kept', 'they charged 1500 riyals more', 'they charged 1500 riyals more', []],
    ['a date is kept', 'on 2027-05-14 the bus did not come', 'on 2027-05-14 the bus did not come', []],
    ['a date with slashes is kept', 'since 14/05/2027 nobody answered', 'since 14/05/2027 nobody answered', []],
    ['a bus number with a letter is kept', 'bus B12 was late', 'bus B12 was late', []],
  ] as const)('%s', (_rule, input, expected, kinds) => {
    const out = screenText(input);
    expect(out.text).toBe(expected);
    expect(out.found.sort()).toEqual([...kinds].sort());
  });
});
