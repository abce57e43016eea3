/**
 * Screens free text (complaints, survey comments) before anyone but the ministry reads it:
 * email addresses, phone numbers and document numbers (passports, national IDs, iqamas, visas)
 * are replaced with a marker. Deliberately greedy: a false positive hides a harmless number,
 * a false negative would show a passport number to a provider. Written by hand: the libraries
 * that find phone numbers need a region and miss passport and ID numbers, which are ours.
 * Digits are read in any script (Arabic-Indic ٠١٢ and Persian ۰۱۲ too).
 */
export type ScreenedKind = 'email' | 'phone' | 'document';
const markers: Record<ScreenedKind, string> = { email: '[email]', phone: '[phone]', document: '[document number]' };

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A run of 7 or more digits, allowing spaces, dots, dashes, slashes and brackets between groups, with an optional +.
const PHONE = /(?:\+|00)?\p{Nd}(?:[\s().\-/]{0,2}\p{Nd}){6,}/gu;
// A written date is not a phone number: 2027-05-14, 14/05/2027, 14.5.27.
const DATE = /^(?:\p{Nd}{4}[-/.]\p{Nd}{1,2}[-/.]\p{Nd}{1,2}|\p{Nd}{1,2}[-/.]\p{Nd}{1,2}[-/.]\p{Nd}{2,4})$/u;
// Document numbers: letters and digits mixed, 7 to 12 long with at least 5 digits (passports,
// visas), or ten digits starting with 1 or 2 (Saudi national IDs and iqamas). Other digit runs are
// phone numbers (a Saudi mobile, 05…, included).
const DOCUMENT = /\b(?:(?=[A-Za-z0-9]{7,12}\b)(?=[A-Za-z0-9]*[A-Za-z])(?=(?:[A-Za-z]*\d){5})[A-Za-z]{0,3}\d[A-Za-z0-9]{5,11}|[12]\d{9})\b/g;

export function screenText(text: string): { text: string; found: ScreenedKind[] } {
  const found = new Set<ScreenedKind>();
  let out = text.replace(EMAIL, () => (found.add('email'), markers.email));
  out = out.replace(DOCUMENT, () => (found.add('document'), markers.document));
  out = out.replace(PHONE, (m) => (DATE.test(m.trim()) ? m : (found.add('phone'), markers.phone)));
  return { text: out, found: [...found] };
}
