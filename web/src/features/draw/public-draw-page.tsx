import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { number, percent, seasonLabel } from '../../lib/format.ts';
import { Alert, Loaded } from '../../ui/problem.tsx';
import { SeasonPicker } from '../../ui/season-picker.tsx';
import { FairnessAudit, ResultCharts } from './charts.tsx';
import { InclusionCheck } from './inclusion.tsx';

const files = ['commitment.json', 'parameters.json', 'entries.ndjson', 'seed.json', 'results.ndjson'];

/** The public page of a season's draw: the commitment, the seed's inputs, the results and a verifier; any season with a draw can be chosen. */
export function PublicDrawPage() {
  const { t } = useTranslation();
  const { season: asked } = useParams();
  const navigate = useNavigate();
  const draws = $api.useQuery('get', '/api/v1/draws');
  return (
    <Loaded query={draws}>
      {(list) => {
        const codes = list.map((d) => d.season);
        const season = asked ?? codes[0];
        if (!season) return <Alert kind="info">{t('draw.noneYet')}</Alert>;
        return (
          <div className="stack">
            <div className="page-head">
              <h1>{t('draw.publicTitle', { season: seasonLabel(season) })}</h1>
              <SeasonPicker codes={codes} value={season} onChange={(c) => navigate(`/draw/${c}`)} />
            </div>
            <SeasonDraw key={season} season={season} />
          </div>
        );
      }}
    </Loaded>
  );
}

function SeasonDraw({ season }: { season: string }) {
  const { t } = useTranslation();
  const draw = $api.useQuery('get', '/api/v1/seasons/{code}/draw', { params: { path: { code: season } } });
  return (
    <Loaded query={draw}>
      {(d) => (
        <>
          <section className="card">
            <p className="lead">{t('draw.publicIntro')}</p>
            <p><span className="badge ok">{t(`draw.states.${d.status}`)}</span></p>
            <h2>{t('draw.commitment')}</h2>
            <dl className="facts">
              <dt>{t('draw.frozenAt')}</dt><dd>{formatDate(d.commitment.frozenAt, { time: true })}</dd>
              <dt>{t('draw.entries')}</dt><dd>{number(d.commitment.entryCount)}</dd>
              <dt>{t('draw.root')}</dt><dd className="hash" dir="ltr">{d.commitment.merkleRoot}</dd>
              <dt>{t('draw.parametersHash')}</dt><dd className="hash" dir="ltr">{d.commitment.parametersHash}</dd>
              <dt>{t('draw.pools')}</dt><dd>{d.pools.map((p) => (p.share ? `${t(`draw.poolNames.${p.code}`)} (${percent(p.share)})` : t(`draw.poolNames.${p.code}`))).join(' · ')}</dd>
            </dl>
            <h2>{t('draw.seedInputs')}</h2>
            {d.seed ? (
              <dl className="facts">
                <dt>{t('draw.randomValue')}</dt><dd className="hash" dir="ltr">{d.randomValue}</dd>
                <dt>{t('draw.randomSource')}</dt><dd>{d.randomSource}</dd>
                <dt>{t('draw.seed')}</dt><dd className="hash" dir="ltr">{d.seed}</dd>
              </dl>
            ) : <p>{t('draw.awaitingValue')}</p>}
            <p className="muted">{t('draw.whyFair')}</p>
          </section>

          <section className="card" aria-labelledby="verify-title">
            <h2 id="verify-title">{t('draw.verifyTitle')}</h2>
            <InclusionCheck season={season} root={d.commitment.merkleRoot} />
            <h3>{t('draw.recompute')}</h3>
            <p>{t('draw.recomputeHow')}</p>
            <pre dir="ltr" className="hash">{`npx manasik draw verify ${window.location.origin}/api/v1/seasons/${season}/draw/files`}</pre>
            <ul>{files.map((f) => <li key={f}><a href={`/api/v1/seasons/${season}/draw/files/${f}`} dir="ltr">{f}</a></li>)}</ul>
          </section>

          {d.summary && (
            <section className="card" aria-labelledby="results-title">
              <h2 id="results-title">{t('draw.results')}</h2>
              <ResultCharts tables={d.summary.tables} />
              <h2>{t('draw.fairness')}</h2>
              <p className="muted">{t('draw.fairnessIntro')}</p>
              <FairnessAudit audit={d.summary.fairness} />
            </section>
          )}
        </>
      )}
    </Loaded>
  );
}
