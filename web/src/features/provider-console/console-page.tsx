import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Static } from '@sinclair/typebox';
import type { ProviderSchema } from '../../../../src/modules/providers/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { api, type Account } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { sar } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';
import type { PackageDetail } from '../catalogue/types.ts';
import { IntegrationsPanel } from './integrations-panel.tsx';
import { StaffPanel } from './staff-panel.tsx';

export type Provider = Static<typeof ProviderSchema>;

/** The provider console: licence status, packages, staff, integrations. */
export function ConsolePage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const providerId = account.providerId!;
  const { data: provider } = useApi<Provider>(`/providers/${providerId}`);
  const { data: packages, reload, error } = useApi<PackageDetail[]>('/packages');

  async function act(id: string, action: 'publish' | 'close') {
    await api(`/packages/${id}/${action}`, { method: 'POST' }).catch((e: Error) => alert(e.message));
    reload();
  }

  return (
    <div className="stack">
      {provider && (
        <section className="card" aria-labelledby="provider-title">
          <h1 id="provider-title">{lang === 'ar' ? provider.legalNameAr : provider.legalNameEn}</h1>
          <p>
            <span className={`badge status-${provider.status}`}>{t(`providers.status.${provider.status}`)}</span>{' '}
            {provider.mayTrade ? t('providers.mayTrade') : t('providers.mayNotTrade')}
          </p>
          {provider.licenceValidFrom && provider.licenceValidTo && (
            <p className="muted">{t('providers.validity', { from: formatDate(provider.licenceValidFrom, lang), to: formatDate(provider.licenceValidTo, lang) })}</p>
          )}
          {provider.decisionReason && <p>{t('providers.decisionReason')}: {provider.decisionReason}</p>}
          {!provider.mayTrade && <Alert kind="info">{t('console.notLicensed')}</Alert>}
        </section>
      )}
      <section className="card" aria-labelledby="packages-title">
        <h2 id="packages-title">{t('console.packages')}</h2>
        <p><Link className="button primary" to="/provider/packages/new">{t('console.newPackage')}</Link></p>
        {error && <Alert kind="error">{error.message}</Alert>}
        {packages && packages.length > 0 && (
          <div className="table-scroll">
            <table>
              <thead><tr><th scope="col">{t('console.editorTitle')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('package.capacity')}</th><th scope="col">{t('catalogue.total')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
              <tbody>
                {packages.map((p) => (
                  <tr key={p.id}>
                    <td>{p.title[lang] ?? p.title.ar ?? p.title.en} <span className="muted">v{p.currentVersion}</span></td>
                    <td>{t(`console.status.${p.status}`)}</td>
                    <td>{p.seatsTaken}/{p.capacity}</td>
                    <td>{sar(p.price.total)}</td>
                    <td className="row-actions">
                      {p.status !== 'closed' && <Link to={`/provider/packages/${p.id}`}>{t('console.edit')}</Link>}
                      {p.status === 'draft' && <button type="button" className="secondary small" onClick={() => void act(p.id, 'publish')}>{t('console.publish')}</button>}
                      {p.status === 'published' && <button type="button" className="secondary small" onClick={() => void act(p.id, 'close')}>{t('console.close')}</button>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <StaffPanel providerId={providerId} />
      <IntegrationsPanel providerId={providerId} />
    </div>
  );
}
