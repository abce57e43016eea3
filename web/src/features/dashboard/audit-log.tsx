import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/openapi';
import { formatDate } from '../../lib/dates.ts';
import { DataTable } from '../../ui/data-table.tsx';

export type AuditRecord = paths['/api/v1/audit']['get']['responses']['200']['content']['application/json']['items'][number];

/** An audit action in words ("Signed in", "تسجيل دخول"), the code kept beside it for searching. */
export function useActionText() {
  const { t, i18n } = useTranslation();
  return (action: string) => (i18n.exists(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action);
}

/** The records as a table on a desk and cards on a phone, every action and subject in words. */
export function AuditTable({ items }: { items: AuditRecord[] }) {
  const { t, i18n } = useTranslation();
  const actionText = useActionText();
  const subject = (r: AuditRecord) => `${i18n.exists(`audit.subjects.${r.subjectType}`) ? t(`audit.subjects.${r.subjectType}`) : r.subjectType} ${r.subjectId.length > 12 ? `${r.subjectId.slice(0, 8)}…` : r.subjectId}`;
  return (
    <DataTable rows={items} rowKey={(r) => String(r.id)} empty={<p>{t('dashboard.empty')}</p>} columns={[
      { key: 'when', header: t('audit.when'), cell: (r) => formatDate(r.occurredAt, { time: true }) },
      { key: 'action', header: t('audit.action'), cell: (r) => <span title={r.action}>{actionText(r.action)}</span> },
      { key: 'actor', header: t('audit.actor'), cell: (r) => (r.actorRole ? t(`roles.${r.actorRole}`) : t('audit.system')) },
      { key: 'subject', header: t('audit.subject'), cell: (r) => <bdi>{subject(r)}</bdi> },
    ]} />
  );
}
