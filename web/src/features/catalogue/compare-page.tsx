import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { countryName, languageName, listOf, sar } from '../../lib/format.ts';
import { Loaded } from '../../ui/problem.tsx';
import { ScrollBox } from '../../ui/scroll-box.tsx';
import { COMPARE_MAX, useCompareSelection } from './compare-selection.ts';
import { LocalizedText } from './localized-text.tsx';
import { AvailabilityBadge, useDistance } from './package-facts.tsx';
import { inPageLanguage } from './types.ts';

const useCompared = (ids: string[]) =>
  $api.useQuery('get', '/api/v1/catalogue/compare', { params: { query: { ids: ids.join(',') } }, headers: inPageLanguage() }, { enabled: ids.length >= 2 });
type CompareItem = NonNullable<ReturnType<typeof useCompared>['data']>[number];

/**
 * Two to five packages side by side. A comparison is read across, so it stays
 * a table: on a phone it scrolls sideways inside its own box (the row names
 * stay put) and the page says so.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean).slice(0, COMPARE_MAX);
  const query = useCompared(ids);
  const compare = useCompareSelection();
  const navigate = useNavigate();
  const remove = (id: string) => {
    compare.remove(id);
    navigate(`/compare?ids=${ids.filter((x) => x !== id).join(',')}`, { replace: true });
  };

  if (ids.length < 2) {
    return (
      <section className="card">
        <h1>{t('compare.title')}</h1>
        <p>{t('compare.empty')}</p>
        <Link className="button primary" to="/catalogue">{t('nav.catalogue')}</Link>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>{t('compare.title')}</h1>
      <Loaded query={query}>{(items) => <CompareTable items={items} onRemove={remove} />}</Loaded>
      <p><Link to="/catalogue">{t('compare.back')}</Link></p>
    </section>
  );
}

function CompareTable({ items, onRemove }: { items: CompareItem[]; onRemove: (id: string) => void }) {
  const { t } = useTranslation();
  const distance = useDistance();
  const rows: [string, (p: CompareItem) => ReactNode][] = [
    [t('package.provider'), (p) => p.provider.name],
    [t('catalogue.total'), (p) => <strong>{sar(p.price.total)}</strong>],
    [t('package.vat'), (p) => sar(p.price.vat)],
    [t('catalogue.type'), (p) => t(`package.types.${p.type}`)],
    [t('catalogue.camp'), (p) => t('package.camp', { category: p.minaCamp })],
    [t('package.makkah'), (p) => <><bdi>{p.makkah.hotel}</bdi> · {distance.makkah(p.makkah.distanceM)}</>],
    [t('package.roomOccupancy'), (p) => t('package.occupancy', { count: p.makkah.roomOccupancy })],
    [t('package.madinah'), (p) => (p.madinah ? <><bdi>{p.madinah.hotel}</bdi> · {distance.madinah(p.madinah.distanceM)}</> : t('common.none'))],
    [t('package.arafat'), (p) => <bdi>{p.arafatService}</bdi>],
    [t('package.mealsTitle'), (p) => t(`package.meals.${p.meals}`)],
    [t('package.transportTitle'), (p) => t(`package.transport.${p.transport}`)],
    [t('package.languages'), (p) => listOf(p.guidanceLanguages.map(languageName))],
    [t('package.insuranceTitle'), (p) => (p.insurance ? t('common.yes') : t('common.no'))],
    [t('package.eligible'), (p) => listOf(p.eligibleCountries.map(countryName))],
    [t('common.status'), (p) => <AvailabilityBadge state={p.availability} />],
  ];
  return (
    <ScrollBox label={t('compare.title')} hint={t('compare.scrollHint', { count: items.length })}>
      <table className="compare">
        <thead>
          <tr>
            <td />
            {items.map((p) => (
              <th key={p.id} scope="col">
                <Link to={`/catalogue/${p.id}`}><LocalizedText text={p.title} language={p.titleLanguage} /></Link>{' '}
                <button type="button" className="link-button small" onClick={() => onRemove(p.id)} aria-label={t('compare.removeNamed', { title: p.title })}>{t('compare.remove')}</button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell]) => (
            <tr key={label}><th scope="row">{label}</th>{items.map((p) => <td key={p.id}>{cell(p)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
