import { useTranslation } from 'react-i18next';
import { languageName, listOf, number, sar } from '../../lib/format.ts';
import type { CatalogueItem } from './types.ts';

type Content = Pick<CatalogueItem, 'type' | 'departureCity' | 'makkah' | 'madinah' | 'minaCamp' | 'arafatService' | 'meals' | 'transport' | 'guidanceLanguages' | 'insurance' | 'price'>;

/** The facts pilgrims compare, in a definition list. */
export function PackageFacts({ pkg }: { pkg: Content }) {
  const { t } = useTranslation();
  return (
    <dl className="facts two-col">
      <dt>{t('catalogue.type')}</dt>
      <dd>{t(`package.types.${pkg.type}`)}{pkg.departureCity ? ` · ${t('package.departure', { city: pkg.departureCity })}` : ''}</dd>
      <dt>{t('package.makkah')}</dt>
      <dd>{pkg.makkah.hotel} · {t('package.distance', { metres: number(pkg.makkah.distanceM) })} · {t('package.occupancy', { count: pkg.makkah.roomOccupancy })}</dd>
      {pkg.madinah && <><dt>{t('package.madinah')}</dt><dd>{pkg.madinah.hotel} · {t('package.distanceMadinah', { metres: number(pkg.madinah.distanceM) })}</dd></>}
      <dt>{t('catalogue.camp')}</dt>
      <dd>{t('package.camp', { category: pkg.minaCamp })} · {t('package.arafat')}: {pkg.arafatService}</dd>
      <dt>{t('console.meals')}</dt>
      <dd>{t(`package.meals.${pkg.meals}`)} · {t(`package.transport.${pkg.transport}`)}</dd>
      <dt>{t('package.languages')}</dt>
      <dd>{listOf(pkg.guidanceLanguages.map(languageName))}</dd>
      <dt>{t('package.insurance')}</dt>
      <dd>{pkg.insurance ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('catalogue.total')}</dt>
      <dd className="price">{sar(pkg.price.total)}</dd>
    </dl>
  );
}

/** Every line of the price, its VAT, and the total: what the pilgrim pays, nothing hidden. */
export function PriceTable({ price }: { price: CatalogueItem['price'] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('package.price')}</caption>
        <thead><tr><th scope="col">{t('package.component')}</th><th scope="col">{t('package.net')}</th><th scope="col">{t('package.vat')}</th><th scope="col">{t('package.gross')}</th></tr></thead>
        <tbody>
          {price.lines.map((l) => (
            <tr key={l.component}>
              <th scope="row">{t(`package.components.${l.component}`)}{l.vatCategory === 'zero' ? ` (${t('package.zeroRated')})` : ''}</th>
              <td>{sar(l.net)}</td><td>{sar(l.vat)}</td><td>{sar(l.gross)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row">{t('package.subtotal')}</th><td>{sar(price.subtotal)}</td><td>{sar(price.vat)}</td><td><strong>{sar(price.total)}</strong></td></tr>
        </tfoot>
      </table>
    </div>
  );
}

export function AvailabilityBadge({ state }: { state: CatalogueItem['availability'] }) {
  const { t } = useTranslation();
  return <span className={`badge avail-${state}`}>{t(`package.availability.${state}`)}</span>;
}
