import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Static } from '@sinclair/typebox';
import type { PublicProviderSchema } from '../../../../src/modules/providers/schemas.ts';
import { formatDate } from '../../lib/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useApi } from '../../lib/use-api.ts';
import { listOf } from '../../lib/format.ts';

type PublicProvider = Static<typeof PublicProviderSchema>;

/** The public list of licensed providers. */
export function ApprovedProvidersPage() {
  const { t } = useTranslation();
  const { data } = useApi<PublicProvider[]>('/providers/approved');
  const lang = currentLanguage();
  return (
    <section className="stack">
      <h1>{t('providers.approvedTitle')}</h1>
      <p className="muted">{t('providers.approvedIntro')}</p>
      {!data ? <p>{t('app.loading')}</p> : data.length === 0 ? <p>{t('review.empty')}</p> : (
        <ul className="cards">
          {data.map((p) => (
            <li key={p.id} className="card">
              <h2><Link to={`/catalogue?provider=${p.id}`}>{lang === 'ar' ? p.legalNameAr : p.legalNameEn}</Link></h2>
              <p>{t('package.licence', { number: p.licenceNumber })}</p>
              <p className="muted">{t('providers.validTo', { date: formatDate(p.licenceValidTo, lang) })}</p>
              <p>{t('providers.offices')}: {listOf(p.cities)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
