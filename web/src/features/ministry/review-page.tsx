import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { countryName, sar } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';
import type { Provider } from '../provider-console/console-page.tsx';

const statuses = ['pending', 'licensed', 'suspended', 'rejected'] as const;

/** The ministry's queue of licence applications, by status. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'pending';
  const { data } = useApi<Provider[]>(`/providers?status=${status}`);
  const lang = currentLanguage();
  return (
    <section className="card">
      <h1>{t('review.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('review.queue')}>
        {statuses.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={s === status} className={s === status ? 'tab active' : 'tab'} onClick={() => setParams({ status: s })}>
            {t(`providers.status.${s}`)}
          </button>
        ))}
      </div>
      {!data ? <p>{t('app.loading')}</p> : data.length === 0 ? <p>{t('review.empty')}</p> : (
        <ul className="review-list">
          {data.map((p) => (
            <li key={p.id}>
              <Link to={`/ministry/providers/${p.id}`}>{lang === 'ar' ? p.legalNameAr : p.legalNameEn}</Link>
              <span className="muted"> · <span dir="ltr">{p.crNumber}</span> · {formatDate(p.createdAt, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One provider's application and the decisions open to it. */
export function ProviderReviewPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: p, setData } = useApi<Provider>(`/providers/${id}`);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const lang = currentLanguage();
  if (!p) return <p>{t('app.loading')}</p>;

  async function decide(action: string, body: Record<string, string>) {
    setError(null);
    setDone(false);
    try {
      setData(await api<Provider>(`/providers/${id}/${action}`, { method: 'POST', body }));
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  const withReason = (action: string) => (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    void decide(action, reason ? { reason } : {});
  };

  return (
    <div className="stack">
      <section className="card">
        <h1>{lang === 'ar' ? p.legalNameAr : p.legalNameEn}</h1>
        <p><span className={`badge status-${p.status}`}>{t(`providers.status.${p.status}`)}</span></p>
        {error && <Alert kind="error">{error}</Alert>}
        {done && <Alert kind="success">{t('review.done')}</Alert>}
        <dl className="facts two-col">
          <dt>{t('providers.legalNameAr')}</dt><dd lang="ar">{p.legalNameAr}</dd>
          <dt>{t('providers.legalNameEn')}</dt><dd lang="en">{p.legalNameEn}</dd>
          <dt>{t('providers.crNumber')}</dt><dd dir="ltr">{p.crNumber}</dd>
          <dt>{t('providers.licenceNumber')}</dt><dd dir="ltr">{p.licenceNumber}</dd>
          <dt>{t('providers.capital')}</dt><dd>{sar(p.paidUpCapital)}</dd>
          <dt>{t('providers.guarantee')}</dt><dd dir="ltr">{p.bankGuaranteeRef}</dd>
          <dt>{t('providers.ownership')}</dt><dd>{p.ownershipDeclaration}</dd>
          <dt>{t('providers.offices')}</dt><dd>{p.offices.map((o) => `${o.city}, ${countryName(o.country)} — ${o.address}`).join(' · ')}</dd>
          <dt>{t('providers.contactName')}</dt><dd>{p.contacts.map((c) => `${c.name} <${c.email}> ${c.phone}`).join(' · ')}</dd>
          {p.licenceValidFrom && p.licenceValidTo && <><dt>{t('review.validTo')}</dt><dd>{t('providers.validity', { from: formatDate(p.licenceValidFrom, lang), to: formatDate(p.licenceValidTo, lang) })}</dd></>}
          {p.decisionReason && <><dt>{t('providers.decisionReason')}</dt><dd>{p.decisionReason}</dd></>}
        </dl>
      </section>
      {p.status === 'pending' && (
        <>
          <form className="card" onSubmit={(e) => { e.preventDefault(); const fd = new FormData(e.currentTarget); void decide('approve', { validFrom: String(fd.get('validFrom')), validTo: String(fd.get('validTo')) }); }}>
            <h2>{t('review.approve')}</h2>
            <div className="field"><label htmlFor="valid-from">{t('review.validFrom')}</label><input id="valid-from" name="validFrom" type="date" required /></div>
            <div className="field"><label htmlFor="valid-to">{t('review.validTo')}</label><input id="valid-to" name="validTo" type="date" required /></div>
            <button type="submit" className="primary">{t('review.approve')}</button>
          </form>
          <ReasonForm title={t('review.reject')} onSubmit={withReason('reject')} required />
        </>
      )}
      {p.status === 'licensed' && <ReasonForm title={t('review.suspend')} onSubmit={withReason('suspend')} required />}
      {p.status === 'suspended' && <ReasonForm title={t('review.reinstate')} onSubmit={withReason('reinstate')} required={false} />}
    </div>
  );
}

function ReasonForm({ title, onSubmit, required }: { title: string; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void; required: boolean }) {
  const { t } = useTranslation();
  const id = `reason-${title}`;
  return (
    <form className="card" onSubmit={onSubmit}>
      <h2>{title}</h2>
      <div className="field">
        <label htmlFor={id}>{t('common.reason')}</label>
        <p className="hint">{t('review.reasonHint')}</p>
        <textarea id={id} name="reason" required={required} maxLength={1000} rows={3} />
      </div>
      <button type="submit" className="secondary">{title}</button>
    </form>
  );
}
