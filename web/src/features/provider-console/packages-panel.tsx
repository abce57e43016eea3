import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api, call, client } from '../../api/client.ts';
import { number, sar, seasonLabel } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Select } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';
import { PickedText } from '../catalogue/localized-text.tsx';
import type { ProviderPackage } from '../catalogue/types.ts';
import { downloadManifest } from './download.ts';

const statuses = ['draft', 'published', 'closed'] as const;
type Status = (typeof statuses)[number];
/** Long cell contents wrap inside the cell (tables keep their lines whole by default). */
const wrap = { whiteSpace: 'normal' } as const;
const statusBadge: Record<Status, string> = { draft: 'badge warn', published: 'badge ok', closed: 'badge danger' };

/**
 * The provider's packages: status, seats, price, and on each row exactly the
 * actions the API lists for it (allowedActions), plus its pilgrim manifest.
 * On a phone each package is a card, so status and actions stay visible.
 */
export function PackagesPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status | ''>('');
  const query = $api.useQuery('get', '/api/v1/packages', status ? { params: { query: { status } } } : {});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(id: string, work: () => Promise<unknown>, message?: string) {
    setProblem(null);
    setDone(null);
    setBusy(id);
    try {
      await work();
      if (message) setDone(message);
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/packages'] });
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(null);
      setConfirmClose(null);
    }
  }
  const publish = (p: ProviderPackage) => run(p.id, () => call(client.POST('/api/v1/packages/{id}/publish', { params: { path: { id: p.id } } })), t('console.publishedDone'));
  const close = (p: ProviderPackage) => run(p.id, () => call(client.POST('/api/v1/packages/{id}/close', { params: { path: { id: p.id } } })), t('console.closedDone'));
  const manifest = (p: ProviderPackage) => run(p.id, () => downloadManifest(p.id, `manifest-${p.season}-${p.id.slice(0, 8)}.csv`));

  return (
    <section className="card" aria-labelledby="packages-title">
      <div className="page-head">
        <h2 id="packages-title">{t('console.packages')}</h2>
        <Link className="button primary" to="/provider/packages/new">{t('console.newPackage')}</Link>
      </div>
      <div className="season-picker">
        <Select label={t('common.status')} name="status" value={status} onChange={(v) => setStatus(v as Status | '')}>
          <option value="">{t('common.any')}</option>
          {statuses.map((s) => <option key={s} value={s}>{t(`console.status.${s}`)}</option>)}
        </Select>
      </div>
      <ProblemAlert error={problem} />
      {done && <Alert kind="success">{done}</Alert>}
      <Loaded query={query}>
        {(packages) => (
          <div className="table-scroll">
            <DataTable
              rows={packages}
              rowKey={(p) => p.id}
              empty={<p>{status ? t('console.noPackagesInStatus') : t('console.noPackages')}</p>}
              columns={[
                { key: 'title', header: t('console.packageTitle'), rowHeader: true, cell: (p) => <span style={wrap}><PickedText text={p.title} /> <span className="muted">{t('console.versionShort', { version: p.currentVersion })}</span></span> },
                { key: 'season', header: t('common.season'), cell: (p) => seasonLabel(p.season) },
                { key: 'status', header: t('common.status'), cell: (p) => <span className={statusBadge[p.status]}>{t(`console.status.${p.status}`)}</span> },
                { key: 'seats', header: t('package.capacity'), cell: (p) => t('console.seatsTaken', { taken: number(p.seatsTaken), capacity: number(p.capacity) }) },
                { key: 'price', header: t('catalogue.total'), cell: (p) => sar(p.price.total) },
                {
                  key: 'actions', header: t('common.actions'), cell: (p) => (
                    <div className="row-actions" style={{ ...wrap, flexWrap: 'wrap', maxInlineSize: '16rem' }}>
                      <Link to={`/provider/packages/${p.id}`}>{p.allowedActions.includes('update') ? t('console.edit') : t('console.view')}</Link>
                      {p.allowedActions.includes('publish') && (
                        <button type="button" className="secondary small" disabled={busy === p.id} onClick={() => void publish(p)}>{t('console.publish')}</button>
                      )}
                      {p.allowedActions.includes('close') && (confirmClose === p.id ? (
                        <>
                          <button type="button" className="secondary small" disabled={busy === p.id} onClick={() => void close(p)}>{t('console.confirmClose')}</button>
                          <button type="button" className="link-button small" onClick={() => setConfirmClose(null)}>{t('common.cancel')}</button>
                        </>
                      ) : (
                        <button type="button" className="secondary small" onClick={() => setConfirmClose(p.id)}>{t('console.close')}</button>
                      ))}
                      {p.status !== 'draft' && (
                        <>
                          <button type="button" className="link-button small" disabled={busy === p.id} onClick={() => void manifest(p)}>{t('console.manifest')}</button>
                          <Link to={`/provider/bookings?package=${p.id}`}>{t('console.bookingsOf')}</Link>
                        </>
                      )}
                    </div>
                  ),
                },
              ]}
            />
          </div>
        )}
      </Loaded>
    </section>
  );
}
