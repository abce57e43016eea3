import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDay } from '../../lib/dates.ts';
import type { Account } from '../../lib/session.tsx';
import { Alert, Loaded } from '../../ui/problem.tsx';
import { IntegrationsPanel } from './integrations-panel.tsx';
import { PackagesPanel } from './packages-panel.tsx';
import { StaffPanel } from './staff-panel.tsx';
import { legalName } from '../../lib/format.ts';

/** The provider console: licence status, packages (with their manifests), staff, integrations. */
export function ConsolePage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const providerId = account.providerId;
  if (!providerId) return <Alert kind="error">{t('console.noProvider')}</Alert>;
  return (
    <div className="stack">
      <ProviderCard providerId={providerId} />
      <PackagesPanel />
      <StaffPanel providerId={providerId} />
      <IntegrationsPanel providerId={providerId} />
    </div>
  );
}

/** The company's licence as the ministry decided it. */
function ProviderCard({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/providers/{id}', { params: { path: { id: providerId } } });
  const lang = currentLanguage();
  return (
    <section className="card" aria-labelledby="provider-title">
      <Loaded query={query}>
        {(provider) => (
          <>
            <h1 id="provider-title" lang={lang}>{legalName(provider, lang)}</h1>
            <p>
              <span className={`badge status-${provider.status}`}>{t(`providers.status.${provider.status}`)}</span>{' '}
              {provider.mayTrade ? t('providers.mayTrade') : t('providers.mayNotTrade')}
            </p>
            {provider.licenceValidFrom && provider.licenceValidTo && (
              <p className="muted">{t('providers.validity', { from: formatDay(provider.licenceValidFrom.slice(0, 10)), to: formatDay(provider.licenceValidTo.slice(0, 10)) })}</p>
            )}
            {provider.decisionReason && <p>{t('providers.decisionReason')}: <bdi>{provider.decisionReason}</bdi></p>}
            {!provider.mayTrade && <Alert kind="info">{t('console.notLicensed')}</Alert>}
            <p className="actions">
              <Link className="button secondary" to="/provider/bookings">{t('nav.providerBookings')}</Link>
              <Link className="button secondary" to="/provider/payouts">{t('nav.payouts')}</Link>
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}
