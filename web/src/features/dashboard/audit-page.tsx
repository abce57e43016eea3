import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../api/client.ts';
import { DateField, Select } from '../../ui/fields.tsx';
import { Loaded } from '../../ui/problem.tsx';
import { AuditTable } from './audit-log.tsx';

/** The audit log with filters (what happened, to what, when) and paging back in time. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [subjectType, setSubjectType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const families = Object.keys((i18n.getResource(i18n.language, 'dashboard', 'audit.actions') ?? {}) as Record<string, unknown>);
  const subjects = Object.keys((i18n.getResource(i18n.language, 'dashboard', 'audit.subjects') ?? {}) as Record<string, unknown>);
  const day = (d: string, end: boolean) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T${end ? '23:59:59' : '00:00:00'}+03:00`).toISOString() : undefined);
  const query = {
    action: action || undefined,
    subjectType: subjectType || undefined,
    from: day(from, false),
    to: day(to, true),
    cursor: cursors.at(-1),
    limit: 50,
  };
  const page = $api.useQuery('get', '/api/v1/audit', { params: { query } });
  const reset = () => setCursors([]);
  return (
    <div className="stack">
      <section className="card">
        <h1>{t('audit.pageTitle')}</h1>
        <div className="filters">
          <Select label={t('audit.filterAction')} name="action" value={action} onChange={(v) => { setAction(v); reset(); }}>
            <option value="">{t('audit.all')}</option>
            {families.map((f) => <option key={f} value={`${f}.*`}>{t(`audit.families.${f}`, { defaultValue: t(`audit.subjects.${f}`, { defaultValue: f }) })}</option>)}
          </Select>
          <Select label={t('audit.filterSubject')} name="subjectType" value={subjectType} onChange={(v) => { setSubjectType(v); reset(); }}>
            <option value="">{t('audit.all')}</option>
            {subjects.map((s) => <option key={s} value={s}>{t(`audit.subjects.${s}`)}</option>)}
          </Select>
          <DateField label={t('audit.from')} name="from" value={from} onChange={(v) => { setFrom(v); reset(); }} />
          <DateField label={t('audit.to')} name="to" value={to} onChange={(v) => { setTo(v); reset(); }} />
        </div>
      </section>
      <section className="card">
        <Loaded query={page}>
          {(p) => (
            <>
              <AuditTable items={p.items} />
              <p className="pager">
                {cursors.length > 0 && <button type="button" className="secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>{t('audit.newer')}</button>}
                {p.nextCursor && <button type="button" className="secondary" onClick={() => setCursors((c) => [...c, p.nextCursor!])}>{t('audit.older')}</button>}
              </p>
            </>
          )}
        </Loaded>
      </section>
    </div>
  );
}
