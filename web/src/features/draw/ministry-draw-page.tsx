import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client } from '../../api/client.ts';
import { number, seasonLabel } from '../../lib/format.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { formatDate } from '../../lib/dates.ts';
import { Field, InstantField } from '../../ui/fields.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import { SeasonPicker, useSeasonChoice } from '../../ui/season-picker.tsx';
import { FairnessAudit, ResultCharts } from './charts.tsx';

/** The ministry runs the draw step by step — freeze, enter the public value, run, review the audit, publish — each button shown when the API allows it. */
export function MinistryDrawPage() {
  const { t } = useTranslation();
  const seasons = $api.useQuery('get', '/api/v1/seasons');
  const busy = (seasons.data ?? []).filter((s) => ['preference', 'frozen', 'offers'].includes(s.phase)).map((s) => s.code);
  const choice = useSeasonChoice(busy);
  if (!choice.code) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('draw.ministryTitle', { season: seasonLabel(choice.code) })}</h1>
        <SeasonPicker codes={choice.codes} value={choice.code} onChange={choice.choose} />
      </div>
      <SeasonDraw key={choice.code} season={choice.code} />
    </div>
  );
}

function SeasonDraw({ season }: { season: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const path = { params: { path: { code: season } } };
  const status = $api.useQuery('get', '/api/v1/seasons/{code}/draw/status', path);
  const frozen = !!status.data && status.data.status !== 'none';
  const draw = $api.useQuery('get', '/api/v1/seasons/{code}/draw', path, { enabled: frozen });
  const violations = $api.useQuery('get', '/api/v1/seasons/{code}/capacity-check', path);
  const [share, setShare] = useState('20');
  const [offerHours, setOfferHours] = useState('72');
  const [source, setSource] = useState<'drand' | 'declared'>('drand');
  const [delayMinutes, setDelayMinutes] = useState('10');
  const [description, setDescription] = useState('');
  const [notBefore, setNotBefore] = useState('');
  const [round, setRound] = useState('');
  const [signature, setSignature] = useState('');
  const [value, setValue] = useState('');
  const [where, setWhere] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const can = (a: 'freeze' | 'set_random_value' | 'run' | 'publish') => status.data?.allowedActions.includes(a) ?? false;

  async function step(work: () => Promise<unknown>, message: string) {
    setProblem(null);
    setDone(null);
    try {
      await work();
      setDone(message);
    } catch (e) {
      setProblem(e);
    }
    await Promise.all(['/api/v1/seasons/{code}/draw/status', '/api/v1/seasons/{code}/draw', '/api/v1/seasons/{code}/capacity-check'].map((p) => queryClient.invalidateQueries({ queryKey: ['get', p] })));
  }

  const freeze = (e: FormEvent) => {
    e.preventDefault();
    const pct = Number(share);
    const pools = pct > 0 ? [{ code: 'first_time' as const, share: pct / 100 }, { code: 'general' as const }] : [{ code: 'general' as const }];
    const randomness = source === 'drand'
      ? { kind: 'drand' as const, chain: 'quicknet' as const, delaySeconds: Math.round(Number(delayMinutes) * 60) }
      : { kind: 'declared' as const, description, notBefore };
    void step(() => call(client.POST('/api/v1/seasons/{code}/draw/freeze', { ...path, body: { pools, offerHours: Number(offerHours), randomness } })), t('draw.frozen'));
  };
  const publish = () => {
    const operation = `publish-draw:${season}`;
    void step(async () => {
      await call(client.POST('/api/v1/seasons/{code}/draw/publish', { ...path, headers: { 'idempotency-key': operationKey(operation) } }));
      operationDone(operation);
    }, t('draw.publishedDone'));
  };

  const d = draw.data;
  return (
    <>
      <section className="card">
        <p>{t('draw.status')}: <strong>{t(`draw.states.${status.data?.status ?? 'none'}`)}</strong> · <Link to={`/draw/${season}`}>{t('draw.publicPage')}</Link></p>
        {done && <Alert kind="success">{done}</Alert>}
        <ProblemAlert error={problem ?? status.error} />
        {violations.data && <p>{violations.data.length === 0 ? <span className="badge ok">{t('draw.capacityOk')}</span> : <span className="badge danger">{t('draw.capacityBad', { count: violations.data.length })}</span>}</p>}
      </section>

      {can('freeze') && (
        <form className="card" onSubmit={freeze}>
          <h2>{t('draw.freezeTitle')}</h2>
          <p className="muted">{t('draw.freezeIntro')}</p>
          <Field label={t('draw.firstTimeShare')} name="share" inputMode="decimal" dir="ltr" value={share} onChange={(e) => setShare(e.target.value)} />
          <Field label={t('draw.offerHours')} name="offerHours" inputMode="numeric" dir="ltr" value={offerHours} onChange={(e) => setOfferHours(e.target.value)} />
          <fieldset>
            <legend>{t('draw.sourceTitle')}</legend>
            <label className="check"><input type="radio" name="source" checked={source === 'drand'} onChange={() => setSource('drand')} /> {t('draw.sourceDrand')}</label>
            <label className="check"><input type="radio" name="source" checked={source === 'declared'} onChange={() => setSource('declared')} /> {t('draw.sourceDeclared')}</label>
            {source === 'drand'
              ? <Field label={t('draw.delayMinutes')} name="delay" inputMode="numeric" dir="ltr" value={delayMinutes} hint={t('draw.delayHint')} onChange={(e) => setDelayMinutes(e.target.value.replace(/[^\d.]/g, ''))} />
              : (
                <>
                  <Field multiline label={t('draw.declaredDescription')} name="description" value={description} hint={t('draw.declaredHint')} onChange={(e) => setDescription(e.target.value)} />
                  <InstantField label={t('draw.notBefore')} name="notBefore" value={notBefore} onChange={setNotBefore} />
                </>
              )}
          </fieldset>
          <button type="submit" className="primary">{t('draw.freeze')}</button>
        </form>
      )}

      {d && (
        <section className="card">
          <h2>{t('draw.commitment')}</h2>
          {d.commitment && <p>{t('draw.entries')}: {number(d.commitment.entryCount)}</p>}
          {d.commitment && <p className="hash" dir="ltr">{d.commitment.merkleRoot}</p>}
          {d.commitment?.randomness.kind === 'drand' && (
            <p>{t('draw.namedRoundIs', { round: d.commitment.randomness.round, time: formatDate(d.commitment.randomness.roundTime, { time: true }) })} <a href={d.commitment.randomness.url} dir="ltr" rel="noreferrer">{t('draw.atItsSource')}</a></p>
          )}
          {can('set_random_value') && d.commitment && (
            <form onSubmit={(e) => {
              e.preventDefault();
              const body = d.commitment!.randomness.kind === 'drand' ? { round: Number(round || d.commitment!.randomness.round), signature: signature.trim() } : { value, source: where };
              void step(() => call(client.POST('/api/v1/seasons/{code}/draw/random-value', { ...path, body })), t('draw.seeded'));
            }}>
              <h3>{t('draw.valueTitle')}</h3>
              {d.commitment.randomness.kind === 'drand' ? (
                <>
                  <p className="muted">{t('draw.roundIntro')}</p>
                  <Field label={t('draw.round')} name="round" inputMode="numeric" dir="ltr" value={round || String(d.commitment.randomness.round)} onChange={(e) => setRound(e.target.value.replace(/\D/g, ''))} />
                  <Field label={t('draw.signature')} name="signature" dir="ltr" value={signature} onChange={(e) => setSignature(e.target.value)} hint={t('draw.signatureHint')} />
                </>
              ) : (
                <>
                  <p className="muted">{t('draw.valueIntro')}</p>
                  <Field label={t('draw.randomValue')} name="value" dir="ltr" value={value} onChange={(e) => setValue(e.target.value)} required />
                  <Field label={t('draw.randomSource')} name="source" value={where} onChange={(e) => setWhere(e.target.value)} required />
                </>
              )}
              <button type="submit" className="primary">{t('draw.enterValue')}</button>
            </form>
          )}
          {d.seed && <p>{t('draw.seed')}: <span className="hash" dir="ltr">{d.seed}</span></p>}
          {can('run') && <button type="button" className="primary" onClick={() => void step(() => call(client.POST('/api/v1/seasons/{code}/draw/run', path)), t('draw.ran'))}>{t('draw.run')}</button>}
          {can('publish') && <button type="button" className="primary" onClick={publish}>{t('draw.publish')}</button>}
        </section>
      )}

      {d?.summary && (
        <section className="card" aria-labelledby="audit-title">
          <h2 id="audit-title">{t('draw.fairness')}</h2>
          <p className="muted">{t('draw.fairnessIntro')}</p>
          <FairnessAudit audit={d.summary.fairness} />
          <h2>{t('draw.results')}</h2>
          <ResultCharts tables={d.summary.tables} />
        </section>
      )}
    </>
  );
}
