import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDay } from '../../lib/dates.ts';
import { listOf, legalName } from '../../lib/format.ts';
import { Loaded } from '../../ui/problem.tsx';
import { Scorecard } from '../observatory/figures.tsx';

/** The public list of licensed providers, each leading to its packages. */
export function ApprovedProvidersPage() {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/providers/approved');
  const scorecards = $api.useQuery('get', '/api/v1/scorecards', {}, { staleTime: 300_000 });
  const cardOf = (id: string) => scorecards.data?.find((c) => c.providerId === id) ?? null;
  const lang = currentLanguage();
  return (
    <section className="stack">
      <div>
        <h1>{t('providers.approvedTitle')}</h1>
        <p className="muted">{t('providers.approvedIntro')}</p>
      </div>
      <Loaded query={query}>
        {(providers) => (providers.length === 0 ? <p>{t('providers.noneApproved')}</p> : (
          <ul className="cards">
            {providers.map((p) => (
              <li key={p.id} className="card">
                <h2 lang={lang}>{legalName(p, lang)}</h2>
                <p>{t('providers.licence')} <bdi dir="ltr">{p.licenceNumber}</bdi></p>
                <p className="muted">{t('providers.validTo', { date: formatDay(p.licenceValidTo.slice(0, 10)) })}</p>
                {p.cities.length > 0 && <p>{t('providers.offices')}: <bdi>{listOf(p.cities)}</bdi></p>}
                <details>
                  <summary>{t('observatory.scorecard.title')}</summary>
                  <Scorecard card={cardOf(p.id)} />
                </details>
                <p><Link to={`/catalogue?provider=${p.id}`}>{t('providers.seePackages')}</Link></p>
              </li>
            ))}
          </ul>
        ))}
      </Loaded>
    </section>
  );
}
