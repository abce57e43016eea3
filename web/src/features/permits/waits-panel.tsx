import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { Countdown } from '../bookings/booking-card.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import { waitWindow } from './offline.ts';
import { dayHeading, saudiDayOf, timeRange } from './saudi-time.ts';
import type { Site, Wait } from './types.ts';
import { localized } from '../../../../src/common/i18n.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** The account's places in waiting lists: how many are ahead, and offers to accept or decline before their deadline. */
export function WaitsPanel() {
  const { t } = useTranslation();
  const waits = $api.useQuery('get', '/api/v1/me/permit-waitlist', {}, { refetchInterval: 30_000 });
  const live = (waits.data ?? []).filter((w) => w.status === 'waiting' || w.status === 'offered');
  if (waits.error) return <ProblemAlert error={waits.error} />;
  if (live.length === 0) return null;
  return (
    <section className="card" aria-labelledby="waits-title">
      <h2 id="waits-title">{t('permits.waits.title')}</h2>
      <ul className="waits">{live.map((w) => <WaitItem key={w.id} wait={w} />)}</ul>
    </section>
  );
}

function WaitItem({ wait: w }: { wait: Wait }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const can = (a: Wait['allowedActions'][number]) => w.allowedActions.includes(a);
  const where = waitWindow(w.windowId);
  const path = { params: { path: { entryId: w.id } } };

  async function act(send: () => Promise<unknown>, success: string) {
    setProblem(null);
    setBusy(true);
    try {
      await send();
      setDone(success);
      await Promise.all(['/api/v1/me/permit-waitlist', '/api/v1/me/permits'].map((p) => queryClient.invalidateQueries({ queryKey: ['get', p] })));
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }
  const accept = () => act(async () => {
    const operation = `permit-accept:${w.id}`;
    await call(client.POST('/api/v1/permits/waitlist/{entryId}/accept', { ...path, headers: { 'idempotency-key': operationKey(operation) } }));
    operationDone(operation);
  }, t('permits.waits.accepted'));
  const decline = (success: string) => act(() => call(client.POST('/api/v1/permits/waitlist/{entryId}/decline', path)), success);

  return (
    <li className="wait">
      <p>
        <strong>{where ? `${where.siteName} · ${dayHeading(saudiDayOf(where.startsAt))}` : t('permits.waits.aWindow')}</strong>
        {where && <> · <bdi dir="ltr">{timeRange(where.startsAt, where.endsAt)}</bdi></>}
        {' · '}{t('permits.mine.people', { count: w.size })}
      </p>
      {done && <Alert kind="success">{done}</Alert>}
      <ProblemAlert error={problem} />
      {w.status === 'waiting' && <p>{w.ahead === 0 ? t('permits.waits.first') : t('permits.waits.ahead', { count: w.ahead ?? 0 })}</p>}
      {w.status === 'offered' && w.offerDeadline && (
        <Alert kind="warning"><p>{t('permits.waits.offered', { date: formatDate(w.offerDeadline, { time: true }) })} <Countdown until={w.offerDeadline} /></p></Alert>
      )}
      <p className="actions">
        {can('accept') && <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>{t('permits.waits.accept')}</button>}
        {can('decline') && <button type="button" className="secondary" disabled={busy} onClick={() => void decline(t('permits.waits.declined'))}>{t('permits.waits.decline')}</button>}
        {can('leave') && <button type="button" className="secondary" disabled={busy} onClick={() => void decline(t('permits.waits.left'))}>{t('permits.waits.leave')}</button>}
      </p>
    </li>
  );
}

/** Penalties in force on the people of the account: which site, why, and until when. */
export function PenaltiesPanel({ sites }: { sites: Site[] }) {
  const { t } = useTranslation();
  const people = $api.useQuery('get', '/api/v1/me/permit-people');
  const now = Date.now();
  const rows = (people.data ?? []).flatMap((p) => p.penalties.filter((x) => Date.parse(x.until) > now).map((x) => ({ person: p.name, ...x })));
  if (rows.length === 0) return null;
  const siteName = (id: string) => (() => { const s = sites.find((x) => x.id === id); return s ? localized(s.name, currentLanguage()) : ''; })();
  return (
    <section className="card" aria-labelledby="penalties-title">
      <h2 id="penalties-title">{t('permits.penalties.title')}</h2>
      <ul>
        {rows.map((r) => (
          <li key={`${r.person}-${r.siteId}-${r.until}`}>
            {t('permits.penalties.line', { person: r.person, site: siteName(r.siteId), trigger: t(`permits.triggers.${r.trigger}`), until: formatDate(r.until, { time: true }) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
