import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { $api, call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate, formatDay } from '../../lib/dates.ts';
import { countryName, sar, legalName } from '../../lib/format.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { DateField, Field } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';

type Provider = paths['/api/v1/providers/{id}']['get']['responses'][200]['content']['application/json'];
type Decision = Provider['allowedActions'][number];

const statuses = ['pending', 'licensed', 'suspended', 'rejected'] as const;
type Status = (typeof statuses)[number];
const PAGE = 50;
/** Long cell contents wrap inside the cell (tables keep their lines whole by default). */
const wrap = { whiteSpace: 'normal' } as const;

/** The ministry's queue of licence applications, by status. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: Status = (statuses as readonly string[]).includes(asked ?? '') ? (asked as Status) : 'pending';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = $api.useQuery('get', '/api/v1/providers', { params: { query: { status, limit: PAGE, offset } } });
  const lang = currentLanguage();
  const go = (next: Record<string, string>) => setParams(next);
  return (
    <section className="card">
      <h1>{t('review.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('review.queue')}>
        {statuses.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={s === status} className={s === status ? 'tab active' : 'tab'} onClick={() => go({ status: s })}>
            {t(`providers.status.${s}`)}
          </button>
        ))}
      </div>
      <Loaded query={query}>
        {(providers) => (
          <>
            <div className="table-scroll">
              <DataTable
                rows={providers}
                rowKey={(p) => p.id}
                empty={<p>{t('review.empty')}</p>}
                columns={[
                  { key: 'name', header: t('review.company'), rowHeader: true, cell: (p) => <Link to={`/ministry/providers/${p.id}`} lang={lang}>{legalName(p, lang)}</Link> },
                  { key: 'cr', header: t('review.crShort'), cell: (p) => <bdi dir="ltr">{p.crNumber}</bdi> },
                  { key: 'licence', header: t('review.licenceShort'), cell: (p) => <bdi dir="ltr">{p.licenceNumber}</bdi> },
                  { key: 'applied', header: t('review.appliedOn'), cell: (p) => <span style={wrap}>{formatDate(p.createdAt)}</span> },
                  { key: 'next', header: t('review.decisions'), cell: (p) => <span style={wrap}>{p.allowedActions.length ? p.allowedActions.map((a) => t(`review.actions.${a}`)).join(' · ') : '—'}</span> },
                ]}
              />
            </div>
            <nav className="pager" aria-label={t('review.pages')}>
              {offset > 0 && <button type="button" className="secondary" onClick={() => go({ status, offset: String(Math.max(0, offset - PAGE)) })}>{t('common.previous')}</button>}
              {providers.length === PAGE && <button type="button" className="secondary" onClick={() => go({ status, offset: String(offset + PAGE) })}>{t('common.next')}</button>}
            </nav>
          </>
        )}
      </Loaded>
    </section>
  );
}

/** One provider's application and exactly the decisions the API allows on it now. */
export function ProviderReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = $api.useQuery('get', '/api/v1/providers/{id}', { params: { path: { id } } });
  const lang = currentLanguage();
  // Said here, not in the form: a decision changes what may be decided next, and the form it came from goes away.
  const [decided, setDecided] = useState(false);
  return (
    <Loaded query={query}>
      {(p) => (
        <div className="stack">
          <section className="card">
            <p><Link to={`/ministry/providers?status=${p.status}`}>{t('review.backToQueue')}</Link></p>
            <h1 lang={lang}>{legalName(p, lang)}</h1>
            <p><span className={`badge status-${p.status}`}>{t(`providers.status.${p.status}`)}</span></p>
            {decided && <Alert kind="success">{t('review.done')}</Alert>}
            <dl className="facts two-col">
              <dt>{t('providers.legalNameAr')}</dt><dd lang="ar" dir="rtl">{p.legalNameAr}</dd>
              <dt>{t('providers.legalNameEn')}</dt><dd lang="en" dir="ltr">{p.legalNameEn}</dd>
              <dt>{t('providers.crNumber')}</dt><dd><bdi dir="ltr">{p.crNumber}</bdi></dd>
              <dt>{t('providers.licenceNumber')}</dt><dd><bdi dir="ltr">{p.licenceNumber}</bdi></dd>
              <dt>{t('providers.vatNumber')}</dt><dd>{p.vatNumber ? <bdi dir="ltr">{p.vatNumber}</bdi> : t('common.none')}</dd>
              <dt>{t('providers.capital')}</dt><dd>{sar(p.paidUpCapital)}</dd>
              <dt>{t('providers.guarantee')}</dt><dd><bdi dir="ltr">{p.bankGuaranteeRef}</bdi></dd>
              <dt>{t('providers.ownership')}</dt><dd><bdi className="description">{p.ownershipDeclaration}</bdi></dd>
              <dt>{t('providers.offices')}</dt>
              <dd>
                <ul className="review-list">
                  {p.offices.map((o, i) => <li key={i}><bdi>{o.city}</bdi> · {countryName(o.country)}<br /><bdi className="muted">{o.address}</bdi></li>)}
                </ul>
              </dd>
              <dt>{t('providers.contacts')}</dt>
              <dd>
                <ul className="review-list">
                  {p.contacts.map((c, i) => (
                    <li key={i}><bdi>{c.name}</bdi><br /><a href={`mailto:${c.email}`} dir="ltr">{c.email}</a><br /><a href={`tel:${c.phone}`} dir="ltr">{c.phone}</a></li>
                  ))}
                </ul>
              </dd>
              <dt>{t('review.appliedOn')}</dt><dd>{formatDate(p.createdAt)}</dd>
              {p.licenceValidFrom && p.licenceValidTo && <><dt>{t('review.validity')}</dt><dd>{t('providers.validity', { from: formatDay(p.licenceValidFrom.slice(0, 10)), to: formatDay(p.licenceValidTo.slice(0, 10)) })}</dd></>}
              {p.decisionReason && <><dt>{t('providers.decisionReason')}</dt><dd><bdi>{p.decisionReason}</bdi></dd></>}
            </dl>
          </section>
          {p.allowedActions.length === 0 && <p className="muted">{t('review.noDecision')}</p>}
          {p.allowedActions.includes('approve') && <ApproveForm provider={p} onDone={() => setDecided(true)} />}
          {(['reject', 'suspend', 'reinstate'] as const).filter((a) => p.allowedActions.includes(a)).map((a) => <ReasonForm key={a} provider={p} action={a} onDone={() => setDecided(true)} />)}
        </div>
      )}
    </Loaded>
  );
}

/** Sends a licence decision once (one Idempotency-Key per intended decision) and shows the provider as it now stands. */
function useDecision(provider: Provider, action: Decision, onDone: () => void) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  /** `body` names the intended decision: the same decision retried keeps its key; a corrected one gets a new key. */
  async function send(body: unknown, request: (headers: { 'idempotency-key': string }) => Promise<{ data?: Provider; error?: unknown; response: Response }>) {
    const operation = `licence:${provider.id}:${action}:${JSON.stringify(body)}`;
    setProblem(null);
    setSending(true);
    try {
      const updated = await call(request({ 'idempotency-key': operationKey(operation) }));
      operationDone(operation);
      onDone();
      queryClient.setQueryData(['get', '/api/v1/providers/{id}', { params: { path: { id: provider.id } } }], updated);
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/providers'] });
    } catch (e) {
      setProblem(e);
    } finally {
      setSending(false);
    }
  }
  return { problem, sending, send };
}

function ApproveForm({ provider, onDone }: { provider: Provider; onDone: () => void }) {
  const { t } = useTranslation();
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const decision = useDecision(provider, 'approve', onDone);
  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { validFrom, validTo };
    void decision.send(body, (headers) => client.POST('/api/v1/providers/{id}/approve', { params: { path: { id: provider.id }, header: headers }, body }));
  }
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('review.actions.approve')}</h2>
      <ProblemAlert error={decision.problem} />
      <DateField label={t('review.validFrom')} name="validFrom" value={validFrom} onChange={setValidFrom} />
      <DateField label={t('review.validTo')} name="validTo" value={validTo} onChange={setValidTo} />
      <button type="submit" className="primary" disabled={decision.sending}>{t('review.actions.approve')}</button>
    </form>
  );
}

function ReasonForm({ provider, action, onDone }: { provider: Provider; action: 'reject' | 'suspend' | 'reinstate'; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const decision = useDecision(provider, action, onDone);
  const optional = action === 'reinstate';
  function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    void decision.send(text, (headers) => {
      const init = { params: { path: { id: provider.id }, header: headers } };
      if (action === 'reinstate') return client.POST('/api/v1/providers/{id}/reinstate', { ...init, body: text ? { reason: text } : {} });
      if (action === 'reject') return client.POST('/api/v1/providers/{id}/reject', { ...init, body: { reason: text } });
      return client.POST('/api/v1/providers/{id}/suspend', { ...init, body: { reason: text } });
    });
  }
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t(`review.actions.${action}`)}</h2>
      <ProblemAlert error={decision.problem} />
      <Field label={optional ? t('review.reasonOptional') : t('common.reason')} hint={t('review.reasonHint')} name={`reason-${action}`} multiline maxLength={1000}
        value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className={action === 'reinstate' ? 'primary' : 'secondary'} disabled={decision.sending}>{t(`review.actions.${action}`)}</button>
    </form>
  );
}
