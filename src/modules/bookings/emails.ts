import type { Locale } from '../../common/i18n.ts';
import { emailDate, renderEmail, type Email } from '../../core/emails.ts';
import type { BookingSource } from './tables.ts';

type OfferParams = { name: string; title: string; seats: number; deadline: Date; source: BookingSource };

/**
 * What a family's admin is told about its booking, in the admin's language
 * (catalogs' `emails` section, `bookings.*`).
 *
 * @example bookingEmails.offered('ar', { name: 'آمنة', title: 'باقة الصفوة', seats: 3, deadline, source: 'cascade' })
 */
export const bookingEmails = {
  /** Seats held for the family until a deadline (the cascade's offer says why they became free). */
  offered: (locale: Locale, p: OfferParams): Email =>
    renderEmail(locale, 'bookings.offered', (l) => ({ name: p.name, title: p.title, seats: p.seats, source: p.source, deadline: emailDate(p.deadline, l) })),
  /** The hold ran out unpaid and the seats were released. */
  expired: (locale: Locale, p: { name: string; title: string }): Email =>
    renderEmail(locale, 'bookings.expired', { name: p.name, title: p.title }),
};
