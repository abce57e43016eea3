import { useTranslation } from 'react-i18next';
import { number } from '../../lib/format.ts';
import type { GateDevice } from './gate-device.ts';

/** Minutes (or hours and minutes) as the officer reads them. */
function useSpan() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.max(0, Math.round(ms / 60_000));
    return minutes < 60 ? t('gate.minutes', { count: minutes }) : t('gate.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
  };
}

/**
 * What the officer must know before trusting a verdict: online or not, how
 * old the list is and how long it may still admit offline (refused past the
 * site's limit), the revocation list's number, the expected permits, the
 * device clock's skew from the platform, and the scans waiting for upload.
 */
export function GateStatus({ device, online, busy, onSync, onUpload }: { device: GateDevice; online: boolean; busy: 'sync' | 'upload' | null; onSync: () => void; onUpload: () => void }) {
  const { t } = useTranslation();
  const span = useSpan();
  const fresh = device.freshness();
  const skew = device.skewMs;
  const queued = device.queue.items.length;
  const list = device.state.revocations;
  return (
    <section className="card gate-status" aria-labelledby="status-title">
      <h2 id="status-title" className="visually-hidden">{t('gate.status.title')}</h2>
      <p className={online ? 'net net-on' : 'net net-off'} role="status">{online ? t('gate.status.online') : t('gate.status.offline')}</p>
      {!fresh && <p className="stale" role="alert">{t('gate.status.neverSynced')}</p>}
      {fresh && (
        <>
          <p className={fresh.fresh ? 'freshness' : 'stale'} role={fresh.fresh ? undefined : 'alert'}>
            {t('gate.status.syncedAgo', { age: span(fresh.ageMs) })}{' '}
            {fresh.fresh ? t('gate.status.offlineLeft', { left: span(fresh.leftMs) }) : t('gate.status.tooOld')}
          </p>
          <dl className="facts two-col">
            <dt>{t('gate.status.revocations')}</dt><dd>{t('gate.status.listValue', { seq: number(list?.seq ?? 0), count: (list?.entries.length ?? 0) / 16 })}</dd>
            <dt>{t('gate.status.expected')}</dt><dd>{number(device.state.expected?.permits.length ?? 0)}</dd>
            <dt>{t('gate.status.skew')}</dt><dd>{skew === null ? '—' : Math.abs(skew) < 1000 ? t('gate.status.inStep') : skew > 0 ? t('gate.status.ahead', { span: seconds(t, skew) }) : t('gate.status.behind', { span: seconds(t, -skew) })}</dd>
            <dt>{t('gate.status.queue')}</dt><dd>{t('gate.status.queued', { count: queued })}</dd>
          </dl>
        </>
      )}
      <p className="actions">
        <button type="button" className="secondary" disabled={!online || busy !== null} onClick={onSync}>{busy === 'sync' ? t('gate.status.syncing') : t('gate.status.sync')}</button>
        {queued > 0 && <button type="button" className="secondary" disabled={!online || busy !== null} onClick={onUpload}>{busy === 'upload' ? t('gate.status.uploading') : t('gate.status.upload')}</button>}
      </p>
    </section>
  );
}

function seconds(t: (k: string, o: Record<string, unknown>) => string, ms: number) {
  const s = Math.round(ms / 1000);
  return s < 120 ? t('gate.seconds', { count: s }) : t('gate.minutes', { count: Math.round(s / 60) });
}

/** The platform's answer to the last upload: each scan's outcome counted, and every double admission named. */
export function UploadReport({ device }: { device: GateDevice }) {
  const { t } = useTranslation();
  const last = device.state.lastUpload;
  if (!last || last.sent === 0) return null;
  const counts = new Map<string, number>();
  for (const r of last.results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('gate.upload.title', { count: last.sent })}</h2>
      <ul>{[...counts].map(([outcome, n]) => <li key={outcome}>{t(`gate.upload.outcomes.${outcome}`, { count: n })}</li>)}</ul>
      {last.doubles.length > 0 && (
        <>
          <h3>{t('gate.upload.doubles')}</h3>
          <ul>{last.doubles.map((d) => <li key={`${d.permitId}-${d.also.deviceId}-${d.also.at}`}>{t('gate.upload.double', { permit: d.permitId.slice(0, 8), device: d.stood.deviceId })}</li>)}</ul>
        </>
      )}
    </section>
  );
}
