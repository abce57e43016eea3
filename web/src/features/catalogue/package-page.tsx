import { useTranslation } from 'react-i18next';
import { Scorecard } from '../observatory/figures.tsx';
import { Link, useParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { countryName, listOf, seasonLabel } from '../../lib/format.ts';
import { Loaded } from '../../ui/problem.tsx';
import { COMPARE_MAX, useCompareSelection } from './compare-selection.ts';
import { LocalizedText } from './localized-text.tsx';
import { AvailabilityBadge, PackageFacts, PriceTable } from './package-facts.tsx';
import { inPageLanguage } from './types.ts';

/** One package on sale: its content in the reader's language (or marked when the provider did not write it in it), facts and full price. */
export function PackagePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = $api.useQuery('get', '/api/v1/catalogue/{id}', { params: { path: { id } }, headers: inPageLanguage() });
  const compare = useCompareSelection();
  return (
    <Loaded query={query}>
      {(pkg) => (
        <article className="stack">
          <section className="card">
            <h1><LocalizedText text={pkg.title} language={pkg.titleLanguage} /></h1>
            <p className="muted">
              {t('catalogue.from', { provider: pkg.provider.name })} · {t('package.licence')} <bdi dir="ltr">{pkg.provider.licenceNumber}</bdi>
            </p>
            <p><AvailabilityBadge state={pkg.availability} /></p>
            <dl className="facts two-col">
              <dt>{t('package.season')}</dt><dd>{seasonLabel(pkg.season)}</dd>
              <dt>{t('package.versionTitle')}</dt><dd>{pkg.version}</dd>
              {pkg.publishedAt && <><dt>{t('package.onSaleSince')}</dt><dd><bdi>{formatDate(pkg.publishedAt)}</bdi></dd></>}
            </dl>
            <LocalizedText text={pkg.description} language={pkg.descriptionLanguage} block />
            <p className="actions">
              <label className="compare-toggle">
                <input type="checkbox" checked={compare.has(pkg.id)} disabled={!compare.has(pkg.id) && compare.ids.length >= COMPARE_MAX} onChange={() => compare.toggle(pkg.id)} />
                {t('catalogue.addToCompare')}
              </label>
              {compare.ids.length >= 2 && <Link to={`/compare?ids=${compare.ids.join(',')}`}>{t('catalogue.compareCount', { count: compare.ids.length })}</Link>}
            </p>
          </section>
          <section className="card"><PackageFacts pkg={pkg} /></section>
          <section className="card"><PriceTable price={pkg.price} /></section>
          <section className="card">
            <h2>{t('package.eligible')}</h2>
            <p>{listOf(pkg.eligibleCountries.map(countryName))}</p>
            <p><Link to={`/catalogue?provider=${pkg.provider.id}`}>{t('package.moreFrom', { provider: pkg.provider.name })}</Link></p>
            <h2>{t('observatory.scorecard.title')}</h2>
            <Scorecard card={pkg.scorecard} />
          </section>
        </article>
      )}
    </Loaded>
  );
}
