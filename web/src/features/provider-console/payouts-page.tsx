import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { sar } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Loaded } from '../../ui/problem.tsx';

/**
 * The payout statement, straight from the ledger: what the platform owes the
 * company now, and every movement behind that figure (payments for its
 * bookings in, refunds to pilgrims out). VAT is not the company's money and
 * does not appear.
 */
export function PayoutsPage() {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/provider/payouts');
  return (
    <div className="stack">
      <Loaded query={query}>
        {(statement) => {
          const inflow = statement.movements.filter((m) => m.amount > 0).reduce((n, m) => n + m.amount, 0);
          const outflow = statement.movements.filter((m) => m.amount < 0).reduce((n, m) => n - m.amount, 0);
          return (
            <>
              <section className="card">
                <h1>{t('payouts.title')}</h1>
                <p className="lead price">{t('payouts.owed', { amount: sar(statement.owed) })}</p>
                <p className="muted">{t('payouts.intro')}</p>
                {statement.movements.length > 0 && (
                  <dl className="facts two-col">
                    <dt>{t('payouts.received')}</dt><dd>{sar(inflow)}</dd>
                    <dt>{t('payouts.refunded')}</dt><dd>{sar(outflow)}</dd>
                  </dl>
                )}
              </section>
              <section className="card" aria-labelledby="movements-title">
                <h2 id="movements-title">{t('payouts.movements')}</h2>
                <DataTable
                  rows={statement.movements}
                  rowKey={(m) => m.id}
                  empty={<p>{t('payouts.none')}</p>}
                  columns={[
                    { key: 'when', header: t('payouts.when'), rowHeader: true, cell: (m) => <span style={{ whiteSpace: 'normal' }}>{formatDate(m.at, { time: true })}</span> },
                    { key: 'kind', header: t('payouts.what'), cell: (m) => t(`payouts.kinds.${m.kind}`, { defaultValue: t('payouts.kinds.other') }) },
                    { key: 'booking', header: t('payouts.booking'), cell: (m) => (m.bookingId ? <bdi dir="ltr" title={m.bookingId}>{m.bookingId.slice(0, 8).toUpperCase()}</bdi> : '—') },
                    { key: 'amount', header: t('payouts.amount'), cell: (m) => <bdi dir="ltr">{m.amount > 0 ? '+' : '−'}{sar(Math.abs(m.amount))}</bdi> },
                  ]}
                />
              </section>
            </>
          );
        }}
      </Loaded>
      <p><Link to="/provider">{t('console.backToConsole')}</Link></p>
    </div>
  );
}
