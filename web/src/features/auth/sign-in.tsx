import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SignInBody } from '../../../../src/common/schemas/accounts.ts';
import { call, client, ProblemError } from '../../api/client.ts';
import { useSession } from '../../lib/session.tsx';
import { Field } from '../../ui/fields.tsx';
import { useForm } from '../../ui/form.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const form = useForm(SignInBody, { email: '', password: '' });
  const [unverified, setUnverified] = useState(false);
  const [resent, setResent] = useState(false);
  const [resendProblem, setResendProblem] = useState<unknown>(null);

  async function resend() {
    setResendProblem(null);
    try {
      await call(client.POST('/api/v1/auth/verify-email/resend', { body: { email: form.values.email.trim() } }));
      setResent(true);
    } catch (e) {
      setResendProblem(e);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('signIn.title')}</h1>
      <form noValidate onSubmit={form.onSubmit(async (values) => {
        setUnverified(false);
        setResent(false);
        try {
          await signIn(values.email, values.password);
          navigate('/dashboard');
        } catch (error) {
          if (error instanceof ProblemError && error.problem.code === 'auth.email_not_verified') setUnverified(true);
          throw error;
        }
      })}>
        {form.formError && <Alert kind="error">{form.formError}</Alert>}
        {unverified && !resent && <button type="button" className="secondary" onClick={() => void resend()}>{t('signIn.resend')}</button>}
        {resent && <Alert kind="info">{t('signIn.resent')}</Alert>}
        <ProblemAlert error={resendProblem} />
        <Field label={t('form.email')} type="email" autoComplete="username" inputMode="email" dir="ltr" required {...form.bind('email')} />
        <Field label={t('form.password')} type="password" autoComplete="current-password" required {...form.bind('password')} />
        <button type="submit" className="primary" disabled={form.submitting}>{t('signIn.submit')}</button>
      </form>
      <p><Link to="/forgot-password">{t('signIn.forgot')}</Link></p>
      <p>{t('signIn.noAccount')} <Link to="/sign-up">{t('nav.signUp')}</Link></p>
    </section>
  );
}
