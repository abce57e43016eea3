import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { intlLocale } from '../../../../src/common/i18n.ts';
import { $api } from '../../api/client.ts';
import { seasonLabel } from '../../lib/format.ts';
import { useOperations } from '../../lib/operations.ts';
import { Select } from '../../ui/fields.tsx';
import { Loaded } from '../../ui/problem.tsx';
import { Batches, ImportBatch } from './import-batch.tsx';
import { RecordArrival } from './record-arrival.tsx';

/** Today's year in the Umm al-Qura calendar. */
function hijriYearNow(): number {
  const year = new Intl.DateTimeFormat(intlLocale('en', 'islamic-umalqura'), { year: 'numeric' }).formatToParts(new Date()).find((p) => p.type === 'year');
  return Number.parseInt(year?.value ?? '', 10);
}

/**
 * The statistics officer's desk: import a batch from a channel outside the
 * platform, see the season's batches, and record a paid booking's arrival.
 * Any season of the calendar or of the statistics can be chosen.
 */
export function StatisticsRecordsPage() {
  const { t } = useTranslation();
  const { can } = useOperations();
  const [params, setParams] = useSearchParams();
  const calendar = $api.useQuery('get', '/api/v1/seasons');
  const statistics = $api.useQuery('get', '/api/v1/statistics/hajj');
  const thisYear = hijriYearNow();
  // Records come in for this Hijri year's season and, departures mostly, for last year's.
  const recent = [`${thisYear}H`, `${thisYear - 1}H`];
  const codes = [...new Set([...recent, ...(calendar.data ?? []).map((s) => s.code), ...(statistics.data ?? []).map((s) => s.season)])].sort().reverse();
  const asked = params.get('season');
  const season = asked && codes.includes(asked) ? asked : ((calendar.data ?? []).map((s) => s.code).sort().reverse()[0] ?? recent[0]!);
  // The port names come with any complete season's public tables; without one, the port is typed as its code.
  const named = statistics.data?.find((s) => s.status === 'complete')?.season;
  const tables = $api.useQuery('get', '/api/v1/statistics/hajj/{season}', { params: { path: { season: named ?? '' } } }, { enabled: !!named, staleTime: Infinity });
  return (
    <div className="stack">
      <section className="card">
        <div className="page-head">
          <h1>{t('statistics.recordsTitle')}</h1>
          <div className="season-picker">
            <Select label={t('common.season')} name="season" value={season} onChange={(c) => setParams({ season: c }, { replace: true })}>
              {codes.map((c) => <option key={c} value={c}>{seasonLabel(c)}</option>)}
            </Select>
          </div>
        </div>
        <p className="lead">{t('statistics.recordsIntro')}</p>
        <p><Link to={`/statistics?season=${season}`}>{t('statistics.publicLink')}</Link></p>
      </section>
      {can('POST /api/v1/statistics/hajj/{season}/imports') && <SeasonImports key={season} season={season} />}
      {can('POST /api/v1/statistics/hajj/{season}/arrivals') && <RecordArrival key={`arrival-${season}`} season={season} ports={tables.data?.labels.entryPort ?? null} />}
    </div>
  );
}

function SeasonImports({ season }: { season: string }) {
  const { t } = useTranslation();
  const batches = $api.useQuery('get', '/api/v1/statistics/hajj/{season}/imports', { params: { path: { season } } });
  return (
    <>
      <ImportBatch season={season} onImported={() => void batches.refetch()} />
      <section className="card" aria-labelledby="batches-title">
        <h2 id="batches-title">{t('statistics.batchesOf', { season: seasonLabel(season) })}</h2>
        <Loaded query={batches}>{(list) => <Batches batches={list} />}</Loaded>
      </section>
    </>
  );
}
