import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { formatDate } from '../../lib/dates.ts';
import { number } from '../../lib/format.ts';
import { Field } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';

type QueueItem = paths['/api/v1/documents/review-queue']['get']['responses'][200]['content']['application/json'][number];
const LIMIT = 50;

/** A file size as people read it: "350 KB", "1.2 MB". */
function size(bytes: number, t: (key: string, o: Record<string, unknown>) => string) {
  return bytes >= 1024 * 1024 ? t('docReview.sizeMb', { size: number(Math.round(bytes / 104857.6) / 10) }) : t('docReview.sizeKb', { size: number(Math.max(1, Math.round(bytes / 1024))) });
}

/** The ministry's document review queue, oldest first; each document offers exactly the decisions the API allows. */
export function DocumentReviewPage() {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/documents/review-queue', { params: { query: { limit: LIMIT } } });
  const [decided, setDecided] = useState<string | null>(null);
  return (
    <section className="card">
      <h1>{t('docReview.title')}</h1>
      <p className="muted">{t('docReview.intro')}</p>
      {decided && <Alert kind="success">{decided}</Alert>}
      <Loaded query={query}>
        {(items) => (items.length === 0 ? <p>{t('docReview.empty')}</p> : (
          <>
            <p aria-live="polite">{t('docReview.waiting', { count: items.length })}</p>
            <ul className="cards">
              {items.map((d) => (
                <DocumentCard key={d.id} doc={d} onDecided={async (message) => { setDecided(message); await query.refetch(); }} />
              ))}
            </ul>
          </>
        ))}
      </Loaded>
    </section>
  );
}

function DocumentCard({ doc, onDecided }: { doc: QueueItem; onDecided: (message: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const file = `/api/v1/documents/${doc.id}/file`;
  const typeName = t(`pilgrim.docTypes.${doc.type}`, { defaultValue: t('docReview.otherType') });

  async function decide(decision: 'approve' | 'reject') {
    setProblem(null);
    setSending(true);
    try {
      const text = reason.trim();
      await call(client.POST('/api/v1/documents/{id}/review', { params: { path: { id: doc.id } }, body: { decision, ...(decision === 'reject' && text ? { reason: text } : {}) } }));
      await onDecided(t(decision === 'approve' ? 'docReview.approvedDone' : 'docReview.rejectedDone', { type: typeName }));
    } catch (e) {
      setProblem(e);
    } finally {
      setSending(false);
    }
  }
  function reject(event: FormEvent) {
    event.preventDefault();
    void decide('reject');
  }

  return (
    <li className="card">
      <h2>{typeName}</h2>
      <p className="muted">{t('docReview.uploaded', { date: formatDate(doc.uploadedAt, { time: true }) })} · {size(doc.sizeBytes, t)}</p>
      {doc.contentType.startsWith('image/')
        ? <a href={file} target="_blank" rel="noreferrer"><img src={file} alt={t('docReview.preview', { type: typeName })} style={{ maxInlineSize: '100%', maxBlockSize: '16rem' }} loading="lazy" /></a>
        : null}
      <p><a href={file} target="_blank" rel="noreferrer">{doc.contentType === 'application/pdf' ? t('docReview.openPdf') : t('docReview.open')}</a></p>
      <ProblemAlert error={problem} />
      {doc.allowedActions.length === 0 && <p className="muted">{t('docReview.noDecision')}</p>}
      {doc.allowedActions.includes('approve') && (
        <p><button type="button" className="primary" disabled={sending} onClick={() => void decide('approve')}>{t('docReview.approve')}</button></p>
      )}
      {doc.allowedActions.includes('reject') && (
        <form onSubmit={reject} noValidate>
          <Field label={t('docReview.reason')} hint={t('docReview.reasonHint')} name={`reason-${doc.id}`} multiline maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="secondary" disabled={sending}>{t('docReview.reject')}</button>
        </form>
      )}
    </li>
  );
}
