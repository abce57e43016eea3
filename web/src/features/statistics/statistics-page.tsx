import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { number } from '../../lib/format.ts';
import { useOperations } from '../../lib/operations.ts';
import { Select } from '../../ui/fields.tsx';
import { Alert, Loaded } from '../../ui/problem.tsx';
import { dayName, seasonName, useCodeLabels } from './code-labels.ts';
import { OpenData } from './open-data.tsx';
import { OfficialComparison, OfficialOnly, SeasonBuilding, YearOnYear } from './season-figures.tsx';
import { StatBlock, type Presentation } from './stat-block.tsx';
import { defaultSeason, tableOf } from './stat-tables.ts';
import type { SeasonEntry, SeasonList, SeasonTables } from './types.ts';

/** The season's tables in the order a reader asks about them: who came, from where, how and when, and who has left. */
const sections: { key: string; tables: [id: string, presentation: Presentation][] }[] = [
  { key: 'who', tables: [['residence', { chart: 'bar' }], ['gender', { chart: 'bar' }], ['gender_by_residence', { chart: 'grouped', rowAxis: 1 }], ['age_by_gender', { chart: 'grouped' }]] },
  { key: 'from', tables: [['foreign_by_region', { chart: 'bar' }], ['nationality', { chart: 'bar', top: 15 }], ['nationality_by_arrival', { chart: 'grouped', top: 8 }], ['region_by_arrival', { chart: 'grouped' }]] },
  { key: 'arrival', tables: [['foreign_by_arrival', { chart: 'bar' }], ['makkah_route', { chart: 'bar' }], ['entry_port', { chart: 'bar', top: 8 }], ['port_by_date', { chart: 'line', rowAxis: 1, topSeries: 4 }], ['residence_by_date', { chart: 'line', rowAxis: 1 }]] },
  { key: 'departure', tables: [['departures_by_port_date', { chart: 'line', rowAxis: 1, topSeries: 4 }]] },
];

/**
 * The public statistics of the Hajj seasons: a season's official tables and
 * cross-tables as charts with their tables (small counts withheld), the
 * official figures beside the platform's, every season year on year, and the
 * open data. A season still being built shows its progress until it is ready.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // While a season is being built its progress is followed here; its tables are asked for only once it is complete.
  const list = $api.useQuery('get', '/api/v1/statistics/hajj', {}, { refetchInterval: (q) => (q.state.data?.some((s) => s.status === 'building') ? 3_000 : false) });
  return (
    <Loaded query={list}>
      {(seasons) => {
        const code = defaultSeason(seasons, params.get('season'));
        const entry = seasons.find((s) => s.season === code);
        return (
          <div className="stack">
            <section className="card">
              <div className="page-head">
                <h1>{t('statistics.hajjTitle')}</h1>
                <SeasonSelect seasons={seasons} value={code} onChange={(c) => setParams({ season: c }, { replace: true })} />
              </div>
              <p className="lead">{t('statistics.intro')}</p>
              <p><Link to="/statistics/umrah">{t('statistics.umrahLink')}</Link></p>
            </section>
            {!entry ? <Alert kind="info">{t('statistics.nothingYet')}</Alert>
              : entry.status === 'building' ? <SeasonBuilding entry={entry} />
              : entry.status === 'none' ? <OfficialOnly entry={entry} />
              : <CompleteSeason key={entry.season} entry={entry} />}
            <YearOnYear seasons={seasons} />
            {entry?.status === 'complete' && <OpenData season={entry.season} />}
            <SmallCells />
          </div>
        );
      }}
    </Loaded>
  );
}

/** The seasons by their names in both calendars ("1444 هـ / 2023"). */
export function SeasonSelect({ seasons, value, onChange }: { seasons: SeasonList; value: string | null; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  if (seasons.length <= 1) return null;
  return (
    <div className="season-picker">
      <Select label={t('common.season')} name="season" value={value ?? ''} onChange={onChange}>
        {seasons.map((s) => <option key={s.season} value={s.season}>{seasonName(s)}</option>)}
      </Select>
    </div>
  );
}

function CompleteSeason({ entry }: { entry: SeasonEntry }) {
  const { t } = useTranslation();
  const { can } = useOperations();
  const mayReadAll = can('GET /api/v1/statistics/hajj/{season}/full');
  const [all, setAll] = useState(false);
  const path = { params: { path: { season: entry.season } } };
  const open = $api.useQuery('get', '/api/v1/statistics/hajj/{season}', path, { enabled: !all });
  const full = $api.useQuery('get', '/api/v1/statistics/hajj/{season}/full', path, { enabled: all });
  return (
    <>
      {mayReadAll && (
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('statistics.showAll')}
        </label>
      )}
      <Loaded query={all ? full : open}>{(data) => <SeasonTablesView entry={entry} data={data} />}</Loaded>
    </>
  );
}

function SeasonTablesView({ entry, data }: { entry: SeasonEntry; data: SeasonTables }) {
  const { t } = useTranslation();
  const label = useCodeLabels(data.labels);
  const total = tableOf(data.tables, 'total');
  return (
    <>
      <section className="card" aria-labelledby="season-title">
        <h2 id="season-title">{t('statistics.seasonInFigures', { season: seasonName(entry) })}</h2>
        {data.disclosure === 'full' && <Alert kind="warning">{t('statistics.fullWarning')}</Alert>}
        <p className="lead">{total?.total != null ? t('statistics.totalPilgrims', { total: number(total.total) }) : t('statistics.withheld.C')}</p>
        <dl className="facts two-col">
          <dt>{t('statistics.dayOfArafah')}</dt><dd>{dayName(data.dayOfArafah)}</dd>
          <dt>{t('statistics.computedAt')}</dt><dd>{formatDate(data.computedAt, { time: true })}</dd>
          <dt>{t('statistics.sources')}</dt>
          <dd>{Object.entries(data.sources).map(([source, n]) => t('statistics.sourceCount', { source: t(`statistics.sourceNames.${source}`, { defaultValue: source }), n: number(n) })).join(' · ')}</dd>
        </dl>
        <h3>{t('statistics.againstOfficial')}</h3>
        <OfficialComparison entry={entry} />
      </section>
      {sections.map((s) => {
        const present = s.tables.filter(([id]) => tableOf(data.tables, id));
        if (present.length === 0) return null;
        return (
          <section key={s.key} className="card" aria-labelledby={`section-${s.key}`}>
            <h2 id={`section-${s.key}`}>{t(`statistics.sections.${s.key}`)}</h2>
            {present.map(([id, presentation]) => {
              const table = tableOf(data.tables, id)!;
              if (id === 'departures_by_port_date' && table.total === 0) return <p key={id}>{t('statistics.noDepartures')}</p>;
              return <StatBlock key={id} table={table} title={t(`statistics.tables.${id}`)} label={label} presentation={presentation} />;
            })}
          </section>
        );
      })}
    </>
  );
}

/** The rule for small counts, in words: why a cell says "withheld" and what C and D mean. */
export function SmallCells() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="small-cells-title">
      <h2 id="small-cells-title">{t('statistics.smallCellsTitle')}</h2>
      <p>{t('statistics.smallCellsIntro')}</p>
      <dl className="facts">
        <dt>C</dt><dd>{t('statistics.flagC')}</dd>
        <dt>D</dt><dd>{t('statistics.flagD')}</dd>
      </dl>
      <p className="muted">{t('statistics.smallCellsZero')}</p>
    </section>
  );
}
