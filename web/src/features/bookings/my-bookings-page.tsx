import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client.ts';
import { Loaded } from '../../ui/problem.tsx';
import { BookingCard } from './booking-card.tsx';

const live = ['held', 'confirmed', 'visa_ready'];

/** The family's bookings in every season, the live ones first, each with what may be done with it. */
export function MyBookingsPage() {
  const { t } = useTranslation();
  const bookings = $api.useQuery('get', '/api/v1/me/bookings');
  return (
    <div className="stack">
      <h1>{t('bookings.title')}</h1>
      <Loaded query={bookings}>
        {({ items }) => {
          if (items.length === 0) return <p className="card">{t('bookings.none')} <Link to="/pilgrim/application">{t('nav.application')}</Link></p>;
          const sorted = [...items].sort((a, b) => Number(live.includes(b.status)) - Number(live.includes(a.status)) || b.season.localeCompare(a.season));
          return sorted.map((b) => <BookingCard key={b.id} booking={b} />);
        }}
      </Loaded>
    </div>
  );
}
