import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../lib/api.ts';
import { sar } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';
import type { CataloguePage } from '../catalogue/types.ts';

interface Season { code: string; phase: string }
interface Application {
  id: string; season: string; country: string; version: number; readOnly: boolean; eligible: boolean;
  members: { accountId: string; role: string; name: string; eligible: boolean; failedRules: { code: string; message: string }[] }[];
  ranking: { rank: number; packageId: string }[];
}
interface Popularity { packageId: string; capacity: number; firstChoiceSeats: number; anyChoiceSeats: number }

/** Demand against seats, as two bars: first-choice and any-choice seats over capacity. */
export function DemandBars({ p }: { p: Popularity | undefined; }) {
  const { t } = useTranslation();
  if (!p) return null;
  const pct = (n: number) => `${Math.min(100, Math.round((n / p.capacity) * 100))}%`;
  return (
    <div className="bars" role="img" aria-label={`${t('application.firstChoice', { seats: p.firstChoiceSeats })}, ${t('application.anyChoice', { seats: p.anyChoiceSeats })}, ${t('application.capacity', { seats: p.capacity })}`}>
      <div className="bar"><span className="fill first" style={{ inlineSize: pct(p.firstChoiceSeats) }} /></div>
      <small>{t('application.firstChoice', { seats: p.firstChoiceSeats })}</small>
      <div className="bar"><span className="fill any" style={{ inlineSize: pct(p.anyChoiceSeats) }} /></div>
      <small>{t('application.anyChoice', { seats: p.anyChoiceSeats })} · {t('application.capacity', { seats: p.capacity })}</small>
    </div>
  );
}

/** The family's application: members and their eligibility, and the ranking with live popularity. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { data: seasons } = useApi<Season[]>('/seasons');
  const season = seasons?.find((s) => s.phase === 'registration' || s.phase === 'preference') ?? seasons?.[0];
  const { data: app, error, setData, reload } = useApi<Application>(season ? `/applications/mine?season=${season.code}` : null);
  const { data: popularity, reload: reloadPopularity } = useApi<Popularity[]>(season ? `/seasons/${season.code}/popularity` : null);
  const { data: catalogue } = useApi<CataloguePage>(app ? `/catalogue?country=${app.country}&season=${app.season}&limit=50` : null);
  const [ranking, setRanking] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  if (!seasons) return <p>{t('app.loading')}</p>;
  if (!season) return <Alert kind="info">{t('application.noSeason')}</Alert>;
  const current = ranking ?? app?.ranking.map((r) => r.packageId) ?? [];
  const byId = new Map(catalogue?.items.map((p) => [p.id, p]));
  const demand = new Map(popularity?.map((p) => [p.packageId, p]));

  async function run(work: () => Promise<Application | void>, success?: string) {
    setMessage(null);
    try {
      const next = await work();
      if (next) setData(next);
      if (success) setMessage({ kind: 'success', text: success });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
      if (e instanceof ApiError && e.code === 'application.version_conflict') reload();
    }
  }

  return (
    <div className="stack">
      <section className="card">
        <h1>{t('application.title')}</h1>
        <p>{t('application.season', { code: season.code })} · {t('application.phase', { phase: t(`application.phases.${season.phase}`) })}</p>
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
        {error?.code === 'application.not_found' && (
          <button type="button" className="primary" onClick={() => void run(() => api<Application>('/applications', { method: 'POST', body: { season: season.code } }))}>{t('application.start')}</button>
        )}
        {error?.code === 'application.not_found' && <p className="muted"><Link to="/pilgrim/profile">{t('application.needProfile')}</Link></p>}
      </section>
      {app && (
        <>
          <section className="card" aria-labelledby="members-title">
            <h2 id="members-title">{t('application.members')}</h2>
            {app.readOnly && <Alert kind="info">{t('application.readOnly')}</Alert>}
            <ul className="members">
              {app.members.map((m) => (
                <li key={m.accountId}>
                  <strong>{m.name}</strong> · {m.role === 'admin' ? t('application.admin') : t('application.member')} ·{' '}
                  <span className={m.eligible ? 'badge ok' : 'badge warn'}>{m.eligible ? t('application.eligible') : t('application.notEligible')}</span>
                  {m.failedRules.length > 0 && <ul>{m.failedRules.map((r) => <li key={r.code} className="field-error">{r.message}</li>)}</ul>}
                  {!app.readOnly && m.role !== 'admin' && (
                    <button type="button" className="link-button small" onClick={() => void run(() => api<Application>(`/applications/${app.id}/members/${m.accountId}?expectedVersion=${app.version}`, { method: 'DELETE' }))}>{t('application.remove')}</button>
                  )}
                </li>
              ))}
            </ul>
            {!app.readOnly && (
              <form onSubmit={(e) => {
                e.preventDefault();
                const email = String(new FormData(e.currentTarget).get('email'));
                void run(() => api<Application>(`/applications/${app.id}/members`, { method: 'POST', body: { email, expectedVersion: app.version } }));
              }}>
                <div className="field"><label htmlFor="member-email">{t('application.addMember')}</label><input id="member-email" name="email" type="email" dir="ltr" required /></div>
                <button type="submit" className="secondary">{t('application.add')}</button>
              </form>
            )}
          </section>
          <section className="card" aria-labelledby="ranking-title">
            <h2 id="ranking-title">{t('application.ranking')}</h2>
            <p className="muted">{t('application.rankingIntro')}</p>
            <ol className="ranking">
              {current.map((id, i) => (
                <li key={id}>
                  <strong>{byId.get(id)?.title ?? id}</strong> {byId.get(id) && sar(byId.get(id)!.price.total)}
                  <DemandBars p={demand.get(id)} />
                  {!app.readOnly && (
                    <span className="row-actions">
                      {i > 0 && <button type="button" className="link-button small" onClick={() => setRanking([...current.slice(0, i - 1), id, current[i - 1]!, ...current.slice(i + 1)])}>{t('application.up')}</button>}
                      <button type="button" className="link-button small" onClick={() => setRanking(current.filter((x) => x !== id))}>{t('application.remove')}</button>
                    </span>
                  )}
                </li>
              ))}
            </ol>
            {!app.readOnly && (
              <>
                <ul className="candidates">
                  {catalogue?.items.filter((p) => !current.includes(p.id)).map((p) => (
                    <li key={p.id}>
                      <span lang={p.titleLanguage}>{p.title}</span> · {sar(p.price.total)} · {t('package.camp', { category: p.minaCamp })}
                      <DemandBars p={demand.get(p.id)} />
                      <button type="button" className="secondary small" disabled={current.length >= 5} onClick={() => setRanking([...current, p.id])}>{t('application.choose')}</button>
                    </li>
                  ))}
                </ul>
                <button type="button" className="primary" onClick={() => void run(async () => {
                  const saved = await api<Pick<Application, 'version' | 'ranking'>>(`/applications/${app.id}/ranking`, { method: 'PUT', body: { packageIds: current, expectedVersion: app.version } });
                  setRanking(null);
                  reloadPopularity(); // the family's own seats now count in the bars
                  return { ...app, ...saved };
                }, t('application.rankingSaved'))}>{t('application.saveRanking')}</button>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
