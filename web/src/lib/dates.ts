/** A date in both calendars, as pilgrims read them: Gregorian and Umm al-Qura Hijri. */
export function formatDate(iso: string, language: 'ar' | 'en'): string {
  const date = new Date(iso);
  const gregorian = new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA-u-ca-gregory' : 'en-GB', { dateStyle: 'long' }).format(date);
  const hijri = new Intl.DateTimeFormat(`${language}-SA-u-ca-islamic-umalqura`, { dateStyle: 'long' }).format(date);
  return `${gregorian} (${hijri})`;
}
