import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { CreateStaffBody } from '../../../../src/common/schemas/accounts.ts';
import { staffRoles } from '../../../../src/common/roles.ts';
import { $api, call, client } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { countryName } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { CountrySelect, Field, Select } from '../../ui/fields.tsx';
import { useForm } from '../../ui/form.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';

/** Staff accounts: create one (an invitation is emailed) and disable or enable the others, as the API allows each. */
export function StaffPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm(CreateStaffBody, { email: '', displayName: '', role: 'ministry_officer', countryCode: '', providerId: '' });
  const [created, setCreated] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const providers = $api.useQuery('get', '/api/v1/providers', { params: { query: { status: 'licensed', limit: 200 } } }, { enabled: form.values.role === 'provider_staff' });
  const staff = $api.useQuery('get', '/api/v1/accounts', { params: { query: { limit: 200 } } });
  const role = form.values.role;

  async function setStatus(id: string, status: 'active' | 'disabled') {
    setProblem(null);
    try {
      await call(client.PATCH('/api/v1/accounts/{id}/status', { params: { path: { id } }, body: { status } }));
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts'] });
    } catch (e) {
      setProblem(e);
    }
  }

  return (
    <div className="stack">
      <section className="card" aria-labelledby="staff-title">
        <h1 id="staff-title">{t('staff.title')}</h1>
        <p className="muted">{t('staff.intro')}</p>
        <form noValidate onSubmit={form.onSubmit(async (values) => {
          const account = await call(client.POST('/api/v1/staff', { body: values as never }));
          setCreated(account.email);
          form.setValues({ email: '', displayName: '', role: values.role, countryCode: '', providerId: '' });
          await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts'] });
        })}>
          {form.formError && <Alert kind="error">{form.formError}</Alert>}
          {created && <Alert kind="success">{t('staff.created', { email: created })}</Alert>}
          <Select label={t('form.role')} name="role" value={role} onChange={(v) => form.setValues((s) => ({ ...s, role: v, countryCode: '', providerId: '' }))}>
            {staffRoles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </Select>
          <Field label={t('form.displayName')} {...form.bind('displayName')} />
          <Field label={t('form.email')} type="email" dir="ltr" {...form.bind('email')} />
          {role === 'mission_officer' && <CountrySelect label={t('form.country')} name="countryCode" value={form.values.countryCode} error={form.errors.countryCode} onChange={(v) => form.setValues((s) => ({ ...s, countryCode: v }))} />}
          {role === 'provider_staff' && (
            <Select label={t('staff.provider')} name="providerId" value={form.values.providerId} error={form.errors.providerId} onChange={(v) => form.setValues((s) => ({ ...s, providerId: v }))}>
              <option value="">—</option>
              {(providers.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.legalNameAr} — {p.legalNameEn}</option>)}
            </Select>
          )}
          <button type="submit" className="primary" disabled={form.submitting}>{t('staff.submit')}</button>
        </form>
      </section>
      <section className="card" aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('staff.accounts')}</h2>
        <ProblemAlert error={problem} />
        <Loaded query={staff}>
          {(page) => (
            <DataTable rows={page.items.filter((a) => a.role !== 'pilgrim')} rowKey={(a) => a.id} columns={[
              { key: 'name', header: t('form.displayName'), cell: (a) => a.displayName, rowHeader: true },
              { key: 'email', header: t('form.email'), cell: (a) => <bdi dir="ltr">{a.email}</bdi> },
              { key: 'role', header: t('form.role'), cell: (a) => `${t(`roles.${a.role}`)}${a.countryCode ? ` · ${countryName(a.countryCode)}` : ''}` },
              { key: 'since', header: t('staff.since'), cell: (a) => formatDate(a.createdAt) },
              { key: 'status', header: t('staff.status'), cell: (a) => (
                <span className="row-actions">
                  {t(`staff.statuses.${a.status}`)}
                  {a.allowedActions.includes('disable') && <button type="button" className="link-button small" onClick={() => void setStatus(a.id, 'disabled')}>{t('staff.disable')}</button>}
                  {a.allowedActions.includes('enable') && <button type="button" className="link-button small" onClick={() => void setStatus(a.id, 'active')}>{t('staff.enable')}</button>}
                </span>
              ) },
            ]} />
          )}
        </Loaded>
      </section>
    </div>
  );
}
