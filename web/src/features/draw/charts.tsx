import { useTranslation } from 'react-i18next';
import { countryName, number } from '../../lib/format.ts';
import type { DrawView, FactorAudit } from './types.ts';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** One horizontal bar per row, labelled, with the figure at the end. */
export function BarChart({ rows, label }: { rows: { key: string; label: string; value: number; text: string }[]; label: string }) {
  const max = Math.max(1e-9, ...rows.map((r) => r.value));
  return (
    <ul className="chart" aria-label={label}>
      {rows.map((r) => (
        <li key={r.key}>
          <span>{r.label}</span>
          <div className="bar"><span className="fill first" style={{ inlineSize: `${Math.round((r.value / max) * 100)}%` }} /></div>
          <span>{r.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** Odds by country, family size and the choice rank families got. */
export function ResultCharts({ tables }: { tables: NonNullable<DrawView['summary']>['tables'] }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('draw.totals', { entries: number(tables.entries), winners: number(tables.winners), waiting: number(tables.waiting) })}</p>
      <h3>{t('draw.oddsByCountry')}</h3>
      <BarChart label={t('draw.oddsByCountry')} rows={tables.countries.map((c) => ({ key: c.country, label: countryName(c.country), value: c.odds, text: `${pct(c.odds)} · ${t('draw.seatsOfQuota', { seats: number(c.seatsWon), quota: number(c.quota) })}` }))} />
      <h3>{t('draw.oddsBySize')}</h3>
      <BarChart label={t('draw.oddsBySize')} rows={tables.familySizes.map((s) => ({ key: String(s.size), label: t('draw.familyOf', { count: s.size }), value: s.odds, text: `${pct(s.odds)} (${number(s.winners)}/${number(s.entries)})` }))} />
      <h3>{t('draw.byRank')}</h3>
      <BarChart label={t('draw.byRank')} rows={tables.choiceRanks.map((r) => ({ key: String(r.rank), label: t('draw.choiceNo', { rank: r.rank }), value: r.share, text: `${pct(r.share)} (${number(r.winners)})` }))} />
    </>
  );
}

/** The fairness audit: for each factor, the tests and the win rate per group. */
export function FairnessAudit({ audit }: { audit: FactorAudit[] }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {audit.map((f) => (
        <section key={f.factor} aria-labelledby={`audit-${f.factor}`}>
          <h3 id={`audit-${f.factor}`}>{t(`draw.factors.${f.factor}`)} {f.flagged ? <span className="badge danger">{t('draw.flagged')}</span> : <span className="badge ok">{t('draw.passed')}</span>}</h3>
          <p className="muted">{t('draw.tests', { order: f.order.pValue.toPrecision(3), winners: f.winners.pValue.toPrecision(3) })}</p>
          <BarChart label={t(`draw.factors.${f.factor}`)} rows={f.groups.map((g) => ({ key: g.label, label: f.factor === 'country' && g.label.length === 2 ? countryName(g.label) : g.label, value: g.winRate, text: `${pct(g.winRate)} (${number(g.winners)}/${number(g.entries)})` }))} />
        </section>
      ))}
    </div>
  );
}
