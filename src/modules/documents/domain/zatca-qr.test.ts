import { describe, expect, it } from 'vitest';
import { invoiceQr, invoiceQrTlv, readInvoiceQr, riyalText } from './zatca-qr.ts';

describe('the simplified tax invoice QR code (TLV, base64)', () => {
  it('matches the published example byte for byte', () => {
    // ZATCA's example: seller "Bobs Records", VAT 310122393500003, 2022-04-25T15:30:00Z, total 1000.00, VAT 150.00.
    const fields = { sellerName: 'Bobs Records', vatNumber: '310122393500003', timestamp: '2022-04-25T15:30:00Z', total: '1000.00', vatTotal: '150.00' };
    expect(invoiceQr(fields)).toBe('AQxCb2JzIFJlY29yZHMCDzMxMDEyMjM5MzUwMDAwMwMUMjAyMi0wNC0yNVQxNTozMDowMFoEBzEwMDAuMDAFBjE1MC4wMA==');
    const tlv = invoiceQrTlv(fields);
    expect([...tlv.subarray(0, 2)]).toEqual([1, 12]); // tag 1, twelve bytes
    expect([...tlv.subarray(14, 16)]).toEqual([2, 15]); // tag 2, fifteen digits
  });

  it('counts the length of an Arabic name in UTF-8 bytes, not characters', () => {
    const qr = invoiceQr({ sellerName: 'الصفوة', vatNumber: '300000000000003', timestamp: '2027-05-01T09:00:00Z', total: '115.00', vatTotal: '15.00' });
    const tlv = Buffer.from(qr, 'base64');
    expect(tlv[1]).toBe(12); // six Arabic letters, two bytes each
    expect(readInvoiceQr(qr)).toEqual(['الصفوة', '300000000000003', '2027-05-01T09:00:00Z', '115.00', '15.00']);
  });

  it('cuts a value longer than 255 bytes at a character boundary', () => {
    const qr = invoiceQr({ sellerName: 'ش'.repeat(200), vatNumber: '300000000000003', timestamp: 't', total: '1.00', vatTotal: '0.15' });
    expect(readInvoiceQr(qr)[0]).toBe('ش'.repeat(127));
  });

  it.each([[115_000, '1150.00'], [15, '0.15'], [0, '0.00'], [-2_050, '-20.50']])('writes %i halalas as %s', (h, text) => expect(riyalText(h)).toBe(text));
});
