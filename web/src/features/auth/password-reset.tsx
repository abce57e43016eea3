import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Type } from '@sinclair/typebox';
import { EmailBody, ResetBody } from '../../../../src/modules/accounts/schemas.ts';
import { api } from '../../lib/api.ts';
import { Alert, Field, useForm } from '../../ui/form.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm(EmailBody, { email: '' });
  const [done, setDone] = useState(false);
  return (
    <section className="card narrow">
      <h1>{t('forgot.title')}</h1>
      {done ? <Alert kind="success">{t('forgot.done')}</Alert> : (
        <form noValidate onSubmit={form.onSubmit(async (values) => {
          await api('/auth/password-reset', { method: 'POST', body: values });
          setDone(true);
        })}>
          <p>{t('forgot.intro')}</p>
          {form.formError && <Alert kind="error">{form.formError}</Alert>}
          <Field label={t('form.email')} type="email" autoComplete="email" dir="ltr" required {...form.bind('email')} />
          <button type="submit" className="primary" disabled={form.submitting}>{t('forgot.submit')}</button>
        </form>
      )}
    </section>
  );
}

const PasswordOnly = Type.Pick(ResetBody, ['password']);

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm(PasswordOnly, { password: '' });
  const [done, setDone] = useState(false);
  if (!token) return <section className="card narrow"><Alert kind="error">{t('verify.missingToken')}</Alert></section>;
  return (
    <section className="card narrow">
      <h1>{t('reset.title')}</h1>
      {done ? <><Alert kind="success">{t('reset.done')}</Alert><p><Link className="button primary" to="/sign-in">{t('nav.signIn')}</Link></p></> : (
        <form noValidate onSubmit={form.onSubmit(async (values) => {
          await api('/auth/password-reset/confirm', { method: 'POST', body: { token, password: values.password } });
          setDone(true);
        })}>
          {form.formError && <Alert kind="error">{form.formError}</Alert>}
          <Field label={t('form.newPassword')} hint={t('form.passwordHint')} type="password" autoComplete="new-password" required {...form.bind('password')} />
          <button type="submit" className="primary" disabled={form.submitting}>{t('reset.submit')}</button>
        </form>
      )}
    </section>
  );
}
