import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart as RBarChart, CartesianGrid, Legend, Line, LineChart as RLineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { currentLanguage } from '../i18n/index.ts';
import { number } from '../lib/format.ts';
import { directionOf } from '../../../src/common/i18n.ts';
import { ScrollBox } from './scroll-box.tsx';

/**
 * Charts through Recharts (axes, tooltips), laid out right to left in the
 * right-to-left languages, each with the same figures as a table behind it
 * for screen readers, keyboards and anyone who wants the exact numbers. The
 * drawing itself is hidden from assistive technology, so it is kept out of
 * the tab order too (Recharts' keyboard layer off): a keyboard never lands on
 * something a screen reader cannot see.
 */

const palette = ['#0f6b4f', '#b7791f', '#2b6cb0', '#9b2c2c', '#553c9a', '#2c7a7b'];

export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** The figure as text (a percentage, an amount, "12 of 40"); the number itself when absent. */
  text?: string;
}

function ChartFigure({ title, table, height, children }: { title: string; table: ReactNode; height: number; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <div className="chart-canvas" style={{ blockSize: height }} aria-hidden="true">{children}</div>
      <details className="chart-table">
        <summary>{t('charts.asTable')}</summary>
        <ScrollBox label={title}>{table}</ScrollBox>
      </details>
    </figure>
  );
}

/** One horizontal bar per row, labelled, growing from the start edge of the reading direction. */
export function BarChart({ title, rows, valueLabel, format = number, max }: { title: string; rows: BarRow[]; valueLabel: string; format?: (v: number) => string; max?: number }) {
  const rtl = directionOf(currentLanguage()) === 'rtl';
  const height = Math.max(120, rows.length * 34 + 40);
  const table = (
    <table>
      <thead><tr><th scope="col">{title}</th><th scope="col">{valueLabel}</th></tr></thead>
      <tbody>{rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th><td>{r.text ?? format(r.value)}</td></tr>)}</tbody>
    </table>
  );
  return (
    <ChartFigure title={title} table={table} height={height}>
      <ResponsiveContainer width="100%" height="100%">
        <RBarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 12 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" reversed={rtl} tickFormatter={format} domain={[0, max ?? 'auto']} />
          <YAxis type="category" dataKey="label" orientation={rtl ? 'right' : 'left'} width={110} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [format(Number(v)), valueLabel]} />
          <Bar dataKey="value" name={valueLabel} fill={palette[0]} isAnimationActive={false} />
        </RBarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export interface Series {
  key: string;
  label: string;
}

/** Values over time or over ordered categories, one line per series. */
export function LineChart({ title, data, xKey, xLabel, series, format = number }: {
  title: string;
  data: Record<string, string | number>[];
  xKey: string;
  xLabel: string;
  series: Series[];
  format?: (v: number) => string;
}) {
  const rtl = directionOf(currentLanguage()) === 'rtl';
  const table = (
    <table>
      <thead><tr><th scope="col">{xLabel}</th>{series.map((s) => <th scope="col" key={s.key}>{s.label}</th>)}</tr></thead>
      <tbody>{data.map((d, i) => <tr key={i}><th scope="row">{String(d[xKey])}</th>{series.map((s) => <td key={s.key}>{typeof d[s.key] === 'number' ? format(d[s.key] as number) : String(d[s.key] ?? '')}</td>)}</tr>)}</tbody>
    </table>
  );
  return (
    <ChartFigure title={title} table={table} height={260}>
      <ResponsiveContainer width="100%" height="100%">
        <RLineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={xKey} reversed={rtl} tick={{ fontSize: 12 }} />
          <YAxis orientation={rtl ? 'right' : 'left'} tickFormatter={format} width={64} />
          <Tooltip formatter={(v, name) => [format(Number(v)), name]} />
          <Legend />
          {series.map((s, i) => <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={palette[i % palette.length]} dot={false} isAnimationActive={false} />)}
        </RLineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Several values per category side by side (e.g. men and women per month). */
export function GroupedBarChart({ title, data, xKey, xLabel, series, format = number }: {
  title: string;
  data: Record<string, string | number>[];
  xKey: string;
  xLabel: string;
  series: Series[];
  format?: (v: number) => string;
}) {
  const rtl = directionOf(currentLanguage()) === 'rtl';
  const table = (
    <table>
      <thead><tr><th scope="col">{xLabel}</th>{series.map((s) => <th scope="col" key={s.key}>{s.label}</th>)}</tr></thead>
      <tbody>{data.map((d, i) => <tr key={i}><th scope="row">{String(d[xKey])}</th>{series.map((s) => <td key={s.key}>{typeof d[s.key] === 'number' ? format(d[s.key] as number) : String(d[s.key] ?? '')}</td>)}</tr>)}</tbody>
    </table>
  );
  return (
    <ChartFigure title={title} table={table} height={280}>
      <ResponsiveContainer width="100%" height="100%">
        <RBarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey={xKey} reversed={rtl} tick={{ fontSize: 12 }} />
          <YAxis orientation={rtl ? 'right' : 'left'} tickFormatter={format} width={64} />
          <Tooltip formatter={(v, name) => [format(Number(v)), name]} />
          <Legend />
          {series.map((s, i) => <Bar key={s.key} dataKey={s.key} name={s.label} fill={palette[i % palette.length]} isAnimationActive={false} />)}
        </RBarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
