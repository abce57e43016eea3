import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/openapi';
import { countryName, number, percent } from '../../lib/format.ts';
import { BarChart } from '../../ui/charts.tsx';
import { Alert } from '../../ui/problem.tsx';

type Summary = NonNullable<paths['/api/v1/seasons/{code}/draw']['get']['responses']['200']['content']['application/json']['summary']>;
type Tables = Summary['tables'];
type FactorAudit = Summary['fairness'][number];

const oddsFormat = (v: number) => percent(v);

/** Odds by country, family size and the choice rank families got. */
export function ResultCharts({ tables }: { tables: Tables }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('draw.totals', { entries: number(tables.entries), winners: number(tables.winners), waiting: number(tables.waiting) })}</p>
      <BarChart title={t('draw.oddsByCountry')} valueLabel={t('draw.odds')} format={oddsFormat} max={1}
        rows={tables.countries.map((c) => ({ key: c.country, label: countryName(c.country), value: c.odds, text: `${percent(c.odds)} · ${t('draw.seatsOfQuota', { seats: number(c.seatsWon), quota: number(c.quota) })}` }))} />
      <BarChart title={t('draw.oddsBySize')} valueLabel={t('draw.odds')} format={oddsFormat} max={1}
        rows={tables.familySizes.map((s) => ({ key: String(s.size), label: t('draw.familyOf', { count: s.size }), value: s.odds, text: `${percent(s.odds)} (${number(s.winners)}/${number(s.entries)})` }))} />
      <BarChart title={t('draw.byRank')} valueLabel={t('draw.shareOfWinners')} format={oddsFormat} max={1}
        rows={tables.choiceRanks.map((r) => ({ key: String(r.rank), label: t('draw.choiceNo', { rank: r.rank }), value: r.share, text: `${percent(r.share)} (${number(r.winners)})` }))} />
    </>
  );
}

/** The fairness audit: for each factor, the tests (or why there are too few data to test) and the win rate per group. */
export function FairnessAudit({ audit }: { audit: FactorAudit[] }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {audit.map((f) => {
        const groupLabel = (label: string) => (f.factor === 'country' && /^[A-Z]{2}$/.test(label) ? countryName(label) : label === 'other' ? t('draw.otherGroup') : label);
        const tooFew = 'sufficient' in f && f.sufficient === false;
        return (
          <section key={f.factor} aria-labelledby={`audit-${f.factor}`}>
            <h3 id={`audit-${f.factor}`}>
              {t(`draw.factors.${f.factor}`)}{' '}
              {tooFew ? <span className="badge warn">{t('draw.tooFew')}</span> : f.flagged ? <span className="badge danger">{t('draw.flagged')}</span> : <span className="badge ok">{t('draw.passed')}</span>}
            </h3>
            {tooFew
              ? <Alert kind="info">{t('draw.tooFewExplained')}</Alert>
              : <p className="muted">{t('draw.tests', { order: f.order.pValue.toPrecision(3), winners: f.winners.pValue.toPrecision(3) })}</p>}
            <BarChart title={t('draw.winRateBy', { factor: t(`draw.factors.${f.factor}`) })} valueLabel={t('draw.odds')} format={oddsFormat} max={1}
              rows={f.groups.map((g) => ({ key: g.label, label: groupLabel(g.label), value: g.winRate, text: `${percent(g.winRate)} (${number(g.winners)}/${number(g.entries)})` }))} />
          </section>
        );
      })}
    </div>
  );
}
