import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { formatDate, formatDay } from '../../lib/dates.ts';
import { listOf, percent, sar, seasonLabel } from '../../lib/format.ts';
import { keepDocuments } from '../../lib/offline-data.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';

export type FamilyBooking = paths['/api/v1/me/bookings/{id}']['get']['responses']['200']['content']['application/json'];

function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function Countdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const left = Math.max(0, new Date(until).getTime() - useNow());
  const h = Math.floor(left / 3_600_000);
  const m = Math.floor((left % 3_600_000) / 60_000);
  const s = Math.floor((left % 60_000) / 1000);
  return <span className="countdown" role="timer">{t('draw.timeLeft', { h, m, s })}</span>;
}

/** Everything a family may see and do with one booking: amounts, schedule, deadline, documents, and exactly the actions the API allows. */
export function BookingCard({ booking: b, heading = 'h2' }: { booking: FamilyBooking; heading?: 'h1' | 'h2' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const can = (a: FamilyBooking['allowedActions'][number]) => b.allowedActions.includes(a);
  const H = heading;
  // The confirmation, receipt and pilgrim cards open without a network later (at Mina, at the border) once seen here.
  const documents = [b.documents.confirmation, b.documents.receipt, ...b.documents.cards.map((c) => c.url)].filter((u): u is string => !!u);
  const documentList = documents.join(' ');
  useEffect(() => keepDocuments(documentList ? documentList.split(' ') : []), [documentList]);

  // Everything that shows this booking or the wallet is refetched after a change.
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me/bookings'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me/bookings/{id}'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/wallet'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/seasons/{code}/draw/mine'] }),
  ]);

  /** Runs an operation once per intention: the key is kept across a double click or a retry, and dropped once it succeeded. */
  async function operate(operation: string, send: (key: string) => Promise<unknown>, success: string) {
    setProblem(null);
    setDone(null);
    setBusy(true);
    try {
      await send(operationKey(operation));
      operationDone(operation);
      setDone(success);
      setPreviewing(false);
      await refresh();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  const path = { params: { path: { id: b.id } } };
  const pay = (amount?: number) => operate(`pay:${b.id}:${amount ?? 'rest'}:${b.amountPaid}`,
    (key) => call(client.POST('/api/v1/bookings/{id}/pay', { ...path, body: amount ? { amount } : {}, headers: { 'idempotency-key': key } })),
    t('draw.paid'));
  const nextStep = b.schedule.find((s) => !s.paid);

  return (
    <article className="card booking" aria-labelledby={`booking-${b.id}`}>
      <H id={`booking-${b.id}`}>{b.packageTitle}</H>
      <p>
        <span className={`badge booking-${b.status}`}>{t(`bookings.status.${b.status}`)}</span>{' '}
        {seasonLabel(b.season)} · {t('bookings.seats', { count: b.seats })} · {t(`draw.sources.${b.source}`)}
      </p>
      {done && <Alert kind="success">{done}</Alert>}
      <ProblemAlert error={problem} />
      <dl className="facts two-col">
        <dt>{t('bookings.price')}</dt><dd>{sar(b.amountDue)}</dd>
        <dt>{t('bookings.paid')}</dt><dd>{sar(b.amountPaid)}</dd>
        {b.outstanding > 0 && <><dt>{t('bookings.outstanding')}</dt><dd>{sar(b.outstanding)}</dd></>}
        <dt>{t('bookings.arrival')}</dt><dd>{formatDay(b.arrivalDate)}</dd>
        <dt>{t('bookings.members')}</dt><dd>{listOf(b.members.map((m) => m.name))}</dd>
      </dl>
      {b.status === 'held' && b.holdDeadline && (
        <Alert kind="warning"><p>{t('draw.payBy', { date: formatDate(b.holdDeadline, { time: true }) })} <Countdown until={b.holdDeadline} /></p></Alert>
      )}
      {b.schedule.length > 1 && (
        <>
          <h3>{t('draw.schedule')}</h3>
          <ol className="schedule">
            {b.schedule.map((s) => <li key={s.step}>{sar(s.amount)} — {s.paid ? t('draw.stepPaid') : s.dueAt ? t('draw.stepDue', { date: formatDate(s.dueAt) }) : ''}</li>)}
          </ol>
        </>
      )}
      {(can('pay') || can('decline') || can('cancel')) && (
        <p className="actions">
          {can('pay') && <button type="button" className="primary" disabled={busy} onClick={() => void pay()}>{t('draw.payRest', { amount: sar(b.outstanding) })}</button>}
          {can('pay') && nextStep && b.schedule.length > 1 && nextStep.amount < b.outstanding && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void pay(nextStep.amount)}>{t('bookings.payStep', { amount: sar(nextStep.amount) })}</button>
          )}
          {can('pay') && <Link to="/wallet">{t('draw.toWallet')}</Link>}
          {can('decline') && <button type="button" className="secondary" disabled={busy} onClick={() => void operate(`decline:${b.id}`, (key) => call(client.POST('/api/v1/bookings/{id}/decline', { ...path, headers: { 'idempotency-key': key } })), t('draw.declined'))}>{t('draw.decline')}</button>}
          {can('cancel') && !previewing && <button type="button" className="secondary" onClick={() => setPreviewing(true)}>{t('draw.cancel')}</button>}
        </p>
      )}
      {previewing && <CancelPreview booking={b} busy={busy} onKeep={() => setPreviewing(false)} onCancel={(refund) => void operate(`cancel:${b.id}`,
        (key) => call(client.POST('/api/v1/bookings/{id}/cancel', { ...path, headers: { 'idempotency-key': key } })),
        refund > 0 ? t('bookings.cancelledRefund', { refund: sar(refund) }) : t('bookings.cancelledNoRefund'))} />}
      {(b.documents.confirmation || b.documents.receipt || b.documents.cards.length > 0) && (
        <>
          <h3>{t('bookings.documents')}</h3>
          <ul className="doc-links">
            {b.documents.confirmation && <li><a href={b.documents.confirmation} target="_blank" rel="noreferrer">{t('draw.docs.confirmation')}</a></li>}
            {b.documents.receipt && <li><a href={b.documents.receipt} target="_blank" rel="noreferrer">{t('draw.docs.receipt')}</a></li>}
            {b.documents.cards.map((c) => <li key={c.accountId}><a href={c.url} target="_blank" rel="noreferrer">{t('draw.docs.card', { name: c.name })}</a></li>)}
          </ul>
        </>
      )}
    </article>
  );
}

/**
 * What cancelling now gives back, said as it is: the amount, the fee kept and
 * the rule of the season's schedule that sets it. The button names the
 * outcome ("Cancel without a refund" when nothing comes back).
 */
function CancelPreview({ booking, busy, onKeep, onCancel }: { booking: FamilyBooking; busy: boolean; onKeep: () => void; onCancel: (refund: number) => void }) {
  const { t } = useTranslation();
  const preview = $api.useQuery('get', '/api/v1/bookings/{id}/cancellation', { params: { path: { id: booking.id } } });
  if (preview.error) return <ProblemAlert error={preview.error} />;
  if (!preview.data) return <p className="muted">{t('app.loading')}</p>;
  const p = preview.data;
  const days = t('bookings.days', { count: Math.abs(p.daysBefore) });
  const when = p.daysBefore >= 0 ? t('bookings.beforeArrival', { days }) : t('bookings.afterArrival', { days });
  let rule: string;
  if (p.reason === 'provider_suspended') rule = t('bookings.ruleSuspended');
  else if (p.rule) rule = t('bookings.ruleApplies', { fee: percent(p.rule.feeBps / 10_000), days: t('bookings.days', { count: p.rule.minDaysBefore }) });
  else rule = t('bookings.ruleNone');
  return (
    <div className="stack cancel-preview" role="region" aria-label={t('draw.cancel')}>
      <Alert kind={p.refund > 0 ? 'info' : 'warning'}>
        <p>{p.refund > 0 ? t('bookings.previewRefund', { when, refund: sar(p.refund), paid: sar(p.paid), fee: sar(p.fee) }) : t('bookings.previewNothing', { when, paid: sar(p.paid) })}</p>
        <p>{rule}</p>
      </Alert>
      {p.schedule.length > 0 && (
        <details>
          <summary>{t('bookings.schedule')}</summary>
          <ul>{p.schedule.map((r) => <li key={r.minDaysBefore}>{t('bookings.scheduleLine', { days: t('bookings.days', { count: r.minDaysBefore }), fee: percent(r.feeBps / 10_000) })}</li>)}</ul>
        </details>
      )}
      <p className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onCancel(p.refund)}>
          {p.refund > 0 ? t('bookings.confirmCancelRefund', { refund: sar(p.refund) }) : t('bookings.confirmCancelNothing')}
        </button>
        <button type="button" className="link-button" onClick={onKeep}>{t('draw.keepBooking')}</button>
      </p>
    </div>
  );
}
