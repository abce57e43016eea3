import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegisterBody } from '../../../../src/modules/accounts/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { api } from '../../lib/api.ts';
import { Alert, Field, useForm } from '../../ui/form.tsx';

export function SignUpPage({ devMailbox }: { devMailbox: boolean }) {
  const { t } = useTranslation();
  const form = useForm(RegisterBody, { displayName: '', email: '', password: '' });
  const [doneFor, setDoneFor] = useState<string | null>(null);

  if (doneFor) {
    return (
      <section className="card narrow">
        <h1>{t('signUp.doneTitle')}</h1>
        <Alert kind="success">{t('signUp.doneBody', { email: doneFor })}</Alert>
        {devMailbox && <p><Link to={`/dev/mailbox?to=${encodeURIComponent(doneFor)}`}>{t('signUp.devMailboxHint')}</Link></p>}
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>{t('signUp.title')}</h1>
      <form noValidate onSubmit={form.onSubmit(async (values) => {
        await api('/auth/register', { method: 'POST', body: { ...values, locale: currentLanguage() } });
        setDoneFor(values.email);
      })}>
        {form.formError && <Alert kind="error">{form.formError}</Alert>}
        <Field label={t('form.displayName')} hint={t('form.displayNameHint')} autoComplete="name" required {...form.bind('displayName')} />
        <Field label={t('form.email')} type="email" autoComplete="email" inputMode="email" dir="ltr" required {...form.bind('email')} />
        <Field label={t('form.password')} hint={t('form.passwordHint')} type="password" autoComplete="new-password" required {...form.bind('password')} />
        <button type="submit" className="primary" disabled={form.submitting}>{form.submitting ? t('form.saving') : t('signUp.submit')}</button>
      </form>
      <p>{t('home.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link></p>
    </section>
  );
}
