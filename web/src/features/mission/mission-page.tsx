import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Account } from '../../lib/api.ts';
import { countryName, number } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';
import { BarChart } from '../draw/charts.tsx';
import { DemandBars } from '../pilgrim/application-page.tsx';

interface Overview {
  country: string; quota: number; applications: number; pilgrims: number; eligiblePilgrims: number;
  failuresByRule: Record<string, number>; popularity: { packageId: string; title: string; capacity: number; firstChoiceSeats: number; anyChoiceSeats: number }[];
  draw: { won: { families: number; pilgrims: number }; waiting: { families: number; pilgrims: number } } | null;
  bookings: Record<string, { families: number; seats: number }>;
}

/** Jusoor: one country's quota, demand, eligibility and preferences, as charts. */
export function MissionPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { data: seasons } = useApi<{ code: string }[]>('/seasons');
  const season = seasons?.[0]?.code;
  const { data } = useApi<Overview>(season ? `/missions/overview?season=${season}` : null);
  const { data: readiness } = useApi<{ bookingConfirmed: boolean; documentsApproved: boolean; vaccinationValid: boolean; ready: boolean }[]>(season ? `/missions/visa-readiness?season=${season}` : null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const country = countryName(account.countryCode ?? '');
  const maxFailures = Math.max(1, ...Object.values(data?.failuresByRule ?? {}));
  return (
    <div className="stack">
      <section className="card">
        <h1>{t('missionPortal.title', { country })}</h1>
        {data && (
          <>
            <h2>{t('missionPortal.quota')}</h2>
            <div className="bars" role="img" aria-label={t('missionPortal.seats', { demand: data.pilgrims, quota: data.quota })}>
              <div className="bar"><span className="fill any" style={{ inlineSize: `${Math.min(100, Math.round((data.pilgrims / Math.max(1, data.quota)) * 100))}%` }} /></div>
            </div>
            <p>{t('missionPortal.seats', { demand: number(data.pilgrims), quota: number(data.quota) })} · {t('missionPortal.applications', { count: data.applications })} · {t('missionPortal.eligible', { count: data.eligiblePilgrims })}</p>
            <h2>{t('missionPortal.failures')}</h2>
            {Object.keys(data.failuresByRule).length === 0 ? <p>{t('missionPortal.noFailures')}</p> : (
              <ul className="chart">
                {Object.entries(data.failuresByRule).map(([code, count]) => (
                  <li key={code}>
                    <span>{t(`rules.${code}`)}</span>
                    <div className="bar"><span className="fill first" style={{ inlineSize: `${Math.round((count / maxFailures) * 100)}%` }} /></div>
                    <span>{number(count)}</span>
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('missionPortal.allocation')}</h2>
            {data.draw ? (
              <BarChart label={t('missionPortal.allocation')} rows={[
                { key: 'won', label: t('missionPortal.won', { families: number(data.draw.won.families), pilgrims: number(data.draw.won.pilgrims) }), value: data.draw.won.pilgrims, text: number(data.draw.won.pilgrims) },
                { key: 'waiting', label: t('missionPortal.waiting', { families: number(data.draw.waiting.families), pilgrims: number(data.draw.waiting.pilgrims) }), value: data.draw.waiting.pilgrims, text: number(data.draw.waiting.pilgrims) },
                ...Object.entries(data.bookings).map(([status, b]) => ({ key: status, label: t('missionPortal.booked', { status: t(`missionPortal.statuses.${status}`), families: number(b.families), seats: number(b.seats) }), value: b.seats, text: number(b.seats) })),
              ]} />
            ) : <p>{t('missionPortal.drawPending')}</p>}
            <h2>{t('missionPortal.visa')}</h2>
            {readiness && readiness.length > 0 ? (
              <>
                <BarChart label={t('missionPortal.visa')} rows={(['ready', 'bookingConfirmed', 'documentsApproved', 'vaccinationValid'] as const).map((k) => {
                  const n = readiness.filter((r) => r[k]).length;
                  return { key: k, label: t(`missionPortal.readiness.${k}`), value: n, text: `${number(n)} / ${number(readiness.length)}` };
                })} />
                <p className="actions">
                  <a href={`/api/v1/missions/visa-readiness.csv?season=${season}`} download>{t('missionPortal.readinessCsv')}</a>
                  <button type="button" className="secondary" onClick={() => api<{ marked: number; waiting: number }>(`/missions/visa-ready?season=${season}`, { method: 'POST' }).then(
                    (r) => setMessage({ kind: 'success', text: t('missionPortal.submitted', { marked: r.marked, waiting: r.waiting }) }),
                    (err: unknown) => setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) }),
                  )}>{t('missionPortal.submitReady')}</button>
                </p>
              </>
            ) : <p>{t('missionPortal.noBookings')}</p>}
            <h2>{t('missionPortal.popularity')}</h2>
            <ul className="chart">{data.popularity.map((p) => <li key={p.packageId} className="popularity-row"><span>{p.title}</span><DemandBars p={p} /></li>)}</ul>
          </>
        )}
      </section>
      <form className="card" onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        api(`/missions/requirements/${String(fd.get('language'))}`, { method: 'PUT', body: { body: String(fd.get('body')) } }).then(
          () => setMessage({ kind: 'success', text: t('missionPortal.published') }),
          (err: unknown) => setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) }),
        );
      }}>
        <h2>{t('missionPortal.requirements')}</h2>
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
        <div className="field"><label htmlFor="req-lang">{t('missionPortal.language')}</label><input id="req-lang" name="language" required pattern="[a-z]{2}" maxLength={2} dir="ltr" /></div>
        <div className="field"><label htmlFor="req-body">{t('missionPortal.requirements')}</label><textarea id="req-body" name="body" required rows={5} maxLength={5000} /></div>
        <button type="submit" className="primary">{t('missionPortal.publish')}</button>
      </form>
    </div>
  );
}
