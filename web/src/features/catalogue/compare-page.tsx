import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { languageName, listOf, number, sar } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';
import { useCompareSelection } from './compare-selection.ts';
import { AvailabilityBadge } from './package-facts.tsx';
import type { CatalogueItem } from './types.ts';

/** Up to five packages side by side; on a phone the table scrolls sideways with the first column kept. */
export function ComparePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const { data, error } = useApi<CatalogueItem[]>(ids.length >= 2 ? `/catalogue/compare?ids=${ids.join(',')}` : null);
  const compare = useCompareSelection();
  const navigate = useNavigate();
  const remove = (id: string) => {
    compare.remove(id);
    navigate(`/compare?ids=${ids.filter((x) => x !== id).join(',')}`);
  };
  if (ids.length < 2) return <section className="card"><h1>{t('compare.title')}</h1><p>{t('compare.empty')}</p><Link to="/catalogue">{t('nav.catalogue')}</Link></section>;
  if (error) return <Alert kind="error">{error.message}</Alert>;
  if (!data) return <p>{t('app.loading')}</p>;
  const rows: [string, (p: CatalogueItem) => ReactNode][] = [
    [t('package.provider'), (p) => p.provider.name],
    [t('catalogue.total'), (p) => <strong>{sar(p.price.total)}</strong>],
    [t('package.vat'), (p) => sar(p.price.vat)],
    [t('catalogue.type'), (p) => t(`package.types.${p.type}`)],
    [t('catalogue.camp'), (p) => p.minaCamp],
    [t('package.makkah'), (p) => `${p.makkah.hotel} · ${number(p.makkah.distanceM)} m`],
    [t('console.roomOccupancy'), (p) => p.makkah.roomOccupancy],
    [t('package.madinah'), (p) => (p.madinah ? `${p.madinah.hotel} · ${number(p.madinah.distanceM)} m` : t('common.none'))],
    [t('console.meals'), (p) => t(`package.meals.${p.meals}`)],
    [t('console.transport'), (p) => t(`package.transport.${p.transport}`)],
    [t('package.languages'), (p) => listOf(p.guidanceLanguages.map(languageName))],
    [t('package.insurance'), (p) => (p.insurance ? t('common.yes') : t('common.no'))],
    [t('common.status'), (p) => <AvailabilityBadge state={p.availability} />],
  ];
  return (
    <section className="card">
      <h1>{t('compare.title')}</h1>
      <div className="table-scroll">
        <table className="compare">
          <thead>
            <tr>
              <td />
              {data.map((p) => (
                <th key={p.id} scope="col" lang={p.titleLanguage}>
                  <Link to={`/catalogue/${p.id}`}>{p.title}</Link>{' '}
                  <button type="button" className="link-button small" onClick={() => remove(p.id)}>{t('compare.remove')}</button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cell]) => (
              <tr key={label}><th scope="row">{label}</th>{data.map((p) => <td key={p.id}>{cell(p)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
