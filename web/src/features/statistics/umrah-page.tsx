import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { number, percent } from '../../lib/format.ts';
import { BarChart } from '../../ui/charts.tsx';
import { Select } from '../../ui/fields.tsx';
import { Alert, Loaded } from '../../ui/problem.tsx';
import { useCodeLabels } from './code-labels.ts';
import { StatBlock, type Presentation } from './stat-block.tsx';
import { SmallCells } from './statistics-page.tsx';
import type { UmrahYear } from './types.ts';

/** The years the Umrah statistics cover (the API's range). */
const FIRST_YEAR = 2019;
const LAST_YEAR = 2035;

const blocks: [id: string, presentation: Presentation][] = [
  ['umrah_by_month_gender', { chart: 'grouped' }],
  ['umrah_by_month_residence', { chart: 'grouped' }],
  ['umrah_by_month_nationality', { chart: 'line', topSeries: 5 }],
  ['rawdah_by_month_gender', { chart: 'grouped' }],
  ['rawdah_by_month_nationality', { chart: 'line', topSeries: 5 }],
];

/** The year a page opens on: the one in the address if covered, else this year (within the range covered). */
function chosenYear(asked: string | null): number {
  const n = Number(asked);
  if (Number.isInteger(n) && n >= FIRST_YEAR && n <= LAST_YEAR) return n;
  return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, new Date().getFullYear()));
}

/**
 * Umrah performers and Rawdah visitors by month, gender and nationality, from
 * the permits used at the gates, against the national targets. A year in
 * which no permit has been used says so instead of showing empty charts.
 */
export function UmrahStatisticsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = chosenYear(params.get('year'));
  const query = $api.useQuery('get', '/api/v1/statistics/umrah/{year}', { params: { path: { year } } });
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => LAST_YEAR - i);
  return (
    <div className="stack">
      <section className="card">
        <div className="page-head">
          <h1>{t('statistics.umrahTitle')}</h1>
          <div className="season-picker">
            <Select label={t('statistics.year')} name="year" value={String(year)} onChange={(y) => setParams({ year: y }, { replace: true })}>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </Select>
          </div>
        </div>
        <p className="lead">{t('statistics.umrahIntro')}</p>
        <p><Link to="/statistics">{t('statistics.hajjLink')}</Link></p>
      </section>
      <Loaded query={query}>{(data) => <UmrahYearView data={data} />}</Loaded>
      <SmallCells />
    </div>
  );
}

function UmrahYearView({ data }: { data: UmrahYear }) {
  const { t } = useTranslation();
  const label = useCodeLabels();
  const people = t('statistics.people');
  const used = data.available && data.tables.some((x) => x.total !== 0);
  return (
    <>
      <section className="card" aria-labelledby="targets-title">
        <h2 id="targets-title">{t('statistics.targetsTitle')}</h2>
        <ul className="review-list">
          {data.targets.map((x) => <li key={x.year}>{t('statistics.targetLine', { year: x.year, target: number(x.foreignUmrahPilgrims) })}</li>)}
        </ul>
        {!used ? (
          <Alert kind="info">{t('statistics.noPermitUsed', { year: data.year })}</Alert>
        ) : data.target !== null && data.foreignUmrahPilgrims !== null ? (
          <>
            <p className="lead">{t('statistics.againstTarget', { people: number(data.foreignUmrahPilgrims), target: number(data.target), share: percent(data.shareOfTarget ?? 0, 2), year: data.year })}</p>
            <BarChart title={t('statistics.targetChart', { year: data.year })} valueLabel={people} max={data.target} rows={[
              { key: 'recorded', label: t('statistics.foreignPerformers'), value: data.foreignUmrahPilgrims },
              { key: 'target', label: t('statistics.target'), value: data.target },
            ]} />
          </>
        ) : (
          <p className="lead">{t('statistics.noTargetThisYear', { people: number(data.foreignUmrahPilgrims ?? 0), year: data.year })}</p>
        )}
      </section>
      {used && (
        <section className="card" aria-labelledby="months-title">
          <h2 id="months-title">{t('statistics.byMonth', { year: data.year })}</h2>
          {blocks.map(([id, presentation]) => {
            const table = data.tables.find((x) => x.id === id);
            return table && <StatBlock key={id} table={table} title={t(`statistics.tables.${id}`)} label={label} presentation={presentation}
              note={t(id.startsWith('rawdah') ? 'statistics.rawdahPopulation' : 'statistics.umrahPopulation', { total: table.total === null ? t(`statistics.withheld.${table.totalFlag ?? 'C'}`) : number(table.total) })} />;
          })}
        </section>
      )}
    </>
  );
}
