import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client.ts';
import { countryName } from '../../lib/format.ts';
import { useOperations, type Operation } from '../../lib/operations.ts';
import type { Account } from '../../lib/session.tsx';
import { Loaded } from '../../ui/problem.tsx';
import { AuditTable } from './audit-log.tsx';

interface Tile {
  to: string;
  key: string;
  needs: Operation;
}

/** Where each kind of work starts; an account sees the tiles its role may use (from the API), nothing announced for later. */
const tiles: Tile[] = [
  { to: '/pilgrim/profile', key: 'profile', needs: 'GET /api/v1/pilgrim/profile' },
  { to: '/pilgrim/application', key: 'application', needs: 'GET /api/v1/applications/mine' },
  { to: '/bookings', key: 'bookings', needs: 'GET /api/v1/me/bookings' },
  { to: '/wallet', key: 'wallet', needs: 'GET /api/v1/wallet' },
  { to: '/permits/mine', key: 'myPermits', needs: 'GET /api/v1/me/permits' },
  { to: '/permits', key: 'bookPermit', needs: 'POST /api/v1/permits/bookings' },
  { to: '/gate', key: 'gate', needs: 'POST /api/v1/permits/gates/{gateId}/scans' },
  { to: '/provider', key: 'console', needs: 'GET /api/v1/provider/bookings' },
  { to: '/provider/bookings', key: 'providerBookings', needs: 'GET /api/v1/provider/bookings' },
  { to: '/provider/payouts', key: 'payouts', needs: 'GET /api/v1/provider/payouts' },
  { to: '/mission', key: 'mission', needs: 'GET /api/v1/missions/overview' },
  { to: '/ministry/providers', key: 'review', needs: 'POST /api/v1/providers/{id}/approve' },
  { to: '/ministry/documents', key: 'documents', needs: 'GET /api/v1/documents/review-queue' },
  { to: '/ministry/seasons', key: 'seasons', needs: 'PUT /api/v1/seasons/{code}' },
  { to: '/ministry/draw', key: 'draw', needs: 'POST /api/v1/seasons/{code}/draw/freeze' },
  { to: '/ministry/permits', key: 'permitsAdmin', needs: 'POST /api/v1/permits/sites' },
  { to: '/ministry/permits/occupancy', key: 'occupancy', needs: 'GET /api/v1/permits/sites/{siteId}/occupancy' },
  { to: '/ministry/finance', key: 'finance', needs: 'POST /api/v1/wallet/bank-statements' },
  { to: '/ministry/staff', key: 'staff', needs: 'POST /api/v1/staff' },
  { to: '/provider/apply', key: 'apply', needs: 'POST /api/v1/providers' },
  { to: '/statistics/records', key: 'statisticsRecords', needs: 'POST /api/v1/statistics/hajj/{season}/imports' },
  { to: '/statistics', key: 'statistics', needs: 'GET /api/v1/statistics/hajj/{season}/full' },
  { to: '/surveys', key: 'surveys', needs: 'GET /api/v1/me/surveys' },
  { to: '/complaints', key: 'complaints', needs: 'GET /api/v1/complaints' },
  { to: '/complaints/new', key: 'newComplaint', needs: 'POST /api/v1/complaints' },
  { to: '/observatory', key: 'observatory', needs: 'GET /api/v1/observatory/indicators' },
  { to: '/inspect', key: 'inspect', needs: 'GET /api/v1/observatory/inspections/checklists' },
];

export function DashboardPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { can } = useOperations();
  const country = account.countryCode ? countryName(account.countryCode) : '';
  const mine = tiles.filter((x) => can(x.needs));
  return (
    <div className="stack">
      <section className="card" aria-labelledby="dash-title">
        <p className="muted">{t('dashboard.greeting', { name: account.displayName })}</p>
        <h1 id="dash-title">{t(`dashboard.${account.role}.title`, { country })}</h1>
        <p className="role-badge">{t(`roles.${account.role}`)}</p>
      </section>
      <ul className="cards tiles">
        {mine.map((x) => (
          <li key={x.to} className="card">
            <h2><Link to={x.to}>{t(`dashboard.tiles.${x.key}.title`)}</Link></h2>
            <p className="muted">{t(`dashboard.tiles.${x.key}.text`)}</p>
          </li>
        ))}
      </ul>
      {can('GET /api/v1/audit') && <RecentActivity />}
    </div>
  );
}

function RecentActivity() {
  const { t } = useTranslation();
  const page = $api.useQuery('get', '/api/v1/audit', { params: { query: { limit: 10 } } });
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <Loaded query={page}>{(p) => <AuditTable items={p.items} />}</Loaded>
      <p><Link to="/ministry/audit">{t('audit.all')}</Link></p>
    </section>
  );
}
