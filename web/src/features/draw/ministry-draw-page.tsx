import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../lib/api.ts';
import { number } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert, Field } from '../../ui/form.tsx';
import { FairnessAudit, ResultCharts } from './charts.tsx';
import type { DrawView } from './types.ts';

/** The ministry runs the draw step by step: freeze, enter the public value, run, review the audit, publish. */
export function MinistryDrawPage() {
  const { t } = useTranslation();
  const { data: seasons } = useApi<{ code: string; phase: string }[]>('/seasons');
  const season = seasons?.[0]?.code;
  const { data: draw, error, setData, reload } = useApi<DrawView>(season ? `/seasons/${season}/draw` : null);
  const { data: violations, reload: recheck } = useApi<unknown[]>(season ? `/seasons/${season}/capacity-check` : null);
  const [share, setShare] = useState('20');
  const [offerHours, setOfferHours] = useState('72');
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  async function step(path: string, body: unknown, done: string) {
    setMessage(null);
    try {
      setData(await api<DrawView>(`/seasons/${season}/draw/${path}`, { method: 'POST', body }));
      setMessage({ kind: 'success', text: done });
      recheck();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
      reload();
    }
  }

  if (!season) return <p>{t('app.loading')}</p>;
  const status = error ? 'none' : draw?.status;
  return (
    <div className="stack">
      <section className="card">
        <h1>{t('draw.ministryTitle', { season })}</h1>
        <p>{t('draw.status')}: <strong>{t(`draw.states.${status ?? 'none'}`)}</strong> · <Link to={`/draw/${season}`}>{t('draw.publicPage')}</Link></p>
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
        {violations && <p>{violations.length === 0 ? <span className="badge ok">{t('draw.capacityOk')}</span> : <span className="badge danger">{t('draw.capacityBad', { count: violations.length })}</span>}</p>}
      </section>

      {status === 'none' && (
        <form className="card" onSubmit={(e) => { e.preventDefault(); void step('freeze', { pools: Number(share) > 0 ? [{ code: 'first_time', share: Number(share) / 100 }, { code: 'general' }] : [{ code: 'general' }], offerHours: Number(offerHours) }, t('draw.frozen')); }}>
          <h2>{t('draw.freezeTitle')}</h2>
          <p className="muted">{t('draw.freezeIntro')}</p>
          <Field label={t('draw.firstTimeShare')} name="share" type="number" min={0} max={90} value={share} onChange={(e) => setShare(e.target.value)} />
          <Field label={t('draw.offerHours')} name="offerHours" type="number" min={1} max={720} value={offerHours} onChange={(e) => setOfferHours(e.target.value)} />
          <button type="submit" className="primary">{t('draw.freeze')}</button>
        </form>
      )}

      {draw && (
        <section className="card">
          <h2>{t('draw.commitment')}</h2>
          <p>{t('draw.entries')}: {number(draw.commitment.entryCount)}</p>
          <p className="hash" dir="ltr">{draw.commitment.merkleRoot}</p>
          {draw.status === 'frozen' && (
            <form onSubmit={(e) => { e.preventDefault(); void step('random-value', { value, source }, t('draw.seeded')); }}>
              <h3>{t('draw.valueTitle')}</h3>
              <p className="muted">{t('draw.valueIntro')}</p>
              <Field label={t('draw.randomValue')} name="value" dir="ltr" value={value} onChange={(e) => setValue(e.target.value)} required />
              <Field label={t('draw.randomSource')} name="source" value={source} onChange={(e) => setSource(e.target.value)} required />
              <button type="submit" className="primary">{t('draw.enterValue')}</button>
            </form>
          )}
          {draw.seed && <p>{t('draw.seed')}: <span className="hash" dir="ltr">{draw.seed}</span></p>}
          {draw.status === 'seeded' && <button type="button" className="primary" onClick={() => void step('run', undefined, t('draw.ran'))}>{t('draw.run')}</button>}
          {draw.status === 'drawn' && <button type="button" className="primary" onClick={() => void step('publish', undefined, t('draw.publishedDone'))}>{t('draw.publish')}</button>}
        </section>
      )}

      {draw?.summary && (
        <section className="card" aria-labelledby="audit-title">
          <h2 id="audit-title">{t('draw.fairness')}</h2>
          <p className="muted">{t('draw.fairnessIntro')}</p>
          <FairnessAudit audit={draw.summary.fairness} />
          <h2>{t('draw.results')}</h2>
          <ResultCharts tables={draw.summary.tables} />
        </section>
      )}
    </div>
  );
}
