import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client, toProblem } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { sar, seasonLabel } from '../../lib/format.ts';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import { SeasonPicker, useSeasonChoice } from '../../ui/season-picker.tsx';

type Application = paths['/api/v1/applications/mine']['get']['responses']['200']['content']['application/json'];
type Popularity = paths['/api/v1/seasons/{code}/popularity']['get']['responses']['200']['content']['application/json'][number];

/** Demand against seats, as two bars: first-choice and any-choice seats over capacity. */
export function DemandBars({ p }: { p: Popularity | undefined }) {
  const { t } = useTranslation();
  if (!p) return null;
  const pct = (n: number) => `${Math.min(100, Math.round((n / Math.max(1, p.capacity)) * 100))}%`;
  const first = t('application.firstChoice', { count: p.firstChoiceSeats });
  const any = t('application.anyChoice', { count: p.anyChoiceSeats });
  const capacity = t('application.capacity', { count: p.capacity });
  return (
    <div className="bars" role="img" aria-label={`${first}, ${any}, ${capacity}`}>
      <div className="bar"><span className="fill first" style={{ inlineSize: pct(p.firstChoiceSeats) }} /></div>
      <small>{first}</small>
      <div className="bar"><span className="fill any" style={{ inlineSize: pct(p.anyChoiceSeats) }} /></div>
      <small>{any} · {capacity}</small>
    </div>
  );
}

/** The family's application: members and their eligibility, and the ranking with live popularity. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const mine = $api.useQuery('get', '/api/v1/me/applications');
  const seasons = $api.useQuery('get', '/api/v1/seasons');
  // The season the family is in (newest first), else one taking applications.
  const involved = (mine.data ?? []).map((a) => a.season).sort().reverse();
  const open = (seasons.data ?? []).filter((s) => s.phase === 'registration' || s.phase === 'preference').map((s) => s.code);
  const choice = useSeasonChoice([...involved, ...open]);
  if (choice.loading || mine.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (!choice.season) return <Alert kind="info">{t('application.noSeason')}</Alert>;
  return (
    <div className="stack">
      <section className="card">
        <div className="page-head">
          <h1>{t('application.title')}</h1>
          <SeasonPicker codes={choice.codes} value={choice.code} onChange={choice.choose} />
        </div>
        <p>{t('application.season', { code: seasonLabel(choice.season.code) })} · {t('application.phase', { phase: t(`application.phases.${choice.season.phase}`) })}</p>
      </section>
      <SeasonApplication key={choice.season.code} season={choice.season} applied={involved.includes(choice.season.code)} />
    </div>
  );
}

function SeasonApplication({ season, applied }: { season: { code: string; phase: string }; applied: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const appKey = { params: { query: { season: season.code } } };
  // Only asked for when the family has one: having none yet is a state, not a 404 in the console.
  const app = $api.useQuery('get', '/api/v1/applications/mine', appKey, { enabled: applied });
  const popularity = $api.useQuery('get', '/api/v1/seasons/{code}/popularity', { params: { path: { code: season.code } } });
  const catalogue = $api.useQuery('get', '/api/v1/catalogue', { params: { query: { country: app.data?.country, season: season.code, limit: 50 } } }, { enabled: !!app.data });
  const [ranking, setRanking] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const put = (next: Application) => queryClient.setQueryData(['get', '/api/v1/applications/mine', appKey], next);

  async function run(work: () => Promise<Application | void>, done?: string) {
    setProblem(null);
    setSuccess(null);
    try {
      const next = await work();
      if (next) put(next);
      if (done) setSuccess(done);
    } catch (e) {
      setProblem(e);
      if (toProblem(e).code === 'application.version_conflict') void refetch();
    }
  }

  const { data: appData, error: appError, isPending, refetch } = app;
  if (appError) return <ProblemAlert error={toProblem(appError)} />;
  if (!applied) {
    const canApply = season.phase === 'registration' || season.phase === 'preference';
    return (
      <section className="card">
        <ProblemAlert error={problem} />
        {canApply ? (
          <>
            <button type="button" className="primary" onClick={() => void run(async () => { put(await call(client.POST('/api/v1/applications', { body: { season: season.code } }))); await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me/applications'] }); })}>{t('application.start')}</button>
            <p className="muted"><Link to="/pilgrim/profile">{t('application.needProfile')}</Link></p>
          </>
        ) : <Alert kind="info">{t('application.none')}</Alert>}
      </section>
    );
  }
  if (isPending || !appData) return <p className="muted">{t('app.loading')}</p>;
  const a = appData;
  const can = (action: Application['allowedActions'][number]) => a.allowedActions.includes(action);
  const current = ranking ?? a.ranking.map((r) => r.packageId);
  const items = catalogue.data?.items ?? [];
  const byId = new Map(items.map((p) => [p.id, p]));
  const demand = new Map((popularity.data ?? []).map((p) => [p.packageId, p]));

  return (
    <>
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t('application.members')}</h2>
        {success && <Alert kind="success">{success}</Alert>}
        <ProblemAlert error={problem} />
        {a.readOnly && <Alert kind="info">{t('application.readOnly')}</Alert>}
        <ul className="members">
          {a.members.map((m) => (
            <li key={m.accountId}>
              <strong id={`member-${m.accountId}`}>{m.name}</strong> · {m.role === 'admin' ? t('application.admin') : t('application.member')} ·{' '}
              <span className={m.eligible ? 'badge ok' : 'badge warn'}>{m.eligible ? t('application.eligible') : t('application.notEligible')}</span>
              {m.failedRules.length > 0 && <ul>{m.failedRules.map((r) => <li key={r.code} className="field-error">{r.message}</li>)}</ul>}
              {can('remove_member') && m.role !== 'admin' && (
                <button type="button" className="link-button small" aria-describedby={`member-${m.accountId}`} onClick={() => void run(() => call(client.DELETE('/api/v1/applications/{id}/members/{accountId}', { params: { path: { id: a.id, accountId: m.accountId }, query: { expectedVersion: a.version } } })))}>{t('application.remove')}</button>
              )}
            </li>
          ))}
        </ul>
        {can('add_member') && (
          <form onSubmit={(e) => {
            e.preventDefault();
            const email = String(new FormData(e.currentTarget).get('email'));
            void run(() => call(client.POST('/api/v1/applications/{id}/members', { params: { path: { id: a.id } }, body: { email, expectedVersion: a.version } })));
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
              {/* Each row's buttons say "Up" and "Remove": the package's title, which they describe, tells them apart. */}
              <strong id={`ranked-${id}`} lang={byId.get(id)?.titleLanguage}>{byId.get(id)?.title ?? t('application.unknownPackage')}</strong> {byId.get(id) && sar(byId.get(id)!.price.total)}
              <DemandBars p={demand.get(id)} />
              {can('rank') && (
                <span className="row-actions">
                  {i > 0 && <button type="button" className="link-button small" aria-describedby={`ranked-${id}`} onClick={() => setRanking([...current.slice(0, i - 1), id, current[i - 1]!, ...current.slice(i + 1)])}>{t('application.up')}</button>}
                  <button type="button" className="link-button small" aria-describedby={`ranked-${id}`} onClick={() => setRanking(current.filter((x) => x !== id))}>{t('application.remove')}</button>
                </span>
              )}
            </li>
          ))}
        </ol>
        {can('rank') && (
          <>
            <ul className="candidates">
              {items.filter((p) => !current.includes(p.id)).map((p) => (
                <li key={p.id}>
                  <span id={`candidate-${p.id}`} lang={p.titleLanguage}>{p.title}</span> · {sar(p.price.total)} · {t('package.camp', { category: p.minaCamp })}
                  <DemandBars p={demand.get(p.id)} />
                  <button type="button" className="secondary small" aria-describedby={`candidate-${p.id}`} disabled={current.length >= 5} onClick={() => setRanking([...current, p.id])}>{t('application.choose')}</button>
                </li>
              ))}
            </ul>
            <button type="button" className="primary" onClick={() => void run(async () => {
              const saved = await call(client.PUT('/api/v1/applications/{id}/ranking', { params: { path: { id: a.id } }, body: { packageIds: current, expectedVersion: a.version } }));
              setRanking(null);
              void popularity.refetch(); // the family's own seats now count in the bars
              return { ...a, ...saved };
            }, t('application.rankingSaved'))}>{t('application.saveRanking')}</button>
          </>
        )}
      </section>
    </>
  );
}
