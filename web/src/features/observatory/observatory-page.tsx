import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { useSession } from '../../lib/session.tsx';
import { BarChart, LineChart } from '../../ui/charts.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ProblemAlert } from '../../ui/problem.tsx';
import { Interval, percent } from './figures.tsx';
import './observatory.css';

type Query = NonNullable<paths['/api/v1/observatory/indicators']['get']['parameters']['query']>;
type Group = paths['/api/v1/observatory/indicators']['get']['responses'][200]['content']['application/json']['groups'][number];
type Figure = { value: number | null; low?: number; high?: number; n?: number | null; publishable?: boolean; withheld?: string };
const dims = ['provider', 'package', 'stage', 'country', 'language'] as const;

/**
 * The observatory: every indicator by provider, package, stage, country or language, with its
 * 95 % interval; groups under 10 people are not shown; a click on a provider drills into its
 * stages; the daily series; CSV export. Missions see their own country only (the server decides).
 */
export function ObservatoryPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const [by, setBy] = useState<Query['by']>('provider');
  const [provider, setProvider] = useState<string | null>(null);
  const [programme, setProgramme] = useState<'' | 'hajj' | 'umrah' | 'rawdah'>('');
  const query: Query = { by, ...(provider ? { provider } : {}), ...(programme ? { programme } : {}) };
  const indicators = $api.useQuery('get', '/api/v1/observatory/indicators', { params: { query } });
  const series = $api.useQuery('get', '/api/v1/observatory/series', { params: { query: { ...(provider ? { provider } : {}), ...(programme ? { programme } : {}) } } });
  const groups = indicators.data?.groups ?? [];
  const label = (g: Group) => (g.key === null ? t('observatory.dash.none') : by === 'stage' ? t(`observatory.stages.${g.key}`, { defaultValue: g.key }) : by === 'language' ? (new Intl.DisplayNames([document.documentElement.lang || 'ar'], { type: 'language' }).of(g.key) ?? g.key) : by === 'country' ? (new Intl.DisplayNames([document.documentElement.lang || 'ar'], { type: 'region' }).of(g.key) ?? g.key) : g.key.slice(0, 8));
  const csvQuery = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();

  return (
    <div className="stack observatory">
      <section className="card">
        <h1>{t(account?.role === 'mission_officer' ? 'observatory.dash.missionTitle' : 'observatory.dash.title')}</h1>
        <p className="muted">{t('observatory.dash.intro', { min: indicators.data?.privacyMin ?? 10, publish: indicators.data?.publishMin ?? 30 })}</p>
        <div className="row wrap">
          <label>{t('observatory.dash.by')}
            <select value={by} onChange={(e) => setBy(e.target.value as Query['by'])}>{dims.map((d) => <option key={d} value={d}>{t(`observatory.dims.${d}`)}</option>)}</select>
          </label>
          <label>{t('observatory.dash.programme')}
            <select value={programme} onChange={(e) => setProgramme(e.target.value as typeof programme)}>
              <option value="">{t('observatory.dash.allProgrammes')}</option>
              {(['hajj', 'umrah', 'rawdah'] as const).map((p) => <option key={p} value={p}>{t(`observatory.programmes.${p}`)}</option>)}
            </select>
          </label>
          {provider && <button type="button" className="secondary small" onClick={() => { setProvider(null); setBy('provider'); }}>{t('observatory.dash.allProviders')}</button>}
          <a className="button secondary small" href={`/api/v1/observatory/indicators.csv?${csvQuery}`} download>{t('observatory.dash.csv')}</a>
        </div>
        {provider && <p>{t('observatory.dash.drilled', { provider: provider.slice(0, 8) })}</p>}
      </section>
      {indicators.error ? <ProblemAlert error={indicators.error} /> : null}
      {indicators.data && (
        <section className="card">
          {groups.length > 0 && (
            <BarChart
              title={t('observatory.dash.csatBy', { by: t(`observatory.dims.${by}`) })}
              valueLabel={t('observatory.figures.csat')}
              max={1}
              format={percent}
              rows={groups.filter((g) => (g.indicators.csat as Figure).value !== null).slice(0, 20).map((g) => {
                const f = g.indicators.csat as Figure;
                return { key: g.key ?? '-', label: label(g), value: f.value!, text: `${percent(f.value!)} (${percent(f.low!)}–${percent(f.high!)}, n=${f.n})` };
              })}
            />
          )}
          <DataTable
            caption={t('observatory.dash.table')}
            rows={groups}
            rowKey={(g) => g.key ?? '-'}
            empty={<p className="muted">{t('observatory.dash.empty', { withheld: indicators.data.withheldGroups })}</p>}
            columns={[
              { key: 'g', header: t(`observatory.dims.${by}`), cell: (g) => (by === 'provider' && g.key ? <button type="button" className="link" onClick={() => { setProvider(g.key); setBy('stage'); }}>{label(g)}</button> : label(g)) },
              { key: 'csat', header: t('observatory.figures.csat'), cell: (g) => <Interval figure={g.indicators.csat as Figure} /> },
              { key: 'nps', header: t('observatory.figures.nps'), cell: (g) => <Interval figure={g.indicators.nps as Figure} points /> },
              { key: 'rr', header: t('observatory.figures.responseRate'), cell: (g) => <Interval figure={g.indicators.responseRate as Figure} /> },
              { key: 'cpt', header: t('observatory.figures.complaintsPerThousand'), cell: (g) => ((g.indicators.complaintsPerThousand as Figure).value ?? '—') },
              { key: 'adh', header: t('observatory.figures.adherence'), cell: (g) => <Interval figure={g.indicators.adherence as Figure} /> },
              { key: 'fa', header: t('observatory.figures.medianFirstAnswer'), cell: (g) => (g.indicators.medianFirstAnswerMinutes == null ? '—' : `${Math.round(g.indicators.medianFirstAnswerMinutes)}′`) },
            ]}
          />
          {indicators.data.withheldGroups > 0 && groups.length > 0 && <p className="muted small">{t('observatory.dash.withheld', { count: indicators.data.withheldGroups })}</p>}
        </section>
      )}
      {series.data && series.data.some((d) => d.responses !== null) && (
        <section className="card">
          <LineChart
            title={t('observatory.dash.series')}
            xKey="day"
            xLabel={t('observatory.dash.day')}
            format={(v) => `${Math.round(v)}`}
            series={[{ key: 'csat', label: t('observatory.figures.csatPercent') }, { key: 'nps', label: t('observatory.figures.nps') }]}
            data={series.data.filter((d) => d.responses !== null).map((d) => ({ day: d.day, csat: Math.round(((d.csat as Figure).value ?? 0) * 100), nps: (d.nps as Figure).value ?? 0 }))}
          />
        </section>
      )}
    </div>
  );
}
