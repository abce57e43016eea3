import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';

interface QueueItem { id: string; type: string; contentType: string; uploadedAt: string; accountId: string }

/** The ministry's document review queue, oldest first. */
export function DocumentReviewPage() {
  const { t } = useTranslation();
  const { data, reload } = useApi<QueueItem[]>('/documents/review-queue?limit=50');
  const [error, setError] = useState<string | null>(null);
  async function decide(id: string, decision: 'approve' | 'reject', reason?: string) {
    setError(null);
    try {
      await api(`/documents/${id}/review`, { method: 'POST', body: { decision, ...(reason ? { reason } : {}) } });
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  return (
    <section className="card">
      <h1>{t('docReview.title')}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      {!data ? <p>{t('app.loading')}</p> : data.length === 0 ? <p>{t('docReview.empty')}</p> : (
        <ul className="review-list">
          {data.map((d) => (
            <li key={d.id} className="doc-review">
              <strong>{t(`pilgrim.docTypes.${d.type}`)}</strong> · <a href={`/api/v1/documents/${d.id}/file`} target="_blank" rel="noreferrer">{t('docReview.open')}</a>
              <div className="row-actions">
                <button type="button" className="secondary small" onClick={() => void decide(d.id, 'approve')}>{t('docReview.approve')}</button>
                <form onSubmit={(e) => { e.preventDefault(); void decide(d.id, 'reject', String(new FormData(e.currentTarget).get('reason'))); }}>
                  <label className="visually-hidden" htmlFor={`reason-${d.id}`}>{t('docReview.reason')}</label>
                  <input id={`reason-${d.id}`} name="reason" required maxLength={500} placeholder={t('docReview.reason')} />
                  <button type="submit" className="secondary small">{t('docReview.reject')}</button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
