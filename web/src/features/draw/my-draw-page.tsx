import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client, toProblem } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { number, sar, seasonLabel } from '../../lib/format.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import { SeasonPicker, useSeasonChoice } from '../../ui/season-picker.tsx';
import { BookingCard } from '../bookings/booking-card.tsx';
import { InclusionCheck } from './inclusion.tsx';

const liveStatuses = ['held', 'confirmed', 'visa_ready', 'completed'];

/** A family's draw: the result, its booking and deadline, its proof of inclusion, and the open sale's waiting room; in any season it is in. */
export function MyDrawPage() {
  const { t } = useTranslation();
  const mine = $api.useQuery('get', '/api/v1/me/applications');
  // The season the family is in, newest first: a family of 1448H is not shown 1447H.
  const choice = useSeasonChoice((mine.data ?? []).map((a) => a.season).sort().reverse());
  if (choice.loading || mine.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (!choice.season) return <Alert kind="info">{t('draw.noneYet')}</Alert>;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('draw.myTitle', { season: seasonLabel(choice.season.code) })}</h1>
        <SeasonPicker codes={choice.codes} value={choice.code} onChange={choice.choose} />
      </div>
      <SeasonDraw key={choice.season.code} season={choice.season.code} phase={choice.season.phase} applied={(mine.data ?? []).some((a) => a.season === choice.season!.code)} />
    </div>
  );
}

function SeasonDraw({ season, phase, applied }: { season: string; phase: string; applied: boolean }) {
  const { t } = useTranslation();
  const path = { params: { path: { code: season } } };
  // Before the freeze there is no draw to ask about: a state, not a 404.
  const status = $api.useQuery('get', '/api/v1/seasons/{code}/draw/status', path, { enabled: applied });
  const drawn = !!status.data && status.data.status !== 'none';
  const mine = $api.useQuery('get', '/api/v1/seasons/{code}/draw/mine', path, { retry: false, enabled: applied && drawn });
  const draw = $api.useQuery('get', '/api/v1/seasons/{code}/draw', path, { retry: false, enabled: !!mine.data?.entered });
  const bookings = $api.useQuery('get', '/api/v1/me/bookings');
  const items = bookings.data?.items ?? [];
  const live = items.find((b) => b.season === season && liveStatuses.includes(b.status));
  // A booking cancelled, declined or expired while the page is open stays on it, with what just happened.
  const [shownId, setShownId] = useState<string>();
  useEffect(() => {
    if (live) setShownId(live.id);
  }, [live?.id]);
  const shown = live ?? items.find((b) => b.id === shownId);

  const saleOpen = ['offers', 'between', 'open_sale'].includes(phase);
  if (!applied) return <>{<Alert kind="info">{t('draw.noApplication')}</Alert>}{saleOpen && !live && <WaitingRoom season={season} />}</>;
  if (status.data?.status === 'none') return <Alert kind="info">{t('draw.notYetFrozen')}</Alert>;
  if (mine.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (mine.error) {
    const p = toProblem(mine.error);
    // No application, or no draw yet in this season: a state to explain, not an error.
    if (p.status === 404) return <Alert kind="info">{p.title}</Alert>;
    return <ProblemAlert error={p} />;
  }
  const m = mine.data!;
  return (
    <>
      <section className="card">
        {!m.entered && <Alert kind="info">{t('draw.notEntered')}</Alert>}
        {m.entered && !m.result && <p>{t('draw.entered')}</p>}
        {m.result?.outcome === 'won' && <Alert kind="success">{t('draw.youWon', { rank: m.result.choiceRank, position: number(m.result.place) })}</Alert>}
        {m.result?.outcome === 'waiting' && <Alert kind="info">{t('draw.youWait', { place: number(m.result.waitlistPosition ?? 0), position: number(m.result.place) })}</Alert>}
      </section>
      {shown && <BookingCard booking={shown} />}
      {draw.data?.commitment && m.entered && (
        <section className="card" aria-labelledby="proof-title">
          <h2 id="proof-title">{t('draw.yourProof')}</h2>
          <InclusionCheck season={season} root={draw.data.commitment.merkleRoot} initialId={m.applicationId} />
        </section>
      )}
      {!live && ['offers', 'between', 'open_sale'].includes(phase) && <WaitingRoom season={season} />}
    </>
  );
}

/** The open sale's waiting room: place, estimated wait, and once admitted the packages to book. */
function WaitingRoom({ season }: { season: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const path = { params: { path: { code: season } } };
  // With a session until one has a place; then by the place token, which the server answers
  // from its caches without a database read (what keeps the opening minute cheap).
  const session = $api.useQuery('get', '/api/v1/seasons/{code}/sale/queue', path, { refetchInterval: (query) => (query.state.data?.placeToken ? false : 5000) });
  const placeToken = session.data?.placeToken ?? null;
  const byPlace = $api.useQuery('get', '/api/v1/seasons/{code}/sale/place', { params: { path: { code: season }, header: { 'place-token': placeToken ?? '' } } }, { enabled: placeToken !== null, refetchInterval: 5000 });
  const queue = placeToken !== null && byPlace.data ? byPlace : session;
  const packages = $api.useQuery('get', '/api/v1/seasons/{code}/sale/packages', path, { enabled: !!queue.data?.admitted });
  const [problem, setProblem] = useState<unknown>(null);
  const q = queue.data;

  async function join() {
    setProblem(null);
    try {
      queryClient.setQueryData(['get', '/api/v1/seasons/{code}/sale/queue', path], await call(client.POST('/api/v1/seasons/{code}/sale/queue', path)));
    } catch (e) {
      setProblem(e);
    }
  }

  async function book(packageId: string) {
    setProblem(null);
    // One key per intended booking: a retry after a lost answer gets the booking, not "already booked".
    const operation = `sale:${season}:${packageId}`;
    try {
      await call(client.POST('/api/v1/seasons/{code}/sale/bookings', { params: { ...path.params, header: { 'admission-token': q?.admissionToken ?? '', 'idempotency-key': operationKey(operation) } }, body: { packageId } }));
      operationDone(operation);
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me/bookings'] });
    } catch (e) {
      setProblem(e);
    }
  }

  return (
    <section className="card" aria-labelledby="sale-title" aria-live="polite">
      <h2 id="sale-title">{t('sale.title')}</h2>
      <p className="muted">{t('sale.intro', { date: q ? formatDate(q.opensAt, { time: true }) : '' })}</p>
      <ProblemAlert error={problem ?? queue.error} />
      {q && !q.inQueue && <button type="button" className="primary" onClick={() => void join()}>{t('sale.join')}</button>}
      {q?.inQueue && q.position === null && <p>{t('sale.waitingOpening')}</p>}
      {q?.inQueue && q.position !== null && !q.admitted && (
        <p>{t('sale.place', { position: number(q.position), admitted: number(q.admittedUpTo), minutes: Math.ceil((q.estimatedWaitSeconds ?? 0) / 60) })}</p>
      )}
      {q?.admitted && (
        <>
          <Alert kind="success">{t('sale.admitted')}</Alert>
          <ul className="candidates">
            {packages.data?.map((p) => (
              <li key={p.packageId}>
                {p.title} · {sar(p.total)} · {t('sale.seatsLeft', { count: p.seatsLeft })}
                <button type="button" className="primary small" onClick={() => void book(p.packageId)}>{t('sale.book')}</button>
              </li>
            ))}
          </ul>
          {packages.data?.length === 0 && <p>{t('sale.soldOut')}</p>}
        </>
      )}
    </section>
  );
}
