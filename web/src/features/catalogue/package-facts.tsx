import { useTranslation } from 'react-i18next';
import { languageName, listOf, number, sar } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import type { Availability, CatalogueItem, Price } from './types.ts';

type Content = Pick<CatalogueItem, 'type' | 'departureCity' | 'makkah' | 'madinah' | 'minaCamp' | 'arafatService' | 'meals' | 'transport' | 'guidanceLanguages' | 'insurance' | 'price'>;

/** "400 m from the Grand Mosque", with the plural the language needs. */
export function useDistance() {
  const { t } = useTranslation();
  return {
    makkah: (metres: number) => t('package.distance', { count: metres, metres: number(metres) }),
    madinah: (metres: number) => t('package.distanceMadinah', { count: metres, metres: number(metres) }),
  };
}

/**
 * The facts pilgrims compare, in a definition list. Hotel names and the
 * Arafat service are the provider's words in whatever script it typed them:
 * they are isolated (<bdi>) so Latin names do not scramble Arabic sentences.
 */
export function PackageFacts({ pkg }: { pkg: Content }) {
  const { t } = useTranslation();
  const distance = useDistance();
  return (
    <dl className="facts two-col">
      <dt>{t('catalogue.type')}</dt>
      <dd>{t(`package.types.${pkg.type}`)}{pkg.departureCity && <> · {t('package.departure')} <bdi>{pkg.departureCity}</bdi></>}</dd>
      <dt>{t('package.makkah')}</dt>
      <dd><bdi>{pkg.makkah.hotel}</bdi> · {distance.makkah(pkg.makkah.distanceM)} · {t('package.occupancy', { count: pkg.makkah.roomOccupancy })}</dd>
      {pkg.madinah && <><dt>{t('package.madinah')}</dt><dd><bdi>{pkg.madinah.hotel}</bdi> · {distance.madinah(pkg.madinah.distanceM)}</dd></>}
      <dt>{t('catalogue.camp')}</dt>
      <dd>{t('package.camp', { category: pkg.minaCamp })}</dd>
      <dt>{t('package.arafat')}</dt>
      <dd><bdi>{pkg.arafatService}</bdi></dd>
      <dt>{t('package.mealsTitle')}</dt>
      <dd>{t(`package.meals.${pkg.meals}`)}</dd>
      <dt>{t('package.transportTitle')}</dt>
      <dd>{t(`package.transport.${pkg.transport}`)}</dd>
      <dt>{t('package.languages')}</dt>
      <dd>{listOf(pkg.guidanceLanguages.map(languageName))}</dd>
      <dt>{t('package.insuranceTitle')}</dt>
      <dd>{pkg.insurance ? t('package.insurance') : t('package.noInsurance')}</dd>
      <dt>{t('catalogue.total')}</dt>
      <dd className="price">{sar(pkg.price.total)}</dd>
    </dl>
  );
}

/** Every line of the price, its VAT, and the total: what the pilgrim pays, nothing hidden (a card per line on a phone). */
export function PriceTable({ price }: { price: Price }) {
  const { t } = useTranslation();
  return (
    <div>
      <h2>{t('package.price')}</h2>
      <DataTable
        rows={price.lines}
        rowKey={(l) => l.component}
        columns={[
          { key: 'component', header: t('package.component'), rowHeader: true, cell: (l) => <>{t(`package.components.${l.component}`)}{l.vatCategory === 'zero' && <span className="muted"> ({t('package.zeroRated')})</span>}</> },
          { key: 'net', header: t('package.net'), cell: (l) => sar(l.net) },
          { key: 'vat', header: t('package.vat'), cell: (l) => sar(l.vat) },
          { key: 'gross', header: t('package.gross'), cell: (l) => sar(l.gross) },
        ]}
      />
      <dl className="facts two-col">
        <dt>{t('package.subtotal')}</dt><dd>{sar(price.subtotal)}</dd>
        <dt>{t('package.vatTotal')}</dt><dd>{sar(price.vat)}</dd>
        <dt>{t('package.grandTotal')}</dt><dd className="price">{sar(price.total)}</dd>
      </dl>
    </div>
  );
}

export function AvailabilityBadge({ state }: { state: Availability }) {
  const { t } = useTranslation();
  return <span className={`badge avail-${state}`}>{t(`package.availability.${state}`)}</span>;
}
