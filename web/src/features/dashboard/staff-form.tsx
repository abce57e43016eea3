import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateStaffBody } from '../../../../src/modules/accounts/schemas.ts';
import { staffRoles } from '../../../../src/core/principal.ts';
import { api, type Account } from '../../lib/api.ts';
import { Alert, Field, Select, useForm } from '../../ui/form.tsx';

export function StaffForm() {
  const { t } = useTranslation();
  const form = useForm(CreateStaffBody, { email: '', displayName: '', role: 'ministry_officer', countryCode: '', providerId: '' });
  const [created, setCreated] = useState<string | null>(null);
  const role = form.values.role;
  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staff.title')}</h2>
      <p className="muted">{t('staff.intro')}</p>
      <form noValidate onSubmit={form.onSubmit(async (values) => {
        const account = await api<Account>('/staff', { method: 'POST', body: values });
        setCreated(account.email);
        form.setValues({ email: '', displayName: '', role: values.role, countryCode: '', providerId: '' });
      })}>
        {form.formError && <Alert kind="error">{form.formError}</Alert>}
        {created && <Alert kind="success">{t('staff.created', { email: created })}</Alert>}
        <Select label={t('form.role')} name="role" value={role} onChange={(v) => form.setValues((s) => ({ ...s, role: v, countryCode: '', providerId: '' }))}>
          {staffRoles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </Select>
        <Field label={t('form.displayName')} {...form.bind('displayName')} />
        <Field label={t('form.email')} type="email" dir="ltr" {...form.bind('email')} />
        {role === 'mission_officer' && <Field label={t('form.country')} dir="ltr" maxLength={2} placeholder="FR" {...form.bind('countryCode')} />}
        {role === 'provider_staff' && <Field label={t('form.providerId')} dir="ltr" {...form.bind('providerId')} />}
        <button type="submit" className="primary" disabled={form.submitting}>{t('staff.submit')}</button>
      </form>
    </section>
  );
}
