import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { api } from '../../lib/api.ts';

interface AuditRecord {
  id: number;
  occurredAt: string;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
}

/** The latest audit records, for ministry officers. */
export function AuditPanel() {
  const { t } = useTranslation();
  const [items, setItems] = useState<AuditRecord[] | null>(null);
  useEffect(() => {
    api<{ items: AuditRecord[] }>('/audit?limit=15').then((page) => setItems(page.items), () => setItems([]));
  }, []);
  const time = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      {items === null ? <p>{t('app.loading')}</p> : items.length === 0 ? <p>{t('dashboard.empty')}</p> : (
        <div className="table-scroll">
          <table>
            <thead><tr><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.action')}</th><th scope="col">{t('audit.actor')}</th><th scope="col">{t('audit.subject')}</th></tr></thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{time.format(new Date(r.occurredAt))}</td>
                  <td dir="ltr"><code>{r.action}</code></td>
                  <td>{r.actorRole ? t(`roles.${r.actorRole}`) : t('audit.system')}</td>
                  <td dir="ltr"><code>{r.subjectType}:{r.subjectId.slice(0, 8)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
