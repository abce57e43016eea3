import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../../../api/client.ts';
import { formatDate, formatDay } from '../../../lib/dates.ts';
import { number, percent } from '../../../lib/format.ts';
import { GroupedBarChart } from '../../../ui/charts.tsx';
import { DataTable } from '../../../ui/data-table.tsx';
import { DateField, Select } from '../../../ui/fields.tsx';
import { Loaded } from '../../../ui/problem.tsx';
import { addDays, dayHeading, saudiDayOf, saudiToday, timeRange } from '../saudi-time.ts';
import type { Occupancy, SectionName, Site } from '../types.ts';
import { HeatMap } from './heat-map.tsx';
import '../permits.css';
import { currentLanguage } from '../../../i18n/index.ts';
import { localized } from '../../../../../src/common/i18n.ts';

const PAGE = 50;

/**
 * Occupancy for the ministry: per window and section (booked, checked in,
 * no-shows, waiting) with a chart per day, a day × hour heat map of the site,
 * and the double admissions gates reported.
 */
export function OccupancyPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sites = $api.useQuery('get', '/api/v1/permits/sites');
  const [params, setParams] = useSearchParams();
  const [from, setFrom] = useState(saudiToday());
  const [to, setTo] = useState(addDays(saudiToday(), 6));
  const [section, setSection] = useState<'' | SectionName>('');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  return (
    <div className="stack permits">
      <section className="card">
        <div className="page-head">
          <h1>{t('permits.occupancy.title')}</h1>
          <Link to="/ministry/permits">{t('permits.admin.title')}</Link>
        </div>
        <Loaded query={sites}>
          {(all) => {
            const site = all.find((s) => s.code === params.get('site')) ?? all[0];
            return (
              <div className="filters-grid">
                <Select label={t('permits.book.site')} name="site" value={site?.code ?? ''} onChange={(code) => setParams({ site: code }, { replace: true })}>
                  {all.map((s) => <option key={s.id} value={s.code}>{localized(s.name, lang)}</option>)}
                </Select>
                <DateField label={t('permits.admin.from')} name="from" value={from} onChange={setFrom} />
                <DateField label={t('permits.admin.to')} name="to" value={to} onChange={setTo} />
                <Select label={t('permits.book.section')} name="section" value={section} onChange={(s) => setSection(s as '' | SectionName)}>
                  <option value="">{t('permits.occupancy.allSections')}</option>
                  {site?.sections.map((s) => <option key={s.section} value={s.section}>{t(`permits.sections.${s.section}`)}</option>)}
                </Select>
              </div>
            );
          }}
        </Loaded>
      </section>
      {valid && sites.data && (() => {
        const site = sites.data.find((s) => s.code === params.get('site')) ?? sites.data[0];
        return site ? <SiteOccupancy key={site.id} site={site} from={from} to={to} section={section} /> : null;
      })()}
    </div>
  );
}

function SiteOccupancy({ site, from, to, section }: { site: Site; from: string; to: string; section: '' | SectionName }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const occupancy = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/occupancy', { params: { path: { siteId: site.id }, query: { from, to } } }, { refetchInterval: 30_000 });
  const heat = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/heatmap', { params: { path: { siteId: site.id }, query: { from, to, ...(section ? { section } : {}) } } });
  return (
    <>
      <section className="card" aria-labelledby="occ-title">
        <h2 id="occ-title">{t('permits.occupancy.windows')}</h2>
        <Loaded query={occupancy}>
          {(all) => {
            const rows = all.filter((w) => !section || w.section === section);
            const sum = (k: 'capacity' | 'booked' | 'checkedIn' | 'noShows' | 'waiting') => rows.reduce((n, w) => n + w[k], 0);
            const byDay = new Map<string, { booked: number; checkedIn: number; noShows: number }>();
            for (const w of rows) {
              const d = saudiDayOf(w.startsAt);
              const x = byDay.get(d) ?? { booked: 0, checkedIn: 0, noShows: 0 };
              byDay.set(d, { booked: x.booked + w.booked, checkedIn: x.checkedIn + w.checkedIn, noShows: x.noShows + w.noShows });
            }
            return rows.length === 0 ? <p className="muted">{t('permits.book.noWindows')}</p> : (
              <>
                <dl className="facts two-col totals">
                  <dt>{t('permits.occupancy.capacity')}</dt><dd>{number(sum('capacity'))}</dd>
                  <dt>{t('permits.occupancy.booked')}</dt><dd>{number(sum('booked'))} ({percent(sum('capacity') ? sum('booked') / sum('capacity') : 0)})</dd>
                  <dt>{t('permits.occupancy.checkedIn')}</dt><dd>{number(sum('checkedIn'))}</dd>
                  <dt>{t('permits.occupancy.noShows')}</dt><dd>{number(sum('noShows'))}</dd>
                  <dt>{t('permits.occupancy.waiting')}</dt><dd>{number(sum('waiting'))}</dd>
                </dl>
                <GroupedBarChart title={t('permits.occupancy.perDay')} xKey="day" xLabel={t('permits.occupancy.day')}
                  data={[...byDay].map(([day, x]) => ({ day: formatDay(day), ...x }))}
                  series={[{ key: 'booked', label: t('permits.occupancy.booked') }, { key: 'checkedIn', label: t('permits.occupancy.checkedIn') }, { key: 'noShows', label: t('permits.occupancy.noShows') }]} />
                <DataTable caption={t('permits.occupancy.perWindow')} rows={rows.slice(0, shown)} rowKey={(w) => w.windowId} columns={windowColumns(t)} />
                {rows.length > shown && <p><button type="button" className="secondary small" onClick={() => setShown((n) => n + PAGE)}>{t('permits.occupancy.more', { count: rows.length - shown })}</button></p>}
              </>
            );
          }}
        </Loaded>
      </section>
      <section className="card" aria-labelledby="heat-title">
        <h2 id="heat-title">{t('permits.occupancy.heatmap')}</h2>
        <Loaded query={heat}>{(cells) => <HeatMap cells={cells} />}</Loaded>
      </section>
      <Doubles site={site} />
    </>
  );
}

function windowColumns(t: (k: string, o?: Record<string, unknown>) => string) {
  return [
    { key: 'when', header: t('permits.occupancy.window'), rowHeader: true, cell: (w: Occupancy) => <>{dayHeading(saudiDayOf(w.startsAt))} · <bdi dir="ltr">{timeRange(w.startsAt, w.endsAt)}</bdi></> },
    { key: 'section', header: t('permits.book.section'), cell: (w: Occupancy) => t(`permits.sections.${w.section}`) },
    { key: 'booked', header: t('permits.occupancy.booked'), cell: (w: Occupancy) => t('permits.admin.bookedOf', { booked: number(w.booked), capacity: number(w.capacity) }) },
    { key: 'in', header: t('permits.occupancy.checkedIn'), cell: (w: Occupancy) => number(w.checkedIn) },
    { key: 'no', header: t('permits.occupancy.noShows'), cell: (w: Occupancy) => number(w.noShows) },
    { key: 'wait', header: t('permits.occupancy.waiting'), cell: (w: Occupancy) => number(w.waiting) },
    { key: 'state', header: t('permits.occupancy.state'), cell: (w: Occupancy) => (w.closed ? t('permits.admin.alreadyClosed') : t('permits.occupancy.open')) },
  ];
}

/** Permits two offline gates both admitted, found when their scans were uploaded: which one stood, which came after. */
function Doubles({ site }: { site: Site }) {
  const { t } = useTranslation();
  const doubles = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/double-admissions', { params: { path: { siteId: site.id } } });
  return (
    <section className="card" aria-labelledby="doubles-title">
      <h2 id="doubles-title">{t('permits.occupancy.doubles')}</h2>
      <Loaded query={doubles}>
        {(rows) => (
          <DataTable rows={rows} rowKey={(d) => `${d.permitId}-${d.also.deviceId}-${d.also.at}`} empty={<p className="muted">{t('permits.occupancy.noDoubles')}</p>} columns={[
            { key: 'permit', header: t('permits.occupancy.permit'), rowHeader: true, cell: (d) => <code dir="ltr">{d.permitId.slice(0, 8)}</code> },
            { key: 'gate', header: t('permits.mine.gates'), cell: (d) => number(d.gate) },
            { key: 'stood', header: t('permits.occupancy.stood'), cell: (d) => t('permits.occupancy.admission', { device: d.stood.deviceId, date: formatDate(d.stood.at, { time: true }) }) },
            { key: 'also', header: t('permits.occupancy.also'), cell: (d) => t('permits.occupancy.admission', { device: d.also.deviceId, date: formatDate(d.also.at, { time: true }) }) },
          ]} />
        )}
      </Loaded>
    </section>
  );
}
