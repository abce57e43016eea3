import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegisterBody } from '../../../../src/common/schemas/accounts.ts';
import { $api, call, client } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { Field } from '../../ui/fields.tsx';
import { useForm } from '../../ui/form.tsx';
import { Alert } from '../../ui/problem.tsx';

/** A pilgrim creates an account; emails come in the language of the page they signed up on. */
export function SignUpPage() {
  const { t } = useTranslation();
  const form = useForm(RegisterBody, { displayName: '', email: '', password: '' });
  const [doneFor, setDoneFor] = useState<string | null>(null);
  // The development mailbox exists only on servers without SMTP; the server says so.
  const server = $api.useQuery('get', '/api/v1/meta/server', {}, { staleTime: Infinity });

  if (doneFor) {
    return (
      <section className="card narrow">
        <h1>{t('signUp.doneTitle')}</h1>
        <Alert kind="success"><Trans i18nKey="signUp.doneBody" values={{ email: doneFor }} components={{ email: <bdi dir="ltr" /> }} /></Alert>
        {server.data?.devMailbox && <p><Link to={`/dev/mailbox?to=${encodeURIComponent(doneFor)}`}>{t('signUp.devMailboxHint')}</Link></p>}
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>{t('signUp.title')}</h1>
      <form noValidate onSubmit={form.onSubmit(async (values) => {
        await call(client.POST('/api/v1/auth/register', { body: { email: values.email, password: values.password, displayName: values.displayName, locale: currentLanguage() } }));
        setDoneFor(values.email);
      })}>
        {form.formError && <Alert kind="error">{form.formError}</Alert>}
        <Field label={t('form.displayName')} hint={t('form.displayNameHint')} autoComplete="name" required {...form.bind('displayName')} />
        <Field label={t('form.email')} type="email" autoComplete="email" inputMode="email" dir="ltr" required {...form.bind('email')} />
        <Field label={t('form.password')} hint={t('form.passwordHint')} type="password" autoComplete="new-password" required {...form.bind('password')} />
        <button type="submit" className="primary" disabled={form.submitting}>{form.submitting ? t('form.saving') : t('signUp.submit')}</button>
      </form>
      <p>{t('home.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link></p>
      <p className="muted">{t('signUp.languageNote')}</p>
    </section>
  );
}
