import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { number, percent } from '../../lib/format.ts';
import { BarChart, GroupedBarChart, LineChart } from '../../ui/charts.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Alert } from '../../ui/problem.tsx';
import type { CodeLabel } from './code-labels.ts';
import { grid, largestCols, largestRows, oneWay, seriesData, shareOf, wholeWithheld, withheldCells, type Grid, type Shown } from './stat-tables.ts';
import type { Flag, StatTable } from './types.ts';

/** How a table is drawn: bars for a one-way table, grouped bars or lines for a two-way one. */
export interface Presentation {
  chart: 'bar' | 'grouped' | 'line';
  /** Two-way tables: the dimension along the chart's axis and down the table's rows (the other gives the series and columns). */
  rowAxis?: 0 | 1;
  /** The chart shows at most this many bars or groups, the largest; the table shows every row. */
  top?: number;
  /** The chart draws at most this many series, the largest. */
  topSeries?: number;
}

/** A count, or the words for a withheld one (never a number). */
export function CellText({ shown }: { shown: Shown }) {
  const { t } = useTranslation();
  if (shown.value !== null) return <>{number(shown.value)}</>;
  return <em>{t(`statistics.withheld.${shown.flag ?? 'C'}`)}</em>;
}

/** The withheld cells beside a chart, in words: which, and why (C or D). */
function WithheldNote({ table, label }: { table: StatTable; label: CodeLabel }) {
  const { t } = useTranslation();
  const cells = withheldCells(table);
  if (cells.length === 0) return null;
  const count = (flag: Flag) => cells.filter((c) => c.flag === flag).length;
  if (cells.length > 6) {
    return <p className="muted">{t('statistics.manyWithheld', { count: cells.length, c: number(count('C')), d: number(count('D')) })}</p>;
  }
  const name = (key: string[]) => key.map((code, i) => label(table.dimensions[i]!, code)).join(' · ');
  return (
    <div className="muted">
      <p>{t('statistics.notDrawn')}</p>
      <ul>{cells.map((c) => <li key={c.key.join('|')}>{name(c.key)}: {t(`statistics.withheld.${c.flag}`)}</li>)}</ul>
    </div>
  );
}

/** A long table folds away (its chart shows the largest rows); a short one is shown as it is. */
function Fold({ rows, children }: { rows: number; children: ReactNode }) {
  const { t } = useTranslation();
  if (rows <= 12) return <>{children}</>;
  return (
    <details className="chart-table">
      <summary>{t('statistics.wholeTable', { count: rows })}</summary>
      {children}
    </details>
  );
}

function OneWayTable({ table, title, label }: { table: StatTable; title: string; label: CodeLabel }) {
  const { t } = useTranslation();
  const dim = table.dimensions[0]!;
  const rows = oneWay(table, { byValue: dim === 'nationality' || dim === 'entry_port' });
  return (
    <Fold rows={rows.length}>
      <DataTable caption={title} rows={rows} rowKey={(r) => r.code} columns={[
        { key: 'code', header: t(`statistics.dimensions.${dim}`), cell: (r) => label(dim, r.code), rowHeader: true },
        { key: 'people', header: t('statistics.people'), cell: (r) => <CellText shown={r} /> },
        { key: 'share', header: t('statistics.share'), cell: (r) => { const s = shareOf(r.value, table.total); return s === null ? '—' : percent(s); } },
      ]} />
    </Fold>
  );
}

function GridTable({ table, g, title, label }: { table: StatTable; g: Grid; title: string; label: CodeLabel }) {
  const { t } = useTranslation();
  const rowDim = table.dimensions[g.rowAxis]!;
  const colDim = table.dimensions[g.rowAxis === 0 ? 1 : 0]!;
  const id = useId();
  return (
    <Fold rows={g.rows.length}>
      <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table>
          <caption id={id}>{title}</caption>
          <thead>
            <tr><th scope="col">{t(`statistics.dimensions.${rowDim}`)}</th>{g.cols.map((c) => <th scope="col" key={c}>{label(colDim, c)}</th>)}</tr>
          </thead>
          <tbody>
            {g.rows.map((r) => (
              <tr key={r}><th scope="row">{label(rowDim, r)}</th>{g.cols.map((c) => <td key={c}><CellText shown={g.at(r, c)} /></td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </Fold>
  );
}

/**
 * One published table: its title and whom it counts, a chart of the counts
 * published, the withheld cells in words, and the table itself with every
 * cell (a withheld one says so and why).
 */
export function StatBlock({ table, title, label, presentation, note }: { table: StatTable; title: string; label: CodeLabel; presentation: Presentation; note?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const people = t('statistics.people');
  const total = table.total === null ? t(`statistics.withheld.${table.totalFlag ?? 'C'}`) : number(table.total);
  return (
    <section className="stat-block" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p className="muted">{note ?? t(`statistics.population.${table.population}`, { total })}</p>
      {wholeWithheld(table) ? <Alert kind="info">{t('statistics.wholeWithheld')}</Alert> : table.dimensions.length === 1 ? (
        <>
          {presentation.chart === 'line' ? (
            <LineChart title={title} xKey="x" xLabel={t(`statistics.dimensions.${table.dimensions[0]!}`)} series={[{ key: 'people', label: people }]}
              data={oneWay(table).map((r): Record<string, string | number> => (r.value === null ? { x: label(table.dimensions[0]!, r.code) } : { x: label(table.dimensions[0]!, r.code), people: r.value }))} />
          ) : (
            <BarChart title={title} valueLabel={people}
              rows={oneWay(table, { byValue: !!presentation.top }).filter((r) => r.value !== null).slice(0, presentation.top ?? Infinity)
                .map((r) => ({ key: r.code, label: label(table.dimensions[0]!, r.code), value: r.value! }))} />
          )}
          {presentation.top !== undefined && table.cells.length > presentation.top && <p className="muted">{t('statistics.chartShowsTop', { count: presentation.top })}</p>}
          <WithheldNote table={table} label={label} />
          <OneWayTable table={table} title={title} label={label} />
        </>
      ) : <TwoWay table={table} title={title} label={label} presentation={presentation} />}
    </section>
  );
}

function TwoWay({ table, title, label, presentation }: { table: StatTable; title: string; label: CodeLabel; presentation: Presentation }) {
  const { t } = useTranslation();
  const g = grid(table, presentation.rowAxis ?? 0);
  const rowDim = table.dimensions[g.rowAxis]!;
  const colDim = table.dimensions[g.rowAxis === 0 ? 1 : 0]!;
  const rows = presentation.top ? largestRows(g, presentation.top) : g.rows;
  const cols = presentation.topSeries ? largestCols(g, presentation.topSeries) : g.cols;
  const data = seriesData(g, rows, cols, (code) => label(rowDim, code));
  const series = cols.map((c) => ({ key: c, label: label(colDim, c) }));
  const Chart = presentation.chart === 'line' ? LineChart : GroupedBarChart;
  return (
    <>
      {rows.length > 0 && <Chart title={title} data={data} xKey="x" xLabel={t(`statistics.dimensions.${rowDim}`)} series={series} />}
      {rows.length < g.rows.length && <p className="muted">{t('statistics.chartShowsTop', { count: rows.length })}</p>}
      {cols.length < g.cols.length && <p className="muted">{t('statistics.chartShowsSeries', { count: cols.length })}</p>}
      <WithheldNote table={table} label={label} />
      <GridTable table={table} g={g} title={title} label={label} />
    </>
  );
}
