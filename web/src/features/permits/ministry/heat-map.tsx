import { useTranslation } from 'react-i18next';
import { number, percent } from '../../../lib/format.ts';
import { dayHeading, hhmm } from '../saudi-time.ts';
import type { HeatCell } from '../types.ts';

/** Five steps of load, each a background with text that stays readable on it (WCAG AA), named in the legend. */
const steps = [
  { upTo: 0.2, bg: '#eef6f2', fg: '#1d2b26' },
  { upTo: 0.4, bg: '#cde6da', fg: '#1d2b26' },
  { upTo: 0.6, bg: '#f6d58e', fg: '#1d2b26' },
  { upTo: 0.85, bg: '#d9822b', fg: '#1d2b26' },
  { upTo: Infinity, bg: '#9b2c2c', fg: '#ffffff' },
] as const;
const stepOf = (load: number) => steps.find((s) => load <= s.upTo)!;

/**
 * A day × hour heat map (Saudi time) as a real table: every cell says its
 * load in numbers (percent, then booked of capacity), and the colour only
 * repeats it. Wide ranges scroll inside their own box, never the page.
 */
export function HeatMap({ cells }: { cells: HeatCell[] }) {
  const { t } = useTranslation();
  if (cells.length === 0) return <p className="muted">{t('permits.book.noWindows')}</p>;
  const days = [...new Set(cells.map((c) => c.day))].sort();
  const hours = [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b);
  const at = new Map(cells.map((c) => [`${c.day} ${c.hour}`, c]));
  return (
    <>
      <div className="table-scroll heatmap-box" tabIndex={0} role="region" aria-label={t('permits.occupancy.heatmap')}>
        <table className="heatmap">
          <caption>{t('permits.occupancy.heatCaption')}</caption>
          <thead>
            <tr><th scope="col">{t('permits.occupancy.day')}</th>{hours.map((h) => <th scope="col" key={h} dir="ltr">{hhmm(h * 60)}</th>)}</tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d}>
                <th scope="row">{dayHeading(d)}</th>
                {hours.map((h) => {
                  const c = at.get(`${d} ${h}`);
                  if (!c) return <td key={h} className="empty">—</td>;
                  const s = stepOf(c.load);
                  return (
                    <td key={h} style={{ background: s.bg, color: s.fg }} title={t('permits.occupancy.cell', { booked: number(c.booked), capacity: number(c.capacity), checkedIn: number(c.checkedIn), noShows: number(c.noShows) })}>
                      <strong>{percent(c.load, 0)}</strong><br /><small>{number(c.booked)}/{number(c.capacity)}</small>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="heat-legend" aria-label={t('permits.occupancy.legend')}>
        {steps.map((s, i) => (
          <li key={i}><span className="swatch" style={{ background: s.bg }} aria-hidden="true" /> {i === steps.length - 1 ? t('permits.occupancy.above', { v: percent(steps[i - 1]!.upTo, 0) }) : t('permits.occupancy.upTo', { v: percent(s.upTo, 0) })}</li>
        ))}
      </ul>
    </>
  );
}
