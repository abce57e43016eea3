import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InviteBody } from '../../../../src/modules/providers/schemas.ts';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert, Field, Select, useForm } from '../../ui/form.tsx';

interface Member {
  accountId: string;
  email: string;
  displayName: string;
  role: 'owner' | 'manager' | 'agent';
}

export function StaffPanel({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const { data, reload } = useApi<Member[]>(`/providers/${providerId}/staff`);
  const form = useForm(InviteBody, { email: '', displayName: '', role: 'agent' });
  const [invited, setInvited] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('console.staff')}</h2>
      <ul>
        {data?.map((m) => <li key={m.accountId}>{m.displayName} · <span dir="ltr">{m.email}</span> · {t(`console.roles.${m.role}`)}</li>)}
      </ul>
      <h3>{t('console.invite')}</h3>
      <form noValidate onSubmit={form.onSubmit(async (values) => {
        await api(`/providers/${providerId}/staff`, { method: 'POST', body: values });
        setInvited(values.email);
        form.setValues({ email: '', displayName: '', role: values.role });
        reload();
      })}>
        {form.formError && <Alert kind="error">{form.formError}</Alert>}
        {invited && <Alert kind="success">{t('console.invited', { email: invited })}</Alert>}
        <Field label={t('form.displayName')} {...form.bind('displayName')} />
        <Field label={t('form.email')} type="email" dir="ltr" {...form.bind('email')} />
        <Select label={t('console.memberRole')} name="role" value={form.values.role} onChange={(role) => form.setValues((s) => ({ ...s, role }))}>
          <option value="agent">{t('console.roles.agent')}</option>
          <option value="manager">{t('console.roles.manager')}</option>
        </Select>
        <button type="submit" className="primary" disabled={form.submitting}>{t('console.invite')}</button>
      </form>
    </section>
  );
}
