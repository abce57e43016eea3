/**
 * The QR code of a Saudi simplified tax invoice (ZATCA e-invoicing, phase 1):
 * five fields, each as Tag-Length-Value — one byte for the tag (1 to 5), one
 * byte for the length of the value in UTF-8 bytes, then the bytes — the whole
 * encoded in base64. Written by hand because it is five fields of a published
 * layout; a test checks it against the layout's published example.
 */
export interface InvoiceQrFields {
  /** Tag 1: the seller's name as registered. */
  sellerName: string;
  /** Tag 2: the seller's VAT registration number (15 digits). */
  vatNumber: string;
  /** Tag 3: when the invoice was issued, ISO 8601. */
  timestamp: string;
  /** Tag 4: the invoice total with VAT, e.g. "1150.00". */
  total: string;
  /** Tag 5: the VAT total, e.g. "150.00". */
  vatTotal: string;
}

const MAX_VALUE_BYTES = 255;

/** The value's UTF-8 bytes, cut at a character boundary so they fit one length byte. */
function fitted(value: string): Buffer {
  let bytes = Buffer.from(value, 'utf8');
  if (bytes.length <= MAX_VALUE_BYTES) return bytes;
  let chars = [...value];
  while (bytes.length > MAX_VALUE_BYTES) {
    chars = chars.slice(0, -1);
    bytes = Buffer.from(chars.join(''), 'utf8');
  }
  return bytes;
}

export function invoiceQrTlv(f: InvoiceQrFields): Buffer {
  const values = [f.sellerName, f.vatNumber, f.timestamp, f.total, f.vatTotal];
  return Buffer.concat(values.map((v, i) => {
    const bytes = fitted(v);
    return Buffer.concat([Buffer.from([i + 1, bytes.length]), bytes]);
  }));
}

/** The base64 text the QR code carries. */
export const invoiceQr = (f: InvoiceQrFields) => invoiceQrTlv(f).toString('base64');

/** Halalas as the decimal riyal amount the QR fields carry ("1150.00"). */
export const riyalText = (halalas: number) => `${halalas < 0 ? '-' : ''}${Math.floor(Math.abs(halalas) / 100)}.${String(Math.abs(halalas) % 100).padStart(2, '0')}`;

/** Reads the fields back (what a scanner does), for tests and the verifier. */
export function readInvoiceQr(base64: string): string[] {
  const bytes = Buffer.from(base64, 'base64');
  const out: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    const length = bytes[i + 1]!;
    out[bytes[i]! - 1] = bytes.subarray(i + 2, i + 2 + length).toString('utf8');
    i += 2 + length;
  }
  return out;
}
