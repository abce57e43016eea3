import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call, client, isNetworkProblem, ProblemError } from '../../api/client.ts';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';

/** Confirms the email with the link's token, once. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const [problem, setProblem] = useState<unknown>(null);
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true; // a token works once: never post it twice (React strict mode runs effects twice)
    call(client.POST('/api/v1/auth/verify-email', { body: { token } })).then(
      () => setState('done'),
      (e: unknown) => {
        // A lost connection is worth saying as such; any refusal means the link no longer works.
        if (e instanceof ProblemError && isNetworkProblem(e.problem)) setProblem(e);
        setState('failed');
      },
    );
  }, [token]);

  return (
    <section className="card narrow">
      <h1>{t('verify.title')}</h1>
      {!token ? <Alert kind="error">{t('verify.missingToken')}</Alert>
        : state === 'working' ? <p aria-live="polite">{t('verify.working')}</p>
        : state === 'done' ? <><Alert kind="success">{t('verify.done')}</Alert><p><Link className="button primary" to="/sign-in">{t('nav.signIn')}</Link></p></>
        : problem ? <ProblemAlert error={problem} />
        : <><Alert kind="error">{t('verify.failed')}</Alert><p><Link to="/sign-in">{t('verify.signInToResend')}</Link></p></>}
    </section>
  );
}
