import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Type } from '@sinclair/typebox';
import { EmailBody, ResetBody } from '../../../../src/common/schemas/accounts.ts';
import { call, client } from '../../api/client.ts';
import { Field } from '../../ui/fields.tsx';
import { useForm } from '../../ui/form.tsx';
import { Alert } from '../../ui/problem.tsx';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm(EmailBody, { email: '' });
  const [done, setDone] = useState(false);
  return (
    <section className="card narrow">
      <h1>{t('forgot.title')}</h1>
      {done ? <Alert kind="success">{t('forgot.done')}</Alert> : (
        <form noValidate onSubmit={form.onSubmit(async (values) => {
          await call(client.POST('/api/v1/auth/password-reset', { body: { email: values.email } }));
          setDone(true);
        })}>
          <p>{t('forgot.intro')}</p>
          {form.formError && <Alert kind="error">{form.formError}</Alert>}
          <Field label={t('form.email')} type="email" autoComplete="email" inputMode="email" dir="ltr" required {...form.bind('email')} />
          <button type="submit" className="primary" disabled={form.submitting}>{t('forgot.submit')}</button>
        </form>
      )}
      <p><Link to="/sign-in">{t('nav.signIn')}</Link></p>
    </section>
  );
}

/** The form checks the new password with the reset body's own rule (the token comes from the link). */
const PasswordOnly = Type.Pick(ResetBody, ['password']);

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm(PasswordOnly, { password: '' });
  const [done, setDone] = useState(false);
  if (!token) {
    return (
      <section className="card narrow">
        <h1>{t('reset.title')}</h1>
        <Alert kind="error">{t('verify.missingToken')}</Alert>
        <p><Link to="/forgot-password">{t('reset.askAgain')}</Link></p>
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>{t('reset.title')}</h1>
      {done ? <><Alert kind="success">{t('reset.done')}</Alert><p><Link className="button primary" to="/sign-in">{t('nav.signIn')}</Link></p></> : (
        <form noValidate onSubmit={form.onSubmit(async (values) => {
          await call(client.POST('/api/v1/auth/password-reset/confirm', { body: { token, password: values.password } }));
          setDone(true);
        })}>
          {form.formError && <><Alert kind="error">{form.formError}</Alert><p><Link to="/forgot-password">{t('reset.askAgain')}</Link></p></>}
          <Field label={t('form.newPassword')} hint={t('form.passwordHint')} type="password" autoComplete="new-password" required {...form.bind('password')} />
          <button type="submit" className="primary" disabled={form.submitting}>{t('reset.submit')}</button>
        </form>
      )}
    </section>
  );
}
