import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api, call, client } from '../../api/client.ts';
import { useOperations } from '../../lib/operations.ts';
import type { Account } from '../../lib/session.tsx';
import { countryName, languageName, number, seasonLabel } from '../../lib/format.ts';
import { BarChart } from '../../ui/charts.tsx';
import { Field, Select } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';
import { SeasonPicker, useSeasonChoice } from '../../ui/season-picker.tsx';
import { DemandBars } from '../pilgrim/application-page.tsx';
import { locales } from '../../../../src/common/i18n.ts';

/** A mission writes its requirements in the platform's languages (src/common/i18n.ts). */
const requirementLanguages = locales;

/** Jusoor: one country's quota, demand, eligibility, draw outcomes, bookings and visa readiness, as charts, in any season. */
export function MissionPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const draws = $api.useQuery('get', '/api/v1/draws');
  // The season the mission is busy with: the newest with a draw, else the newest.
  const choice = useSeasonChoice((draws.data ?? []).map((d) => d.season));
  const country = countryName(account.countryCode ?? '');
  const { can } = useOperations();
  return (
    <div className="stack">
      <section className="card">
        <div className="page-head">
          <h1>{t('missionPortal.title', { country })}</h1>
          <SeasonPicker codes={choice.codes} value={choice.code} onChange={choice.choose} />
        </div>
        {can('GET /api/v1/statistics/hajj/{season}/mission') && <p><Link to="/mission/statistics">{t('statistics.missionLink', { country })}</Link></p>}
      </section>
      {choice.code && <SeasonOverview key={choice.code} season={choice.code} />}
      <Requirements />
    </div>
  );
}

function SeasonOverview({ season }: { season: string }) {
  const { t } = useTranslation();
  const q = { params: { query: { season } } };
  const overview = $api.useQuery('get', '/api/v1/missions/overview', q);
  const readiness = $api.useQuery('get', '/api/v1/missions/visa-readiness', q);
  const [problem, setProblem] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState<{ marked: number; waiting: number } | null>(null);
  return (
    <Loaded query={overview}>
      {(data) => (
        <>
          <section className="card">
            <h2>{t('missionPortal.quota')} — {seasonLabel(season)}</h2>
            <BarChart title={t('missionPortal.quota')} valueLabel={t('missionPortal.pilgrims')} rows={[
              { key: 'quota', label: t('missionPortal.quotaSeats'), value: data.quota },
              { key: 'registered', label: t('missionPortal.registered'), value: data.pilgrims },
              { key: 'eligible', label: t('missionPortal.eligiblePilgrims'), value: data.eligiblePilgrims },
            ]} />
            <p>{t('missionPortal.applications', { count: data.applications, n: number(data.applications) })}</p>
            <h2>{t('missionPortal.failures')}</h2>
            {Object.keys(data.failuresByRule).length === 0 ? <p>{t('missionPortal.noFailures')}</p> : (
              <BarChart title={t('missionPortal.failures')} valueLabel={t('missionPortal.pilgrims')}
                rows={Object.entries(data.failuresByRule).map(([code, count]) => ({ key: code, label: t(`rules.${code}`), value: count }))} />
            )}
          </section>
          <section className="card">
            <h2>{t('missionPortal.allocation')}</h2>
            {data.draw ? (
              <BarChart title={t('missionPortal.allocation')} valueLabel={t('missionPortal.pilgrims')} rows={[
                { key: 'won', label: t('missionPortal.wonLabel'), value: data.draw.won.pilgrims, text: t('missionPortal.familiesPilgrims', { families: number(data.draw.won.families), pilgrims: number(data.draw.won.pilgrims) }) },
                { key: 'waiting', label: t('missionPortal.waitingLabel'), value: data.draw.waiting.pilgrims, text: t('missionPortal.familiesPilgrims', { families: number(data.draw.waiting.families), pilgrims: number(data.draw.waiting.pilgrims) }) },
                ...Object.entries(data.bookings).map(([status, b]) => ({ key: status, label: t(`missionPortal.statuses.${status}`), value: b.seats, text: t('missionPortal.familiesSeats', { families: number(b.families), seats: number(b.seats) }) })),
              ]} />
            ) : <p>{t('missionPortal.drawPending')}</p>}
          </section>
          <section className="card">
            <h2>{t('missionPortal.visa')}</h2>
            <ProblemAlert error={problem} />
            {submitted && <Alert kind="success">{t('missionPortal.submitted', { marked: submitted.marked, waiting: submitted.waiting })}</Alert>}
            {readiness.data && readiness.data.length > 0 ? (
              <>
                <BarChart title={t('missionPortal.visa')} valueLabel={t('missionPortal.pilgrims')} max={readiness.data.length}
                  rows={(['ready', 'bookingConfirmed', 'documentsApproved', 'vaccinationValid'] as const).map((k) => {
                    const n = readiness.data.filter((r) => r[k]).length;
                    return { key: k, label: t(`missionPortal.readiness.${k}`), value: n, text: `${number(n)} / ${number(readiness.data.length)}` };
                  })} />
                <p className="actions">
                  <a className="button secondary" href={`/api/v1/missions/visa-readiness.csv?season=${season}`} download>{t('missionPortal.readinessCsv')}</a>
                  <button type="button" className="primary" onClick={async () => {
                    setProblem(null);
                    try {
                      setSubmitted(await call(client.POST('/api/v1/missions/visa-ready', { params: { query: { season } } })));
                      void readiness.refetch();
                    } catch (e) {
                      setProblem(e);
                    }
                  }}>{t('missionPortal.submitReady')}</button>
                </p>
              </>
            ) : <p>{t('missionPortal.noBookings')}</p>}
          </section>
          <section className="card">
            <h2>{t('missionPortal.popularity')}</h2>
            <ul className="chart">{data.popularity.map((p) => <li key={p.packageId} className="popularity-row"><span>{p.title}</span><DemandBars p={p} /></li>)}</ul>
          </section>
        </>
      )}
    </Loaded>
  );
}

function Requirements() {
  const { t } = useTranslation();
  const [language, setLanguage] = useState('en');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [published, setPublished] = useState(false);
  return (
    <form className="card" onSubmit={async (e) => {
      e.preventDefault();
      setProblem(null);
      setPublished(false);
      try {
        await call(client.PUT('/api/v1/missions/requirements/{language}', { params: { path: { language } }, body: { body } }));
        setPublished(true);
      } catch (err) {
        setProblem(err);
      }
    }}>
      <h2>{t('missionPortal.requirements')}</h2>
      <ProblemAlert error={problem} />
      {published && <Alert kind="success">{t('missionPortal.published')}</Alert>}
      <Select label={t('missionPortal.language')} name="language" value={language} onChange={setLanguage}>
        {requirementLanguages.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
      </Select>
      <Field multiline label={t('missionPortal.requirementsText')} name="body" lang={language} value={body} onChange={(e) => setBody(e.target.value)} />
      <button type="submit" className="primary">{t('missionPortal.publish')}</button>
    </form>
  );
}
