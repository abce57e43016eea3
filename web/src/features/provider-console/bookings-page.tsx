import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { pickText } from '../../../../src/common/i18n.ts';
import { $api } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { sar, seasonLabel } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Select } from '../../ui/fields.tsx';
import { Loaded, ProblemAlert } from '../../ui/problem.tsx';
import { LocalizedText } from '../catalogue/localized-text.tsx';
import { inPageLanguage } from '../catalogue/types.ts';
import { downloadManifest } from './download.ts';

type Booking = paths['/api/v1/provider/bookings']['get']['responses'][200]['content']['application/json'][number];
const statuses = ['held', 'confirmed', 'visa_ready', 'completed', 'expired', 'declined', 'cancelled'] as const;
const statusBadge: Record<string, string> = { held: 'badge warn', confirmed: 'badge ok', visa_ready: 'badge ok', completed: 'badge ok', expired: 'badge danger', declined: 'badge danger', cancelled: 'badge danger' };
/** Long cell contents wrap inside the cell (tables keep their lines whole by default). */
const wrap = { whiteSpace: 'normal' } as const;
const shortId = (id: string) => id.slice(0, 8).toUpperCase();

/**
 * The bookings of the provider's packages, newest first, with the money paid
 * against each. The API answers the whole list (its newest 500) without
 * filters, so the package, status and season filters narrow it here; they
 * live in the address so a filtered list can be shared with a colleague.
 */
export function ProviderBookingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const bookings = $api.useQuery('get', '/api/v1/provider/bookings', { headers: inPageLanguage() });
  const packages = $api.useQuery('get', '/api/v1/packages');
  const [problem, setProblem] = useState<unknown>(null);
  const lang = currentLanguage();
  const filter = { package: params.get('package') ?? '', status: params.get('status') ?? '', season: params.get('season') ?? '' };
  const setFilter = (key: keyof typeof filter) => (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  // The package's own texts say which language its title is in; the booking list only carries the text.
  const titleOf = (b: Pick<Booking, 'packageId' | 'packageTitle'>) => {
    const pkg = packages.data?.find((p) => p.id === b.packageId);
    if (!pkg) return <bdi>{b.packageTitle}</bdi>;
    const picked = pickText(pkg.title, lang);
    return <LocalizedText text={picked.text} language={picked.language} />;
  };
  const chosenPackage = packages.data?.find((p) => p.id === filter.package);

  return (
    <div className="stack">
      <section className="card">
        <h1>{t('providerBookings.title')}</h1>
        <p className="muted">{t('providerBookings.intro')}</p>
        <Loaded query={bookings}>
          {(all) => {
            const seasons = [...new Set(all.map((b) => b.season))].sort().reverse();
            const rows = all.filter((b) => (!filter.package || b.packageId === filter.package) && (!filter.status || b.status === filter.status) && (!filter.season || b.season === filter.season));
            const seats = rows.reduce((n, b) => n + b.seats, 0);
            return (
              <>
                <div className="filters">
                  <Select label={t('providerBookings.package')} name="package" value={filter.package} onChange={setFilter('package')}>
                    <option value="">{t('common.any')}</option>
                    {(packages.data ?? []).map((p) => <option key={p.id} value={p.id}>{pickText(p.title, lang).text}</option>)}
                  </Select>
                  <Select label={t('common.status')} name="status" value={filter.status} onChange={setFilter('status')}>
                    <option value="">{t('common.any')}</option>
                    {statuses.map((s) => <option key={s} value={s}>{t(`providerBookings.statuses.${s}`)}</option>)}
                  </Select>
                  {seasons.length > 1 && (
                    <Select label={t('common.season')} name="season" value={filter.season} onChange={setFilter('season')}>
                      <option value="">{t('common.any')}</option>
                      {seasons.map((s) => <option key={s} value={s}>{seasonLabel(s)}</option>)}
                    </Select>
                  )}
                </div>
                {chosenPackage && chosenPackage.status !== 'draft' && (
                  <p>
                    <button type="button" className="secondary" onClick={() => {
                      setProblem(null);
                      downloadManifest(chosenPackage.id, `manifest-${chosenPackage.season}-${chosenPackage.id.slice(0, 8)}.csv`).catch(setProblem);
                    }}>{t('console.manifest')}</button>
                  </p>
                )}
                <ProblemAlert error={problem} />
                <p aria-live="polite">{t('providerBookings.count', { count: rows.length })} · {t('providerBookings.seatsTotal', { count: seats })}</p>
                <div className="table-scroll">
                  <DataTable
                    rows={rows}
                    rowKey={(b) => b.id}
                    empty={<p>{all.length === 0 ? t('providerBookings.none') : t('providerBookings.noneMatch')}</p>}
                    columns={[
                      {
                        key: 'id', header: t('providerBookings.booking'), rowHeader: true, cell: (b) => (
                          <span style={wrap}><bdi dir="ltr" title={b.id}>{shortId(b.id)}</bdi> <span className="muted">{t(`providerBookings.sources.${b.source}`, { defaultValue: b.source })}</span></span>
                        ),
                      },
                      { key: 'package', header: t('providerBookings.package'), cell: (b) => <span style={wrap}>{titleOf(b)} <span className="muted">{t('console.versionShort', { version: b.packageVersion })} · {seasonLabel(b.season)}</span></span> },
                      { key: 'seats', header: t('providerBookings.seats'), cell: (b) => t('providerBookings.seatCount', { count: b.seats }) },
                      {
                        key: 'status', header: t('common.status'), cell: (b) => (
                          <span style={wrap}>
                            <span className={statusBadge[b.status] ?? 'badge'}>{t(`providerBookings.statuses.${b.status}`, { defaultValue: b.status })}</span>
                            {b.status === 'held' && b.holdDeadline && <span className="hint" style={{ display: 'block' }}>{t('providerBookings.holdUntil', { date: formatDate(b.holdDeadline, { time: true }) })}</span>}
                            {b.status !== 'held' && b.confirmedAt && <span className="hint" style={{ display: 'block' }}>{t('providerBookings.confirmedOn', { date: formatDate(b.confirmedAt) })}</span>}
                          </span>
                        ),
                      },
                      { key: 'paid', header: t('providerBookings.paid'), cell: (b) => <span style={wrap}>{t('providerBookings.paidOf', { paid: sar(b.amountPaid), due: sar(b.amountDue) })}</span> },
                      { key: 'when', header: t('providerBookings.created'), cell: (b) => <span style={wrap}>{formatDate(b.createdAt)}</span> },
                    ]}
                  />
                </div>
              </>
            );
          }}
        </Loaded>
      </section>
      <p><Link to="/provider">{t('console.backToConsole')}</Link></p>
    </div>
  );
}
