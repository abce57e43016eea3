import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { formatDate } from '../../lib/dates.ts';
import { languageName, legalName, legalNameLanguage, number, seasonLabel } from '../../lib/format.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { useSession } from '../../lib/session.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Field, InstantField, Select } from '../../ui/fields.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import './observatory.css';

type Complaint = paths['/api/v1/complaints']['get']['responses'][200]['content']['application/json']['items'][number];
type FileBody = paths['/api/v1/complaints']['post']['requestBody']['content']['application/json'];
type Step = 'respond' | 'ask_pilgrim' | 'reply' | 'escalate' | 'resolve' | 'reopen' | 'comment';

export function StateBadge({ state }: { state: Complaint['state'] }) {
  const { t } = useTranslation();
  return <span className={`badge state-${state}`}>{t(`observatory.states.${state}`)}</span>;
}

/** The reader's complaints: a pilgrim's own, a provider's inbox, a mission's country, the ministry's and the care centre's all. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const [state, setState] = useState('');
  const list = $api.useQuery('get', '/api/v1/complaints', { params: { query: { limit: 50, ...(state ? { state: state as Complaint['state'] } : {}) } } });
  const canFile = account?.role === 'pilgrim' || account?.role === 'care_agent';
  return (
    <div className="stack">
      <section className="card">
        <div className="page-head">
          <h1>{t(account?.role === 'provider_staff' ? 'observatory.complaints.inbox' : 'observatory.complaints.title')}</h1>
          {canFile && <Link to="/complaints/new" className="button primary">{t('observatory.complaints.new')}</Link>}
        </div>
        <p className="muted">{t('observatory.complaints.intro')}</p>
        <label className="inline">{t('observatory.complaints.filter')}{' '}
          <select value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('observatory.complaints.all')}</option>
            {(['with_provider', 'provider_responded', 'awaiting_pilgrim', 'escalated', 'resolved', 'closed'] as const).map((s) => <option key={s} value={s}>{t(`observatory.states.${s}`)}</option>)}
          </select>
        </label>
      </section>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && (
        <section className="card">
          <DataTable
            caption={t('observatory.complaints.title')}
            rows={list.data.items}
            rowKey={(c) => c.id}
            empty={<p className="muted">{t('observatory.complaints.none')}</p>}
            columns={[
              { key: 'ref', header: t('observatory.complaints.reference'), cell: (c) => <Link to={`/complaints/${c.id}`}>{c.reference}</Link> },
              { key: 'category', header: t('observatory.complaints.category'), cell: (c) => t(`observatory.categories.${c.category}`, { defaultValue: c.category }) },
              { key: 'state', header: t('observatory.complaints.state'), cell: (c) => <StateBadge state={c.state} /> },
              { key: 'due', header: t('observatory.complaints.nextDeadline'), cell: (c) => (c.nextDeadline ? <Due at={c.nextDeadline.dueAt} /> : '—') },
              { key: 'filed', header: t('observatory.complaints.filed'), cell: (c) => formatDate(c.createdAt, { time: true }) },
            ]}
          />
        </section>
      )}
    </div>
  );
}

function Due({ at }: { at: string }) {
  const { t } = useTranslation();
  const late = Date.parse(at) < Date.now();
  return <span className={late ? 'late' : ''}>{late ? t('observatory.complaints.overdue', { date: formatDate(at, { time: true }) }) : formatDate(at, { time: true })}</span>;
}

/** Filing: the subject, category and severity, the description, where and when; a care-centre agent adds the caller and their language. */
export function NewComplaintPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { account } = useSession();
  const agent = account?.role === 'care_agent';
  const rules = $api.useQuery('get', '/api/v1/complaints/rules', {}, { staleTime: 300_000 });
  const providers = $api.useQuery('get', '/api/v1/providers/approved', {}, { staleTime: 300_000 });
  const bookings = $api.useQuery('get', '/api/v1/me/bookings', {}, { enabled: account?.role === 'pilgrim', retry: false });
  const [form, setForm] = useState({ about: 'booking', providerId: '', bookingId: '', site: '', category: 'housing', severity: 'medium', description: '', place: '', occurredAt: '', callerEmail: '', language: 'ar' });
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const choose = (k: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
  const categories = [...new Set(rules.data?.rules.map((r) => r.category) ?? [])];
  const rule = rules.data?.rules.find((r) => r.category === form.category && r.severity === form.severity);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setBusy(true);
    const operation = 'complaint-file';
    try {
      const body: FileBody = {
        about: form.about as FileBody['about'], category: form.category, severity: form.severity as FileBody['severity'], description: form.description,
        ...(form.about === 'provider' && form.providerId ? { providerId: form.providerId } : {}),
        ...(form.about === 'booking' && form.bookingId ? { bookingId: form.bookingId } : {}),
        ...(form.about === 'site' && form.site ? { site: form.site } : {}),
        ...(form.place ? { place: form.place } : {}),
        // Day and time in Saudi time, or 'incomplete' (the server names the field).
        ...(form.occurredAt ? { occurredAt: form.occurredAt } : {}),
        ...(agent ? { callerEmail: form.callerEmail, language: form.language } : {}),
      };
      const created = await call(client.POST('/api/v1/complaints', { body, headers: { 'idempotency-key': operationKey(operation) } }));
      operationDone(operation);
      void navigate(`/complaints/${created.id}`);
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack complaint-form" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t('observatory.complaints.new')}</h1>
      <p className="muted">{t('observatory.complaints.newIntro')}</p>
      {agent && (
        <fieldset>
          <legend>{t('observatory.complaints.caller')}</legend>
          <Field label={t('observatory.complaints.callerEmail')} name="callerEmail" type="email" dir="ltr" required autoComplete="off" value={form.callerEmail} onChange={set('callerEmail')} />
          <Select label={t('observatory.complaints.callerLanguage')} name="language" value={form.language} onChange={(v) => setForm((f) => ({ ...f, language: v }))}>
            {['ar', 'en', 'ur', 'id', 'fr', 'tr', 'fa', 'ms', 'bn', 'hi', 'es', 'zh'].map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
          </Select>
        </fieldset>
      )}
      <Select label={t('observatory.complaints.about')} name="about" value={form.about} onChange={choose('about')}>
        {(['booking', 'provider', 'permit', 'site', 'platform'] as const).map((a) => <option key={a} value={a}>{t(`observatory.subjects.${a}`)}</option>)}
      </Select>
      {form.about === 'booking' && (
        <Select label={t('observatory.complaints.booking')} name="bookingId" value={form.bookingId} onChange={choose('bookingId')}>
          <option value="">—</option>
          {(bookings.data?.items ?? []).map((b) => <option key={b.id} value={b.id}>{b.packageTitle} ({seasonLabel(b.season)})</option>)}
        </Select>
      )}
      {form.about === 'provider' && (
        <Select label={t('observatory.complaints.provider')} name="providerId" value={form.providerId} onChange={choose('providerId')}>
          <option value="">—</option>
          {(providers.data ?? []).map((p) => <option key={p.id} value={p.id} lang={legalNameLanguage()}>{legalName(p)}</option>)}
        </Select>
      )}
      {form.about === 'site' && <Field label={t('observatory.complaints.site')} name="site" value={form.site} onChange={set('site')} maxLength={120} required />}
      <div className="grid-2">
        <Select label={t('observatory.complaints.category')} name="category" value={form.category} onChange={choose('category')}>
          {categories.map((c) => <option key={c} value={c}>{t(`observatory.categories.${c}`, { defaultValue: c })}</option>)}
        </Select>
        <Select label={t('observatory.complaints.severity')} name="severity" value={form.severity} onChange={choose('severity')}>
          {(['low', 'medium', 'high', 'critical'] as const).map((s) => <option key={s} value={s}>{t(`observatory.severities.${s}`)}</option>)}
        </Select>
      </div>
      {rule && <Alert kind="info">{t('observatory.complaints.promise', { answer: hours(rule.firstAnswerMinutes), resolve: hours(rule.resolveMinutes) })}</Alert>}
      <Field multiline label={t('observatory.complaints.description')} name="description" hint={t('observatory.complaints.descriptionHint')} maxLength={4000} required value={form.description} onChange={set('description')} />
      <Field label={t('observatory.complaints.place')} name="place" value={form.place} onChange={set('place')} maxLength={200} />
      <InstantField label={t('observatory.complaints.when')} name="occurredAt" value={form.occurredAt} onChange={choose('occurredAt')} />
      {problem ? <ProblemAlert error={problem} /> : null}
      <button type="submit" className="primary" disabled={busy || !form.description.trim()}>{t('observatory.complaints.send')}</button>
    </form>
  );
}
const hours = (m: number | null | undefined) => (m == null ? '—' : m < 120 ? `${m}′` : `${Math.round(m / 60)} h`);

/** One complaint: its state, each deadline (due, met early or late), the timeline, and the steps the reader may take now. */
export function ComplaintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const one = $api.useQuery('get', '/api/v1/complaints/{id}', { params: { path: { id } } }, { refetchInterval: 60_000 });
  const [message, setMessage] = useState('');
  const [rating, setRating] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (one.error) return <ProblemAlert error={one.error} />;
  const c = one.data;
  if (!c) return <p className="muted" aria-live="polite">{t('app.loading')}</p>;
  const can = (a: string) => (c.allowedActions as string[]).includes(a);

  async function act(step: Step | 'rate') {
    setProblem(null);
    setDone(null);
    setBusy(true);
    const operation = `complaint-${step}:${id}`;
    try {
      const headers = { 'idempotency-key': operationKey(operation) };
      const path = { params: { path: { id } } };
      if (step === 'rate') await call(client.POST('/api/v1/complaints/{id}/rate', { ...path, headers, body: { rating, ...(message ? { message } : {}) } }));
      else await call(client.POST(`/api/v1/complaints/{id}/${step.replace('_', '-')}` as '/api/v1/complaints/{id}/respond', { ...path, headers, body: message ? { message } : {} }));
      operationDone(operation);
      setMessage('');
      setDone(t(`observatory.done.${step}`));
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/complaints/{id}'] });
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }
  const steps = (['respond', 'ask_pilgrim', 'reply', 'comment', 'resolve', 'escalate', 'reopen'] as const).filter(can);

  return (
    <div className="stack complaint">
      <section className="card">
        <div className="page-head">
          <h1>{t('observatory.complaints.one', { reference: c.reference })}</h1>
          <StateBadge state={c.state} />
        </div>
        <dl className="facts">
          <dt>{t('observatory.complaints.about')}</dt><dd>{t(`observatory.subjects.${c.about}`)}{c.noBookingFound && <span className="badge warning"> {t('observatory.complaints.noBooking')}</span>}</dd>
          <dt>{t('observatory.complaints.category')}</dt><dd>{t(`observatory.categories.${c.category}`, { defaultValue: c.category })} · {t(`observatory.severities.${c.severity}`)}</dd>
          {c.place && (<><dt>{t('observatory.complaints.place')}</dt><dd>{c.place}</dd></>)}
          <dt>{t('observatory.complaints.filed')}</dt><dd>{formatDate(c.createdAt, { time: true })}</dd>
        </dl>
        <p className="complaint-text">{c.description}</p>
      </section>
      <section className="card" aria-labelledby="deadlines">
        <h2 id="deadlines">{t('observatory.complaints.deadlines')}</h2>
        <ul className="deadlines">
          {c.deadlines.map((d, i) => (
            <li key={i} className={d.breachedAt && !d.metAt ? 'late' : d.metAt ? 'met' : ''}>
              <strong>{t(`observatory.deadlineKinds.${d.kind}`)}</strong>{' '}
              {d.metAt ? t(d.minutes != null && d.minutes < 0 ? 'observatory.complaints.metLate' : 'observatory.complaints.metEarly', { date: formatDate(d.metAt, { time: true }), minutes: Math.abs(Math.round(d.minutes ?? 0)) })
                : d.dueAt ? t('observatory.complaints.dueBy', { date: formatDate(d.dueAt, { time: true }) }) : t('observatory.complaints.paused')}
              {d.breachedAt && <span className="badge danger"> {t('observatory.complaints.breached')}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">{t('observatory.complaints.timeline')}</h2>
        <ol className="timeline">
          {c.timeline.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{formatDate(e.at, { time: true })}</time> — {t(`observatory.events.${e.action}`, { defaultValue: e.action })} <span className="muted">({t(`observatory.actors.${e.actor}`)})</span>
              {e.message && <blockquote>{e.message}</blockquote>}
            </li>
          ))}
        </ol>
      </section>
      {(steps.length > 0 || can('rate')) && (
        <section className="card stack" aria-labelledby="act">
          <h2 id="act">{t('observatory.complaints.act')}</h2>
          {steps.length > 0 && <Field multiline label={t('observatory.complaints.message')} name="message" maxLength={4000} value={message} onChange={(e) => setMessage(e.target.value)} />}
          <div className="actions">{steps.map((s) => <button key={s} type="button" className={s === 'escalate' ? 'secondary' : 'primary'} disabled={busy || ((s === 'comment' || s === 'respond' || s === 'reply') && !message.trim())} onClick={() => void act(s)}>{t(`observatory.steps.${s}`)}</button>)}</div>
          {can('rate') && (
            <fieldset>
              <legend>{t('observatory.complaints.rate')}</legend>
              <div className="scale scale-csat" role="radiogroup">{[1, 2, 3, 4, 5].map((n) => <label key={n} className={rating === n ? 'chosen' : ''}><input type="radio" name="rating" checked={rating === n} onChange={() => setRating(n)} /><span>{number(n)}</span></label>)}</div>
              <button type="button" className="primary" disabled={busy || rating === 0} onClick={() => void act('rate')}>{t('observatory.steps.rate')}</button>
            </fieldset>
          )}
          {problem ? <ProblemAlert error={problem} /> : null}
          {done && <Alert kind="success">{done}</Alert>}
        </section>
      )}
    </div>
  );
}
