import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { number } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';
import { FairnessAudit, ResultCharts } from './charts.tsx';
import { InclusionCheck } from './inclusion.tsx';
import type { DrawView } from './types.ts';

const files = ['commitment.json', 'parameters.json', 'entries.ndjson', 'seed.json', 'results.ndjson'];

/** The public page of a season's draw: the commitment, the seed's inputs, the results and a verifier. */
export function PublicDrawPage() {
  const { t } = useTranslation();
  const { season: asked } = useParams();
  const { data: draws } = useApi<{ season: string }[]>(asked ? null : '/draws');
  const season = asked ?? draws?.[0]?.season;
  const { data: draw, error } = useApi<DrawView>(season ? `/seasons/${season}/draw` : null);
  if (!asked && draws?.length === 0) return <Alert kind="info">{t('draw.noneYet')}</Alert>;
  const lang = currentLanguage();
  if (error) return <Alert kind="info">{error.message}</Alert>;
  if (!draw || !season) return <p>{t('app.loading')}</p>;
  return (
    <div className="stack">
      <section className="card">
        <h1>{t('draw.publicTitle', { season })}</h1>
        <p className="lead">{t('draw.publicIntro')}</p>
        <p><span className="badge ok">{t(`draw.states.${draw.status}`)}</span></p>
        <h2>{t('draw.commitment')}</h2>
        <dl className="facts">
          <dt>{t('draw.frozenAt')}</dt><dd>{formatDate(draw.commitment.frozenAt, lang)}</dd>
          <dt>{t('draw.entries')}</dt><dd>{number(draw.commitment.entryCount)}</dd>
          <dt>{t('draw.root')}</dt><dd className="hash" dir="ltr">{draw.commitment.merkleRoot}</dd>
          <dt>{t('draw.parametersHash')}</dt><dd className="hash" dir="ltr">{draw.commitment.parametersHash}</dd>
          <dt>{t('draw.pools')}</dt><dd>{draw.pools.map((p) => (p.share ? `${t(`draw.poolNames.${p.code}`)} (${Math.round(p.share * 100)}%)` : t(`draw.poolNames.${p.code}`))).join(' · ')}</dd>
        </dl>
        <h2>{t('draw.seedInputs')}</h2>
        {draw.seed ? (
          <dl className="facts">
            <dt>{t('draw.randomValue')}</dt><dd className="hash" dir="ltr">{draw.randomValue}</dd>
            <dt>{t('draw.randomSource')}</dt><dd>{draw.randomSource}</dd>
            <dt>{t('draw.seed')}</dt><dd className="hash" dir="ltr">{draw.seed}</dd>
          </dl>
        ) : <p>{t('draw.awaitingValue')}</p>}
        <p className="muted">{t('draw.whyFair')}</p>
      </section>

      <section className="card" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('draw.verifyTitle')}</h2>
        <InclusionCheck season={season} root={draw.commitment.merkleRoot} />
        <h3>{t('draw.recompute')}</h3>
        <p>{t('draw.recomputeHow')}</p>
        <pre dir="ltr">{`npx manasik draw verify ${window.location.origin}/api/v1/seasons/${season}/draw/files`}</pre>
        <ul>{files.map((f) => <li key={f}><a href={`/api/v1/seasons/${season}/draw/files/${f}`} dir="ltr">{f}</a></li>)}</ul>
      </section>

      {draw.summary && (
        <section className="card" aria-labelledby="results-title">
          <h2 id="results-title">{t('draw.results')}</h2>
          <ResultCharts tables={draw.summary.tables} />
          <h2>{t('draw.fairness')}</h2>
          <p className="muted">{t('draw.fairnessIntro')}</p>
          <FairnessAudit audit={draw.summary.fairness} />
        </section>
      )}
    </div>
  );
}
