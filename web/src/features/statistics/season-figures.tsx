import { useTranslation } from 'react-i18next';
import { number, percent } from '../../lib/format.ts';
import { BarChart, GroupedBarChart } from '../../ui/charts.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Alert } from '../../ui/problem.tsx';
import { seasonName } from './code-labels.ts';
import { figureRows } from './stat-tables.ts';
import type { Figures, SeasonEntry } from './types.ts';

/** A season whose records are still being loaded: its progress, which the page follows until the tables come. */
export function SeasonBuilding({ entry }: { entry: SeasonEntry }) {
  const { t } = useTranslation();
  const done = entry.build?.done ?? 0;
  const total = entry.build?.total ?? 0;
  const share = total > 0 ? done / total : 0;
  return (
    <section className="card" aria-labelledby="building-title">
      <h2 id="building-title">{t('statistics.buildingTitle', { season: seasonName(entry) })}</h2>
      <div aria-live="polite">
        <p>{t('statistics.buildingText', { done: number(done), total: number(total), share: percent(share, 0) })}</p>
        <progress max={total || 1} value={done} style={{ inlineSize: '100%' }} aria-label={t('statistics.buildingProgress')}>{percent(share, 0)}</progress>
      </div>
      <p className="muted">{t('statistics.buildingWhy')}</p>
    </section>
  );
}

/** The official figures of a season that has no records here: what GASTAT published, drawn the same way. */
export function OfficialOnly({ entry }: { entry: SeasonEntry }) {
  const { t } = useTranslation();
  const f = entry.official;
  if (!f) return <Alert kind="info">{t('statistics.nothingYet')}</Alert>;
  const people = t('statistics.people');
  const bar = (title: string, rows: [string, number][]) => (
    <BarChart title={title} valueLabel={people} rows={rows.map(([key, value]) => ({ key, label: t(`statistics.figures.${key}`), value, text: number(value) }))} />
  );
  return (
    <section className="card" aria-labelledby="official-title">
      <h2 id="official-title">{t('statistics.officialTitle', { season: seasonName(entry) })}</h2>
      <Alert kind="info">{t('statistics.officialOnly')}</Alert>
      <p className="lead">{t('statistics.totalPilgrims', { total: number(f.total) })}</p>
      {bar(t('statistics.tables.residence'), [['foreign', f.residence.foreign], ['domestic', f.residence.domestic]])}
      {bar(t('statistics.tables.gender'), [['male', f.gender.male], ['female', f.gender.female]])}
      {bar(t('statistics.tables.foreign_by_region'), [['arab', f.foreignByRegion.arab], ['asia', f.foreignByRegion.asia], ['africa', f.foreignByRegion.africa], ['europeAmericasOceania', f.foreignByRegion.europeAmericasOceania]])}
      {bar(t('statistics.tables.foreign_by_arrival'), [['air', f.foreignByArrival.air], ['land', f.foreignByArrival.land], ['sea', f.foreignByArrival.sea]])}
      {bar(t('statistics.tables.makkah_route'), [['makkahRoute', f.makkahRoute], ['notMakkahRoute', f.residence.foreign - f.makkahRoute]])}
    </section>
  );
}

/** The platform's figures beside the official ones, figure by figure, and whether they are the same. */
export function OfficialComparison({ entry }: { entry: SeasonEntry }) {
  const { t } = useTranslation();
  if (!entry.official) return <p className="muted">{t('statistics.noOfficial')}</p>;
  if (!entry.figures) return <p className="muted">{t('statistics.officialNotComparable')}</p>;
  const ours = new Map(figureRows(entry.figures).map((r) => [r.key, r.value]));
  const rows = figureRows(entry.official).map((r) => ({ ...r, ours: ours.get(r.key) ?? 0 }));
  return (
    <>
      <p>
        {entry.matchesOfficial
          ? <span className="badge ok">{t('statistics.matches')}</span>
          : <span className="badge warn">{t('statistics.differs')}</span>}
      </p>
      <DataTable caption={t('statistics.comparisonCaption')} rows={rows} rowKey={(r) => r.key} columns={[
        { key: 'figure', header: t('statistics.figure'), cell: (r) => t(`statistics.figures.${r.key}`), rowHeader: true },
        { key: 'ours', header: t('statistics.platform'), cell: (r) => number(r.ours) },
        { key: 'official', header: t('statistics.official'), cell: (r) => number(r.value) },
        { key: 'same', header: t('statistics.agreement'), cell: (r) => (r.ours === r.value ? t('statistics.same') : t('statistics.differsBy', { difference: number(r.ours - r.value) })) },
      ]} />
    </>
  );
}

/** Every season side by side: the platform's figures where it has them, else the official ones, and whether the two agree. */
export function YearOnYear({ seasons }: { seasons: readonly SeasonEntry[] }) {
  const { t } = useTranslation();
  const known = seasons.filter((s) => s.figures ?? s.official).slice().reverse();
  if (known.length === 0) return null;
  const figuresOf = (s: SeasonEntry) => (s.figures ?? s.official) as Figures;
  const data = known.map((s) => ({ x: seasonName(s), total: figuresOf(s).total, foreign: figuresOf(s).residence.foreign, domestic: figuresOf(s).residence.domestic }));
  const agreement = (s: SeasonEntry) => {
    if (s.status === 'building') return t('statistics.stateBuilding');
    if (!s.figures) return t('statistics.officialOnlyShort');
    if (!s.official) return t('statistics.platformOnly');
    return s.matchesOfficial ? t('statistics.matches') : t('statistics.differs');
  };
  return (
    <section className="card" aria-labelledby="yoy-title">
      <h2 id="yoy-title">{t('statistics.yearOnYear')}</h2>
      <p className="muted">{t('statistics.yearOnYearIntro')}</p>
      <GroupedBarChart title={t('statistics.yearOnYear')} data={data} xKey="x" xLabel={t('common.season')}
        series={[{ key: 'total', label: t('statistics.figures.total') }, { key: 'foreign', label: t('statistics.figures.foreign') }, { key: 'domestic', label: t('statistics.figures.domestic') }]} />
      <DataTable caption={t('statistics.yearOnYear')} rows={known.slice().reverse()} rowKey={(s) => s.season} columns={[
        { key: 'season', header: t('common.season'), cell: (s) => seasonName(s), rowHeader: true },
        { key: 'platform', header: t('statistics.platform'), cell: (s) => (s.figures ? number(s.figures.total) : '—') },
        { key: 'official', header: t('statistics.official'), cell: (s) => (s.official ? number(s.official.total) : '—') },
        { key: 'agreement', header: t('statistics.agreement'), cell: agreement },
      ]} />
    </section>
  );
}
