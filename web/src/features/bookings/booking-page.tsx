import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { Loaded } from '../../ui/problem.tsx';
import { BookingCard } from './booking-card.tsx';

/** One of the family's bookings. */
export function BookingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const booking = $api.useQuery('get', '/api/v1/me/bookings/{id}', { params: { path: { id } } });
  return (
    <div className="stack">
      <p><Link to="/bookings">{t('bookings.all')}</Link></p>
      <Loaded query={booking}>{(b) => <BookingCard booking={b} heading="h1" />}</Loaded>
    </div>
  );
}
