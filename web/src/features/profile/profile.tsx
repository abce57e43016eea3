import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Type } from '@sinclair/typebox';
import { UpdateMeBody } from '../../../../src/modules/accounts/schemas.ts';
import { api, type Account } from '../../lib/api.ts';
import { useSession } from '../../lib/session.tsx';
import { Alert, Field, Select, useForm } from '../../ui/form.tsx';
import { formatDate } from '../../lib/dates.ts';
import { currentLanguage, type Language } from '../../i18n/index.ts';

const NameOnly = Type.Pick(UpdateMeBody, ['displayName']);

export function ProfilePage() {
  const { t } = useTranslation();
  const { account, refresh, setLanguage } = useSession();
  const form = useForm(NameOnly, { displayName: account?.displayName ?? '' });
  const [saved, setSaved] = useState(false);
  if (!account) return null;
  return (
    <section className="card narrow">
      <h1>{t('profile.title')}</h1>
      <dl className="facts">
        <dt>{t('form.email')}</dt>
        <dd dir="ltr">{account.email} <span className={account.emailVerified ? 'badge ok' : 'badge warn'}>{account.emailVerified ? t('profile.emailVerified') : t('profile.emailNotVerified')}</span></dd>
        <dt>{t('form.role')}</dt>
        <dd>{t(`roles.${account.role}`)}</dd>
        <dd className="muted">{t('profile.memberSince', { date: formatDate(account.createdAt, currentLanguage()) })}</dd>
      </dl>
      <form noValidate onSubmit={form.onSubmit(async (values) => {
        setSaved(false);
        await api<Account>('/me', { method: 'PATCH', body: values });
        await refresh();
        setSaved(true);
      })}>
        {form.formError && <Alert kind="error">{form.formError}</Alert>}
        {saved && <Alert kind="success">{t('form.saved')}</Alert>}
        <Field label={t('form.displayName')} autoComplete="name" {...form.bind('displayName')} />
        <Select label={t('form.language')} name="locale" value={account.locale} onChange={(v) => void setLanguage(v as Language)}>
          <option value="ar" lang="ar">العربية</option>
          <option value="en" lang="en">English</option>
        </Select>
        <button type="submit" className="primary" disabled={form.submitting}>{t('profile.submit')}</button>
      </form>
    </section>
  );
}
