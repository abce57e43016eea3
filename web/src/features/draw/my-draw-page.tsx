import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { number, sar } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';
import { InclusionCheck } from './inclusion.tsx';
import type { Booking, DrawView } from './types.ts';

interface Mine {
  applicationId: string;
  status: string;
  entered: boolean;
  result: { position: number; outcome: 'won' | 'waiting'; packageId: string | null; choiceRank: number | null; waitlistPosition: number | null } | null;
  bookings: Booking[];
}
interface Queue { opensAt: string; inQueue: boolean; position: number | null; admittedUpTo: number; queueLength: number; estimatedWaitSeconds: number | null; admitted: boolean; admissionToken: string | null }
interface SalePackage { packageId: string; title: string; seatsLeft: number; total: number }

function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function Countdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const left = Math.max(0, new Date(until).getTime() - useNow());
  const h = Math.floor(left / 3_600_000);
  const m = Math.floor((left % 3_600_000) / 60_000);
  const s = Math.floor((left % 60_000) / 1000);
  return <span className="countdown" role="timer">{t('draw.timeLeft', { h, m, s })}</span>;
}

/** A family's draw: the result, its offer and deadline, its proof of inclusion, and the open sale's waiting room. */
export function MyDrawPage() {
  const { t } = useTranslation();
  const { data: seasons } = useApi<{ code: string; phase: string }[]>('/seasons');
  // The season whose draw matters now: the first past its preference phase, else the newest.
  const season = seasons?.find((s) => ['frozen', 'offers', 'between', 'open_sale'].includes(s.phase)) ?? seasons?.[0];
  const { data: draw } = useApi<DrawView>(season ? `/seasons/${season.code}/draw` : null);
  const { data: mine, error, reload } = useApi<Mine>(season ? `/seasons/${season.code}/draw/mine` : null);
  const { data: application } = useApi<{ members: { accountId: string; name: string }[] }>(season ? `/applications/mine?season=${season.code}` : null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const lang = currentLanguage();

  async function pay(id: string, amount?: number) {
    setMessage(null);
    try {
      // One key per press: a double click pays once.
      await api(`/bookings/${id}/pay`, { method: 'POST', body: amount ? { amount } : {}, headers: { 'idempotency-key': crypto.randomUUID() } });
      setMessage({ kind: 'success', text: t('draw.paid') });
      reload();
      reloadPlan();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  }

  const [preview, setPreview] = useState<{ paid: number; refund: number; fee: number; daysBefore: number } | null>(null);
  async function previewCancel(id: string) {
    setMessage(null);
    try {
      setPreview(await api(`/bookings/${id}/cancellation`));
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  }
  async function cancel(id: string) {
    try {
      await api(`/bookings/${id}/cancel`, { method: 'POST', headers: { 'idempotency-key': crypto.randomUUID() } });
      setPreview(null);
      setMessage({ kind: 'success', text: t('draw.cancelled') });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  }

  async function decline(id: string) {
    try {
      await api(`/bookings/${id}/decline`, { method: 'POST' });
      setMessage({ kind: 'success', text: t('draw.declined') });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  }

  const live = mine?.bookings.find((b) => ['held', 'confirmed', 'visa_ready', 'completed'].includes(b.status));
  const { data: plan, reload: reloadPlan } = useApi<{ step: number; amount: number; dueAt: string | null; paid: boolean }[]>(live ? `/bookings/${live.id}/schedule` : null);
  if (!season) return <p>{t('app.loading')}</p>;
  return (
    <div className="stack">
      <section className="card">
        <h1>{t('draw.myTitle', { season: season.code })}</h1>
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
        {error && <Alert kind="info">{error.message}</Alert>}
        {mine && !mine.entered && <Alert kind="info">{t('draw.notEntered')}</Alert>}
        {mine?.entered && !mine.result && <p>{t('draw.entered')}</p>}
        {mine?.result?.outcome === 'won' && <Alert kind="success">{t('draw.youWon', { rank: mine.result.choiceRank, position: number(mine.result.position) })}</Alert>}
        {mine?.result?.outcome === 'waiting' && <Alert kind="info">{t('draw.youWait', { place: number(mine.result.waitlistPosition ?? 0), position: number(mine.result.position) })}</Alert>}
        {live && (
          <div className="stack">
            <h2>{t(`draw.booking.${live.status}`)}</h2>
            <p>{t('draw.seats', { count: live.seats })} · {t(`draw.sources.${live.source}`)}</p>
            {live.status === 'held' && live.holdDeadline && (
              <>
                <p>{t('draw.payBy', { date: formatDate(live.holdDeadline, lang) })} <Countdown until={live.holdDeadline} /></p>
                <p>{t('draw.due', { paid: sar(live.amountPaid), due: sar(live.amountDue) })}</p>
                {plan && plan.length > 1 && (
                  <ol className="schedule" aria-label={t('draw.schedule')}>
                    {plan.map((s) => <li key={s.step}>{sar(s.amount)} — {s.paid ? t('draw.stepPaid') : s.dueAt ? t('draw.stepDue', { date: formatDate(s.dueAt, lang) }) : ''}</li>)}
                  </ol>
                )}
                <p className="actions">
                  <button type="button" className="primary" onClick={() => void pay(live.id)}>{t('draw.payRest', { amount: sar(live.amountDue - live.amountPaid) })}</button>
                  {live.amountPaid === 0 && <button type="button" className="secondary" onClick={() => void pay(live.id, Math.floor(live.amountDue / 2))}>{t('draw.payHalf', { amount: sar(Math.floor(live.amountDue / 2)) })}</button>}
                  <Link to="/wallet">{t('draw.toWallet')}</Link>
                </p>
                {live.amountPaid === 0 && <button type="button" className="secondary" onClick={() => void decline(live.id)}>{t('draw.decline')}</button>}
              </>
            )}
            {live.status !== 'held' && (
              <ul className="doc-links">
                <li><a href={`/api/v1/bookings/${live.id}/confirmation.pdf`} target="_blank" rel="noreferrer">{t('draw.docs.confirmation')}</a></li>
                <li><a href={`/api/v1/bookings/${live.id}/receipt.pdf`} target="_blank" rel="noreferrer">{t('draw.docs.receipt')}</a></li>
                {application?.members.map((m) => <li key={m.accountId}><a href={`/api/v1/bookings/${live.id}/cards/${m.accountId}.pdf`} target="_blank" rel="noreferrer">{t('draw.docs.card', { name: m.name })}</a></li>)}
              </ul>
            )}
            {live.amountPaid > 0 && !preview && <button type="button" className="secondary" onClick={() => void previewCancel(live.id)}>{t('draw.cancel')}</button>}
            {preview && (
              <div className="stack" role="region" aria-label={t('draw.cancel')}>
                <p>{t('draw.refundPreview', { refund: sar(preview.refund), fee: sar(preview.fee), paid: sar(preview.paid), days: preview.daysBefore })}</p>
                <p className="actions">
                  <button type="button" className="primary" onClick={() => void cancel(live.id)}>{t('draw.confirmCancel')}</button>
                  <button type="button" className="link-button" onClick={() => setPreview(null)}>{t('draw.keepBooking')}</button>
                </p>
              </div>
            )}
          </div>
        )}
      </section>
      {draw && mine?.entered && (
        <section className="card" aria-labelledby="proof-title">
          <h2 id="proof-title">{t('draw.yourProof')}</h2>
          <InclusionCheck season={season.code} root={draw.commitment.merkleRoot} initialId={mine.applicationId} />
        </section>
      )}
      {mine && !live && (season.phase === 'between' || season.phase === 'open_sale' || season.phase === 'offers') && <WaitingRoom season={season.code} onBooked={reload} />}
    </div>
  );
}

/** The open sale's waiting room: place, estimated wait, and once admitted the packages to book. */
function WaitingRoom({ season, onBooked }: { season: string; onBooked: () => void }) {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [packages, setPackages] = useState<SalePackage[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const now = useNow(5000);

  useEffect(() => {
    api<Queue>(`/seasons/${season}/sale/queue`).then(setQueue, () => undefined);
  }, [season, now]);
  useEffect(() => {
    if (queue?.admitted) api<SalePackage[]>(`/seasons/${season}/sale/packages`).then(setPackages, () => undefined);
  }, [season, queue?.admitted]);

  async function book(packageId: string) {
    setMessage(null);
    try {
      await api(`/seasons/${season}/sale/bookings`, { method: 'POST', body: { packageId }, headers: { 'admission-token': queue?.admissionToken ?? '' } });
      onBooked();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <section className="card" aria-labelledby="sale-title" aria-live="polite">
      <h2 id="sale-title">{t('sale.title')}</h2>
      <p className="muted">{t('sale.intro', { date: queue ? formatDate(queue.opensAt, currentLanguage()) : '' })}</p>
      {message && <Alert kind="error">{message}</Alert>}
      {!queue?.inQueue && <button type="button" className="primary" onClick={() => api<Queue>(`/seasons/${season}/sale/queue`, { method: 'POST' }).then(setQueue, (e: ApiError) => setMessage(e.message))}>{t('sale.join')}</button>}
      {queue?.inQueue && queue.position === null && <p>{t('sale.waitingOpening')}</p>}
      {queue?.inQueue && queue.position !== null && !queue.admitted && (
        <p>{t('sale.place', { position: number(queue.position), admitted: number(queue.admittedUpTo), minutes: Math.ceil((queue.estimatedWaitSeconds ?? 0) / 60) })}</p>
      )}
      {queue?.admitted && (
        <>
          <Alert kind="success">{t('sale.admitted')}</Alert>
          <ul className="candidates">
            {packages?.map((p) => (
              <li key={p.packageId}>
                {p.title} · {sar(p.total)} · {t('sale.seatsLeft', { count: p.seatsLeft })}
                <button type="button" className="primary small" onClick={() => void book(p.packageId)}>{t('sale.book')}</button>
              </li>
            ))}
          </ul>
          {packages?.length === 0 && <p>{t('sale.soldOut')}</p>}
        </>
      )}
    </section>
  );
}
