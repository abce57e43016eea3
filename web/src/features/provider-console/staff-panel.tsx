import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InviteBody } from '../../../../src/common/schemas/providers.ts';
import { $api, call, client } from '../../api/client.ts';
import { isLocale, languageTable, locales } from '../../../../src/common/i18n.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Field, Select } from '../../ui/fields.tsx';
import { useForm } from '../../ui/form.tsx';
import { Alert, Loaded } from '../../ui/problem.tsx';

/** The company's staff, and inviting a colleague (the API refuses agents; its message says so). */
export function StaffPanel({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/providers/{id}/staff', { params: { path: { id: providerId } } });
  const form = useForm(InviteBody, { email: '', displayName: '', role: 'agent', locale: currentLanguage() as string });
  const [invited, setInvited] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('console.staff')}</h2>
      <Loaded query={query}>
        {(members) => (
          <DataTable
            rows={members}
            rowKey={(m) => m.accountId}
            columns={[
              { key: 'name', header: t('form.displayName'), rowHeader: true, cell: (m) => <bdi>{m.displayName}</bdi> },
              { key: 'email', header: t('form.email'), cell: (m) => <bdi dir="ltr">{m.email}</bdi> },
              { key: 'role', header: t('console.memberRole'), cell: (m) => t(`console.roles.${m.role}`) },
              { key: 'since', header: t('console.since'), cell: (m) => formatDate(m.since) },
            ]}
          />
        )}
      </Loaded>
      <h3>{t('console.invite')}</h3>
      <form noValidate onSubmit={form.onSubmit(async (values) => {
        setInvited(null);
        await call(client.POST('/api/v1/providers/{id}/staff', { params: { path: { id: providerId } }, body: { ...values, role: values.role === 'manager' ? 'manager' : 'agent', locale: isLocale(values.locale) ? values.locale : 'ar' } }));
        setInvited(values.email);
        form.setValues({ email: '', displayName: '', role: values.role, locale: values.locale });
        await query.refetch();
      })}>
        {form.formError && <Alert kind="error">{form.formError}</Alert>}
        {invited && <Alert kind="success">{t('console.invited', { email: invited })}</Alert>}
        <Field label={t('form.displayName')} autoComplete="off" {...form.bind('displayName')} />
        <Field label={t('form.email')} type="email" dir="ltr" autoComplete="off" {...form.bind('email')} />
        <Select label={t('console.memberRole')} name="role" value={form.values.role} error={form.errors.role} onChange={(role) => form.setValues((s) => ({ ...s, role }))}>
          <option value="agent">{t('console.roles.agent')}</option>
          <option value="manager">{t('console.roles.manager')}</option>
        </Select>
        <Select label={t('console.inviteLanguage')} name="locale" value={form.values.locale} onChange={(locale) => form.setValues((s) => ({ ...s, locale }))}>
          {locales.map((l) => <option key={l} value={l} lang={l}>{languageTable[l].name}</option>)}
        </Select>
        <button type="submit" className="primary" disabled={form.submitting}>{t('console.sendInvite')}</button>
      </form>
    </section>
  );
}
