import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import { localized } from '../../../../src/common/i18n.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { number } from '../../lib/format.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { DateField, Field, Select } from '../../ui/fields.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import { isolate } from './code-labels.ts';
import type { Labels } from './types.ts';

/**
 * The border records a paid booking's arrival (the direct programme): one
 * record per member of the family, none if any is already recorded. The
 * request carries an Idempotency-Key kept across retries of the same arrival.
 */
export function RecordArrival({ season, ports }: { season: string; ports: Labels['entryPort'] | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [bookingId, setBookingId] = useState('');
  const [entryPort, setEntryPort] = useState('JED');
  const [arrivalDate, setArrivalDate] = useState('');
  const [makkahRoute, setMakkahRoute] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<{ bookingId: string; recorded: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = bookingId.trim() === '' || entryPort.trim() === '' || !/^\d{4}-\d{2}-\d{2}$/.test(arrivalDate);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (missing) return;
    setProblem(null);
    setDone(null);
    const body = { bookingId: bookingId.trim(), entryPort: entryPort.trim().toUpperCase(), arrivalDate, makkahRoute };
    const operation = `stats-arrival:${season}:${JSON.stringify(body)}`;
    setBusy(true);
    try {
      setDone(await call(client.POST('/api/v1/statistics/hajj/{season}/arrivals', { params: { path: { season }, header: { 'idempotency-key': operationKey(operation) } }, body })));
      operationDone(operation);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="arrival-title">
      <h2 id="arrival-title">{t('statistics.arrivalTitle')}</h2>
      <p className="muted">{t('statistics.arrivalIntro')}</p>
      <ProblemAlert error={problem} />
      {done && <Alert kind="success">{t('statistics.arrivalRecorded', { count: done.recorded, n: number(done.recorded), booking: isolate(done.bookingId) })}</Alert>}
      <Field label={t('statistics.bookingId')} name="bookingId" dir="ltr" autoComplete="off" value={bookingId} onChange={(e) => setBookingId(e.target.value)} hint={t('statistics.bookingIdHint')} />
      {ports ? (
        <Select label={t('statistics.entryPort')} name="entryPort" value={entryPort} onChange={setEntryPort}>
          {Object.entries(ports).map(([code, p]) => <option key={code} value={code}>{localized(p, lang)} ({code})</option>)}
        </Select>
      ) : (
        <Field label={t('statistics.entryPort')} name="entryPort" dir="ltr" maxLength={3} value={entryPort} onChange={(e) => setEntryPort(e.target.value)} hint={t('statistics.entryPortHint')} />
      )}
      <DateField label={t('statistics.arrivalDate')} name="arrivalDate" value={arrivalDate} onChange={setArrivalDate} />
      <label className="check">
        <input type="checkbox" checked={makkahRoute} onChange={(e) => setMakkahRoute(e.target.checked)} />
        {t('statistics.makkahRouteCleared')}
      </label>
      <p><button type="submit" className="primary" disabled={busy || missing}>{t('statistics.recordArrival')}</button></p>
    </form>
  );
}
