import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { number, percent, seasonLabel } from '../../lib/format.ts';
import { Alert, Loaded } from '../../ui/problem.tsx';
import { SeasonPicker } from '../../ui/season-picker.tsx';
import { BeaconCheck } from './beacon-check.tsx';
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
      {(d) => {
        const c = d.commitment;
        if (!c) return <Alert kind="info">{t('draw.oldAlgorithm')}</Alert>;
        const r = c.randomness;
        const firstTime = d.pools.find((p) => p.code === 'first_time');
        return (
          <>
            <section className="card">
              <p className="lead">{t('draw.publicIntro')}</p>
              <p><span className="badge ok">{t(`draw.states.${d.status}`)}</span></p>
              <h2>{t('draw.howTitle')}</h2>
              <ol className="steps">
                <li><strong>{t('draw.how.sealed.title')}</strong> {t('draw.how.sealed.text')}</li>
                <li><strong>{t('draw.how.chosen.title')}</strong> {r.kind === 'drand'
                  ? t('draw.how.chosen.text', { round: r.round, roundTime: formatDate(r.roundTime, { time: true }) })
                  : t('draw.how.declared', { description: r.description })}</li>
                <li><strong>{t('draw.how.checked.title')}</strong> {r.kind === 'drand' ? t('draw.how.checked.text', { round: r.round }) : t('draw.how.checked.declared')}</li>
                <li><strong>{t('draw.how.seed.title')}</strong> {t('draw.how.seed.text')}</li>
                <li><strong>{t('draw.how.order.title')}</strong> {t('draw.how.order.text')}</li>
                <li><strong>{t('draw.how.seats.title')}</strong> {firstTime?.share ? t('draw.how.seats.text', { share: percent(firstTime.share) }) : t('draw.how.seats.noPool')}</li>
                <li><strong>{t('draw.how.anyone.title')}</strong> {t('draw.how.anyone.text')}</li>
              </ol>
              <p className="muted">{t('draw.whyFair')}</p>
            </section>

            <section className="card">
              <h2>{t('draw.commitment')}</h2>
              <dl className="facts">
                <dt>{t('draw.frozenAt')}</dt><dd>{formatDate(c.frozenAt, { time: true })}</dd>
                <dt>{t('draw.entries')}</dt><dd>{number(c.entryCount)}</dd>
                <dt>{t('draw.root')}</dt><dd className="hash" dir="ltr">{c.merkleRoot}</dd>
                <dt>{t('draw.parametersHash')}</dt><dd className="hash" dir="ltr">{c.parametersHash}</dd>
                <dt>{t('draw.pools')}</dt><dd>{d.pools.map((p) => (p.share ? `${t(`draw.poolNames.${p.code}`)} (${percent(p.share)})` : t(`draw.poolNames.${p.code}`))).join(' · ')}</dd>
                {r.kind === 'drand' ? (
                  <>
                    <dt>{t('draw.namedRound')}</dt>
                    <dd>{t('draw.roundOf', { round: r.round, chain: r.chain })} · {formatDate(r.roundTime, { time: true })} · <a href={r.url} dir="ltr" rel="noreferrer">{t('draw.atItsSource')}</a></dd>
                  </>
                ) : (
                  <><dt>{t('draw.declaredSource')}</dt><dd>{r.description}</dd></>
                )}
              </dl>
              <h2>{t('draw.seedInputs')}</h2>
              {d.seedFile ? (
                <>
                  <dl className="facts">
                    <dt>{t('draw.randomValue')}</dt><dd className="hash" dir="ltr">{d.seedFile.value}</dd>
                    <dt>{t('draw.seed')}</dt><dd className="hash" dir="ltr">{d.seedFile.seed}</dd>
                  </dl>
                  <h3>{t('draw.beacon.title')}</h3>
                  <BeaconCheck season={season} />
                </>
              ) : <p>{t('draw.awaitingValue')}</p>}
            </section>

            <section className="card" aria-labelledby="verify-title">
              <h2 id="verify-title">{t('draw.verifyTitle')}</h2>
              <InclusionCheck season={season} root={c.merkleRoot} />
              <h3>{t('draw.recompute')}</h3>
              <p>{t('draw.recomputeHow')}</p>
              <pre dir="ltr" className="hash">{`npx manasik draw verify ${window.location.origin}/api/v1/seasons/${season}/draw/files\npython3 tools/verify-draw/verify.py ${window.location.origin}/api/v1/seasons/${season}/draw/files`}</pre>
              <ul>{files.map((f) => <li key={f}><a href={`/api/v1/seasons/${season}/draw/files/${f}`} dir="ltr">{f}</a> · <a href={`/api/v1/seasons/${season}/draw/files/${f.replace(/\.(json|ndjson)$/, '.schema.json')}`} dir="ltr">{t('draw.schema')}</a></li>)}</ul>
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
        );
      }}
    </Loaded>
  );
}
