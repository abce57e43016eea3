import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { $api, isNetworkProblem, toProblem } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import { forgetPermits, savedPermits, savePermits } from './offline.ts';
import { PermitBookingCard } from './permit-card.tsx';
import { useOfflinePage } from './use-offline-page.ts';
import { PenaltiesPanel, WaitsPanel } from './waits-panel.tsx';
import type { PermitBooking } from './types.ts';
import './permits.css';

/**
 * My permits: each booking with a QR code and the typed code per member, the
 * PDF, moving the whole group, cancelling (saying whether a penalty applies),
 * waiting lists with their offers, and penalties with their end. The permits
 * are kept on the device so the codes show without a network.
 */
export function MyPermitsPage() {
  const { t } = useTranslation();
  const page = useOfflinePage('GET /api/v1/me/permits');
  if (page.state === 'signed-out') {
    forgetPermits();
    return <Navigate to="/sign-in" replace />;
  }
  if (page.state === 'forbidden') return <Navigate to="/dashboard" replace />;
  return (
    <div className="stack permits">
      <section className="card">
        <div className="page-head">
          <h1>{t('permits.mine.title')}</h1>
          {page.state !== 'offline' && <Link to="/permits" className="button secondary small">{t('permits.mine.bookAnother')}</Link>}
        </div>
        <p className="muted">{t('permits.mine.intro')}</p>
      </section>
      {page.state === 'offline' && <Saved />}
      {page.state === 'loading' && <p className="muted" aria-live="polite">{t('app.loading')}</p>}
      {page.state === 'ready' && <Live accountId={page.account.id} />}
    </div>
  );
}

function Live({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const mine = $api.useQuery('get', '/api/v1/me/permits');
  const sites = $api.useQuery('get', '/api/v1/permits/sites', {}, { staleTime: 60_000 });
  const items = mine.data?.items;
  useEffect(() => {
    if (items) savePermits(accountId, items);
  }, [accountId, items]);
  if (mine.error && isNetworkProblem(toProblem(mine.error))) return <Saved />;
  return (
    <>
      <WaitsPanel />
      <PenaltiesPanel sites={sites.data ?? []} />
      {mine.error && <ProblemAlert error={mine.error} />}
      {!items && !mine.error && <p className="muted" aria-live="polite">{t('app.loading')}</p>}
      {items && <Bookings items={items} sites={sites.data ?? []} offline={false} />}
    </>
  );
}

/** Without a network: the permits as last fetched on this device. */
function Saved() {
  const { t } = useTranslation();
  const saved = savedPermits();
  if (!saved) return <Alert kind="warning">{t('permits.mine.offlineNothing')}</Alert>;
  return (
    <>
      <Alert kind="info">{t('permits.mine.offlineCopy', { date: formatDate(new Date(saved.savedAt).toISOString(), { time: true }) })}</Alert>
      <Bookings items={saved.items} sites={[]} offline />
    </>
  );
}

function Bookings({ items, sites, offline }: { items: PermitBooking[]; sites: Parameters<typeof PermitBookingCard>[0]['sites']; offline: boolean }) {
  const { t } = useTranslation();
  const active = items.filter((b) => b.status === 'active' && Date.parse(b.endsAt) > Date.now() - 86_400_000);
  const past = items.filter((b) => !active.includes(b));
  return (
    <>
      {active.length === 0 && <Alert kind="info">{t('permits.mine.none')}</Alert>}
      {active.map((b) => <PermitBookingCard key={b.id} booking={b} sites={sites} offline={offline} />)}
      {past.length > 0 && (
        <details className="card">
          <summary>{t('permits.mine.earlier', { count: past.length })}</summary>
          {past.map((b) => <PermitBookingCard key={b.id} booking={b} sites={sites} offline={offline} />)}
        </details>
      )}
    </>
  );
}
