import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../../src/common/i18n.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { number } from '../../lib/format.ts';

type Figure = { value: number | null; low?: number; high?: number; n?: number | null; publishable?: boolean; withheld?: string };
/** A share (0–1) as a percentage in the language's digits and sign ("12.5%", "٪۱۲٫۵"). */
export const percent = (v: number) => new Intl.NumberFormat(intlLocale(currentLanguage()), { style: 'percent', maximumFractionDigits: 1 }).format(v);

/** A figure with its 95 % interval and n; withheld groups say so instead of showing a number. */
export function Interval({ figure, points = false }: { figure: Figure | null | undefined; points?: boolean }) {
  const { t } = useTranslation();
  if (!figure || figure.value === null) return <span className="muted" title={t('observatory.figures.withheldHint')}>{t('observatory.figures.withheld')}</span>;
  const show = (v: number) => (points ? `${v > 0 ? '+' : ''}${number(v)}` : percent(v));
  return (
    <span className="figure">
      <strong>{show(figure.value)}</strong>{' '}
      {figure.low !== undefined && <span className="muted small">({show(figure.low)}–{show(figure.high!)}, n={figure.n == null ? '—' : number(figure.n)})</span>}
    </span>
  );
}

type Card = { computedAt: string; csat: unknown; nps: unknown; adherence: unknown; complaintsPerThousand: unknown; inspections: unknown; publishMin: number; reply: unknown } | null | undefined;

/** The provider's public scorecard, as the catalogue and the approved list show it. */
export function Scorecard({ card }: { card: Card }) {
  const { t } = useTranslation();
  if (!card) return <p className="muted">{t('observatory.scorecard.none')}</p>;
  const csat = card.csat as Figure | null;
  const nps = card.nps as Figure | null;
  const adherence = card.adherence as Figure | null;
  const cpt = card.complaintsPerThousand as { value: number } | null;
  const insp = card.inspections as { n: number; meanScore: number | null } | null;
  const reply = card.reply as { text: string; at: string } | null;
  return (
    <div className="scorecard">
      <dl className="facts">
        <dt>{t('observatory.figures.csat')}</dt><dd>{csat ? <Interval figure={csat} /> : t('observatory.scorecard.tooFew', { min: card.publishMin })}</dd>
        <dt>{t('observatory.figures.nps')}</dt><dd>{nps ? <Interval figure={nps} points /> : t('observatory.scorecard.tooFew', { min: card.publishMin })}</dd>
        <dt>{t('observatory.figures.adherence')}</dt><dd>{adherence ? <Interval figure={adherence} /> : '—'}</dd>
        <dt>{t('observatory.figures.complaintsPerThousand')}</dt><dd>{cpt?.value != null ? number(cpt.value) : '—'}</dd>
        {insp && (<><dt>{t('observatory.figures.inspections')}</dt><dd>{insp.meanScore == null ? '—' : number(insp.meanScore)}/{number(100)} (n={number(insp.n)})</dd></>)}
      </dl>
      <p className="muted small">{t('observatory.scorecard.computed', { date: formatDate(card.computedAt) })} · <a href="/api/v1/scorecards/counts.csv">{t('observatory.scorecard.counts')}</a></p>
      {reply && <blockquote className="small"><strong>{t('observatory.scorecard.reply')}</strong> {reply.text}</blockquote>}
    </div>
  );
}
