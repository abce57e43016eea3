import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { DateField } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';
import { AvailabilityBadge } from './availability-badge.tsx';
import { PermitQr } from './permit-qr.tsx';
import { addDays, dayHeading, saudiDayOf, timeRange } from './saudi-time.ts';
import type { PermitBooking, PermitWindow, Site } from './types.ts';

/** "ABCDE FGHIJ": the typed code in two groups of five, easier to read out. */
const grouped = (code: string) => `${code.slice(0, 5)} ${code.slice(5)}`;

/** A duration in hours when whole, else in minutes, with the language's plural forms. */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number) => (minutes % 60 === 0 ? t('permits.hours', { count: minutes / 60 }) : t('permits.minutes', { count: minutes }));
}

/** One booking: when and where, each member's QR code and typed code, the PDF, and exactly the changes the API allows. */
export function PermitBookingCard({ booking: b, sites, offline }: { booking: PermitBooking; sites: Site[]; offline: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'move' | 'cancel' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const can = (a: PermitBooking['allowedActions'][number]) => !offline && b.allowedActions.includes(a);
  const site = sites.find((s) => s.id === b.siteId) ?? null;

  async function operate(operation: string, send: (key: string) => Promise<unknown>, success: string) {
    setProblem(null);
    setDone(null);
    setBusy(true);
    try {
      await send(operationKey(operation));
      operationDone(operation);
      setDone(success);
      setMode(null);
      await Promise.all(['/api/v1/me/permits', '/api/v1/me/permit-people', '/api/v1/permits/sites/{siteId}/windows'].map((p) => queryClient.invalidateQueries({ queryKey: ['get', p] })));
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }
  const path = { params: { path: { id: b.id } } };

  return (
    <article className="card permit-booking" aria-labelledby={`pb-${b.id}`}>
      <h2 id={`pb-${b.id}`}>{b.siteName}</h2>
      <p>
        <span className={`badge permit-${b.status}`}>{t(`permits.bookingStatus.${b.status}`)}</span>{' '}
        {dayHeading(saudiDayOf(b.startsAt))}
      </p>
      <dl className="facts two-col">
        <dt>{t('permits.mine.time')}</dt><dd><bdi dir="ltr">{timeRange(b.startsAt, b.endsAt)}</bdi> {t('permits.saudiTime')}</dd>
        <dt>{t('permits.mine.section')}</dt><dd>{t(`permits.sections.${b.section}`)}</dd>
        <dt>{t('permits.mine.gates')}</dt><dd dir="ltr">{b.gates.join(', ')}</dd>
        <dt>{t('permits.mine.group')}</dt><dd>{t('permits.mine.people', { count: b.size })}</dd>
      </dl>
      {done && <Alert kind="success">{done}</Alert>}
      <ProblemAlert error={problem} />
      <ul className="permit-list">
        {b.permits.map((p) => (
          <li key={p.id} className="permit">
            <h3>{t('permits.mine.member', { n: p.memberIndex + 1, name: p.name })}</h3>
            {b.status === 'active' && p.status === 'valid' && <PermitQr token={p.token} label={t('permits.mine.qrLabel', { name: p.name })} />}
            <p className="short-code">{t('permits.mine.code')} <bdi dir="ltr"><code>{grouped(p.code)}</code></bdi></p>
            <p><span className={`badge permit-${p.status}`}>{t(`permits.permitStatus.${p.status}`)}</span>
              {p.checkedInAt && <> {t('permits.mine.checkedInAt', { date: formatDate(p.checkedInAt, { time: true }) })}</>}</p>
          </li>
        ))}
      </ul>
      {(can('download') || can('reschedule') || can('cancel')) && (
        <p className="actions">
          {can('download') && <a className="button secondary" href={`/api/v1/permits/bookings/${b.id}/permit.pdf`} target="_blank" rel="noreferrer">{t('permits.mine.pdf')}</a>}
          {can('reschedule') && <button type="button" className="secondary" onClick={() => setMode(mode === 'move' ? null : 'move')} aria-expanded={mode === 'move'}>{t('permits.mine.move')}</button>}
          {can('cancel') && <button type="button" className="secondary" onClick={() => setMode(mode === 'cancel' ? null : 'cancel')} aria-expanded={mode === 'cancel'}>{t('permits.mine.cancel')}</button>}
        </p>
      )}
      {mode === 'move' && <MovePicker booking={b} busy={busy} onMove={(w) => void operate(`permit-move:${b.id}:${w.id}`,
        (key) => call(client.POST('/api/v1/permits/bookings/{id}/reschedule', { ...path, body: { windowId: w.id }, headers: { 'idempotency-key': key } })),
        t('permits.mine.moved', { time: timeRange(w.startsAt, w.endsAt), day: dayHeading(saudiDayOf(w.startsAt)) }))} />}
      {mode === 'cancel' && <CancelPreview booking={b} site={site} busy={busy} onKeep={() => setMode(null)} onCancel={(penaltyDays) => void operate(`permit-cancel:${b.id}`,
        (key) => call(client.POST('/api/v1/permits/bookings/{id}/cancel', { ...path, headers: { 'idempotency-key': key } })),
        penaltyDays ? t('permits.mine.cancelledPenalty', { count: penaltyDays }) : t('permits.mine.cancelledFree'))} />}
    </article>
  );
}

/** Another window of the same site and section with room for the whole group; the move is one step, the old codes revoked. */
function MovePicker({ booking: b, busy, onMove }: { booking: PermitBooking; busy: boolean; onMove: (w: PermitWindow) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(saudiDayOf(b.startsAt));
  const [fieldKey, setFieldKey] = useState(0);
  const [target, setTarget] = useState<PermitWindow | null>(null);
  const windows = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/windows', { params: { path: { siteId: b.siteId }, query: { date, section: b.section } } });
  const step = (n: number) => { setDate(addDays(date, n)); setFieldKey((k) => k + 1); setTarget(null); };
  return (
    <div className="stack move-picker" role="region" aria-label={t('permits.mine.move')}>
      <p>{t('permits.mine.moveIntro', { count: b.size })}</p>
      <DateField key={fieldKey} label={t('permits.book.date')} name={`move-${b.id}`} value={date} onChange={(d) => { if (/^\d{4}-\d{2}-\d{2}$/.test(d)) { setDate(d); setTarget(null); } }} />
      <p className="actions">
        <button type="button" className="secondary small" onClick={() => step(-1)}>{t('permits.book.previousDay')}</button>
        <button type="button" className="secondary small" onClick={() => step(1)}>{t('permits.book.nextDay')}</button>
      </p>
      <Loaded query={windows}>
        {(list) => {
          const open = list.filter((w) => w.id !== b.windowId && w.allowedActions.includes('book') && w.remaining >= b.size);
          return open.length === 0 ? <p className="muted">{t('permits.mine.noRoom')}</p> : (
            <ul className="windows">
              {open.map((w) => (
                <li key={w.id} className={target?.id === w.id ? 'chosen' : undefined}>
                  <span className="window-time" dir="ltr">{timeRange(w.startsAt, w.endsAt)}</span>
                  <AvailabilityBadge window={w} />
                  <button type="button" className="secondary small" aria-pressed={target?.id === w.id} onClick={() => setTarget(w)}
                    aria-label={t('permits.book.chooseLabel', { time: timeRange(w.startsAt, w.endsAt) })}>{t('permits.book.choose')}</button>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      {target && (
        <Alert kind="warning">
          <p>{t('permits.mine.moveWarning')}</p>
          <p><button type="button" className="primary" disabled={busy} onClick={() => onMove(target)}>{t('permits.mine.moveTo', { time: timeRange(target.startsAt, target.endsAt) })}</button></p>
        </Alert>
      )}
    </div>
  );
}

/**
 * What cancelling now costs, from the site's own settings (its cancellation
 * lead time and its late-cancellation penalty): the button says the outcome.
 */
function CancelPreview({ booking: b, site, busy, onKeep, onCancel }: { booking: PermitBooking; site: Site | null; busy: boolean; onKeep: () => void; onCancel: (penaltyDays: number) => void }) {
  const { t } = useTranslation();
  const duration = useDuration();
  if (!site) return <p className="muted">{t('app.loading')}</p>;
  const deadline = Date.parse(b.startsAt) - site.cancelLeadMinutes * 60_000;
  const late = Date.now() > deadline;
  const penalty = site.penalties.find((p) => p.trigger === 'late_cancel');
  const days = late && penalty ? penalty.banDays : 0;
  let text: string;
  if (!late) text = t('permits.mine.cancelFree', { lead: duration(site.cancelLeadMinutes), date: formatDate(new Date(deadline).toISOString(), { time: true }) });
  else if (penalty) text = t('permits.mine.cancelPenalty', { lead: duration(site.cancelLeadMinutes), count: penalty.banDays });
  else text = t('permits.mine.cancelLateNoPenalty', { lead: duration(site.cancelLeadMinutes) });
  return (
    <div className="stack" role="region" aria-label={t('permits.mine.cancel')}>
      <Alert kind={days ? 'warning' : 'info'}><p>{text}</p><p>{t('permits.mine.cancelRevokes')}</p></Alert>
      <p className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onCancel(days)}>{days ? t('permits.mine.confirmCancelPenalty', { count: days }) : t('permits.mine.confirmCancel')}</button>
        <button type="button" className="link-button" onClick={onKeep}>{t('permits.mine.keep')}</button>
      </p>
    </div>
  );
}
