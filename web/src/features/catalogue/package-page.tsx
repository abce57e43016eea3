import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { countryName, listOf } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';
import { useCompareSelection } from './compare-selection.ts';
import { AvailabilityBadge, PackageFacts, PriceTable } from './package-facts.tsx';
import type { CatalogueItem } from './types.ts';

export function PackagePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: pkg, error } = useApi<CatalogueItem>(`/catalogue/${id}`);
  const compare = useCompareSelection();
  if (error) return <Alert kind="error">{error.message}</Alert>;
  if (!pkg) return <p>{t('app.loading')}</p>;
  return (
    <article className="stack">
      <section className="card">
        <h1 lang={pkg.titleLanguage}>{pkg.title}</h1>
        <p className="muted">{t('catalogue.from', { provider: pkg.provider.name })} · {t('package.licence', { number: pkg.provider.licenceNumber })}</p>
        <p><AvailabilityBadge state={pkg.availability} /> · {t('package.season')}: {pkg.season} · {t('package.version', { version: pkg.version })}</p>
        <p lang={pkg.descriptionLanguage} className="description">{pkg.description}</p>
        <label className="compare-toggle"><input type="checkbox" checked={compare.has(pkg.id)} onChange={() => compare.toggle(pkg.id)} /> {t('catalogue.addToCompare')}</label>
      </section>
      <section className="card"><PackageFacts pkg={pkg} /></section>
      <section className="card"><PriceTable price={pkg.price} /></section>
      <section className="card">
        <h2>{t('package.eligible')}</h2>
        <p>{listOf(pkg.eligibleCountries.map(countryName))}</p>
        <p className="muted">{t('package.scorecardSoon')}</p>
      </section>
    </article>
  );
}
