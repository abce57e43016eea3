import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { countryName, number } from '../../lib/format.ts';
import type { Account } from '../../lib/session.tsx';
import { Alert, Loaded } from '../../ui/problem.tsx';
import { seasonName, useCodeLabels } from './code-labels.ts';
import { SeasonBuilding } from './season-figures.tsx';
import { StatBlock, type Presentation } from './stat-block.tsx';
import { defaultSeason, tableOf } from './stat-tables.ts';
import { SeasonSelect, SmallCells } from './statistics-page.tsx';
import type { CountryTables, SeasonEntry } from './types.ts';

const blocks: [id: string, presentation: Presentation][] = [
  ['gender', { chart: 'bar' }],
  ['age_by_gender', { chart: 'grouped' }],
  ['arrival_mode', { chart: 'bar' }],
  ['makkah_route', { chart: 'bar' }],
  ['entry_port', { chart: 'bar', top: 8 }],
  ['arrival_date', { chart: 'line' }],
];

/** A mission's own country in a season's statistics: its pilgrims from abroad by gender, age, arrival, port, day and the Makkah Route. */
export function MissionStatisticsPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const list = $api.useQuery('get', '/api/v1/statistics/hajj', {}, { refetchInterval: (q) => (q.state.data?.some((s) => s.status === 'building') ? 3_000 : false) });
  const country = countryName(account.countryCode ?? '');
  return (
    <Loaded query={list}>
      {(all) => {
        // A season with only the official figures has no records to count a country in.
        const seasons = all.filter((s) => s.status !== 'none');
        const code = defaultSeason(seasons, params.get('season'));
        const entry = seasons.find((s) => s.season === code);
        return (
          <div className="stack">
            <section className="card">
              <div className="page-head">
                <h1>{t('statistics.missionTitle', { country })}</h1>
                <SeasonSelect seasons={seasons} value={code} onChange={(c) => setParams({ season: c }, { replace: true })} />
              </div>
              <p className="lead">{t('statistics.missionIntro')}</p>
              <p><Link to="/mission">{t('statistics.backToMission')}</Link> · <Link to={code ? `/statistics?season=${code}` : '/statistics'}>{t('statistics.publicLink')}</Link></p>
            </section>
            {!entry ? <Alert kind="info">{t('statistics.nothingYet')}</Alert>
              : entry.status === 'building' ? <SeasonBuilding entry={entry} />
              : <CountrySeason key={entry.season} entry={entry} country={country} />}
            <SmallCells />
          </div>
        );
      }}
    </Loaded>
  );
}

function CountrySeason({ entry, country }: { entry: SeasonEntry; country: string }) {
  const query = $api.useQuery('get', '/api/v1/statistics/hajj/{season}/mission', { params: { path: { season: entry.season } } });
  return <Loaded query={query}>{(data) => <CountryTablesView entry={entry} data={data} country={country} />}</Loaded>;
}

function CountryTablesView({ entry, data, country }: { entry: SeasonEntry; data: CountryTables; country: string }) {
  const { t } = useTranslation();
  const label = useCodeLabels(data.labels);
  const total = tableOf(data.tables, 'total');
  if (total?.total === 0) return <Alert kind="info">{t('statistics.missionNone', { country, season: seasonName(entry) })}</Alert>;
  const note = (n: number | null) => t('statistics.missionPopulation', { country, total: n === null ? t('statistics.withheld.C') : number(n) });
  return (
    <section className="card" aria-labelledby="country-title">
      <h2 id="country-title">{t('statistics.seasonInFigures', { season: seasonName(entry) })}</h2>
      <p className="lead">{note(total?.total ?? null)}</p>
      {blocks.map(([id, presentation]) => {
        const table = tableOf(data.tables, id);
        return table && <StatBlock key={id} table={table} title={t(`statistics.tables.${id}`)} label={label} presentation={presentation} note={note(table.total)} />;
      })}
    </section>
  );
}
