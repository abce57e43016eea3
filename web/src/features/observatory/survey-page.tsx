import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { $api, call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { formatDate } from '../../lib/dates.ts';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import './observatory.css';
import { number } from '../../lib/format.ts';

type Survey = paths['/api/v1/surveys/links/{token}']['get']['responses'][200]['content']['application/json'];
type Answer = number | string | string[];

/** A survey from its emailed link: no account needed, the link is the invitation. */
export function SurveyLinkPage() {
  const { token = '' } = useParams();
  const survey = $api.useQuery('get', '/api/v1/surveys/links/{token}', { params: { path: { token } } }, { retry: false, staleTime: Infinity, refetchOnWindowFocus: false });
  return (
    <Questions
      survey={survey.data}
      error={survey.error}
      submit={(answers) => call(client.POST('/api/v1/surveys/links/{token}/response', { params: { path: { token } }, body: { answers } }))}
      upload={async (form) => (await call(client.POST('/api/v1/surveys/links/{token}/photo', { params: { path: { token } }, body: form as never, bodySerializer: (b: unknown) => b as FormData }))).photoId}
    />
  );
}

/** One of the signed-in pilgrim's own surveys. */
export function MySurveyPage() {
  const { id = '' } = useParams();
  const survey = $api.useQuery('get', '/api/v1/me/surveys/{id}', { params: { path: { id } } }, { retry: false, staleTime: Infinity, refetchOnWindowFocus: false });
  return (
    <Questions
      survey={survey.data}
      error={survey.error}
      submit={(answers) => call(client.POST('/api/v1/me/surveys/{id}/response', { params: { path: { id } }, body: { answers } }))}
      upload={async (form) => (await call(client.POST('/api/v1/me/surveys/{id}/photo', { params: { path: { id } }, body: form as never, bodySerializer: (b: unknown) => b as FormData }))).photoId}
    />
  );
}

/**
 * Phone first: one question per screen, the progress shown and announced, big targets for the
 * scales, the keyboard and screen readers served by native radio buttons; a question shown in
 * a fallback language says so.
 */
function Questions({ survey, error, submit, upload }: { survey: Survey | undefined; error: unknown; submit: (answers: Record<string, Answer>) => Promise<unknown>; upload: (form: FormData) => Promise<string> }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (error) return <section className="card survey"><ProblemAlert error={error} /></section>;
  if (!survey) return <p className="muted" aria-live="polite">{t('app.loading')}</p>;
  if (done) {
    return (
      <section className="card survey" aria-live="polite">
        <h1>{t('observatory.survey.thanks')}</h1>
        <p>{t('observatory.survey.thanksText')}</p>
        <Link to="/" className="button primary">{t('observatory.survey.home')}</Link>
      </section>
    );
  }
  const questions = survey.questions;
  const q = questions[index]!;
  const value = answers[q.id];
  const missing = q.required && (value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
  const set = (v: Answer) => setAnswers((a) => ({ ...a, [q.id]: v }));
  const last = index === questions.length - 1;

  async function send() {
    setProblem(null);
    setBusy(true);
    try {
      const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0)));
      await submit(clean);
      setDone(true);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card survey" aria-labelledby="survey-title">
      <h1 id="survey-title" lang={survey.title.language}>{survey.title.text}</h1>
      <p className="muted">{t('observatory.survey.anonymous')}</p>
      <div className="survey-progress">
        <progress max={questions.length} value={index + 1} aria-label={t('observatory.survey.progress', { n: index + 1, of: questions.length })} />
        <span aria-live="polite">{t('observatory.survey.progress', { n: index + 1, of: questions.length })}</span>
      </div>
      <fieldset className="survey-question">
        <legend id={`${q.id}-text`}><span lang={q.text.language}>{q.text.text}</span>{q.required && <span aria-hidden="true"> *</span>}</legend>
        {q.text.fallback && <p className="muted small">{t('observatory.survey.fallback')}</p>}
        {(q.type === 'csat' || q.type === 'nps') && (
          <div className={`scale scale-${q.type}`} role="radiogroup" aria-required={q.required}>
            {(q.type === 'csat' ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).map((n) => (
              <label key={n} className={value === n ? 'chosen' : ''}>
                <input type="radio" name={q.id} value={n} checked={value === n} onChange={() => set(n)} />
                <span>{number(n)}</span>
              </label>
            ))}
            <p className="scale-ends muted small"><span>{t(q.type === 'csat' ? 'observatory.survey.csatLow' : 'observatory.survey.npsLow')}</span><span>{t(q.type === 'csat' ? 'observatory.survey.csatHigh' : 'observatory.survey.npsHigh')}</span></p>
          </div>
        )}
        {q.type === 'single' && q.options.map((o) => (
          <label key={o.id} className="choice"><input type="radio" name={q.id} checked={value === o.id} onChange={() => set(o.id)} /> <span lang={o.text.language}>{o.text.text}</span></label>
        ))}
        {q.type === 'multiple' && q.options.map((o) => {
          const list = Array.isArray(value) ? value : [];
          return (
            <label key={o.id} className="choice">
              <input type="checkbox" checked={list.includes(o.id)} onChange={(e) => set(e.target.checked ? [...list, o.id] : list.filter((x) => x !== o.id))} /> <span lang={o.text.language}>{o.text.text}</span>
            </label>
          );
        })}
        {q.type === 'photo' && (
          <>
            <input type="file" accept="image/jpeg,image/png" capture="environment" aria-labelledby={`${q.id}-text`} aria-describedby={`${q.id}-hint`} disabled={busy} onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const form = new FormData();
              form.append('file', file);
              setProblem(null);
              setBusy(true);
              upload(form).then((photoId) => set(photoId), (err: unknown) => setProblem(err)).finally(() => setBusy(false));
            }} />
            <p id={`${q.id}-hint`} className="muted small">{typeof value === 'string' && value ? t('observatory.survey.photoAdded') : t('observatory.survey.photoHint')}</p>
          </>
        )}
        {q.type === 'text' && (
          <>
            <textarea name={q.id} rows={5} maxLength={2000} value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value)} aria-labelledby={`${q.id}-text`} aria-describedby={`${q.id}-hint`} />
            <p id={`${q.id}-hint`} className="muted small">{t('observatory.survey.textHint')}</p>
          </>
        )}
      </fieldset>
      {problem ? <ProblemAlert error={problem} /> : null}
      {missing && <Alert kind="info">{t('observatory.survey.required')}</Alert>}
      <div className="survey-nav">
        {index > 0 && <button type="button" className="secondary" onClick={() => setIndex(index - 1)}>{t('observatory.survey.back')}</button>}
        {!last && <button type="button" className="primary" disabled={missing} onClick={() => setIndex(index + 1)}>{t('observatory.survey.next')}</button>}
        {last && <button type="button" className="primary" disabled={missing || busy} onClick={() => void send()}>{t('observatory.survey.send')}</button>}
      </div>
    </section>
  );
}

/** The pilgrim's open surveys (on the dashboard and its own page). */
export function MySurveysPage() {
  const { t } = useTranslation();
  const mine = $api.useQuery('get', '/api/v1/me/surveys');
  return (
    <section className="card">
      <h1>{t('observatory.surveys.title')}</h1>
      {mine.error ? <ProblemAlert error={mine.error} /> : null}
      {mine.data?.length === 0 && <p className="muted">{t('observatory.surveys.none')}</p>}
      <ul className="plain-list">
        {mine.data?.map((s) => (
          <li key={s.invitationId}><Link to={`/surveys/${s.invitationId}`} lang={s.title.language}>{s.title.text}</Link> <span className="muted small">{t('observatory.surveys.until', { date: formatDate(s.expiresAt) })}</span></li>
        ))}
      </ul>
    </section>
  );
}
