import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../lib/api.ts';
import { Alert } from '../../ui/form.tsx';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true; // a token works once: never post it twice (React strict mode runs effects twice)
    api('/auth/verify-email', { method: 'POST', body: { token } }).then(
      () => setState('done'),
      () => setState('failed'),
    );
  }, [token]);

  return (
    <section className="card narrow">
      <h1>{t('verify.title')}</h1>
      {!token ? <Alert kind="error">{t('verify.missingToken')}</Alert>
        : state === 'working' ? <p aria-live="polite">{t('verify.working')}</p>
        : state === 'done' ? <><Alert kind="success">{t('verify.done')}</Alert><p><Link className="button primary" to="/sign-in">{t('nav.signIn')}</Link></p></>
        : <Alert kind="error">{t('verify.failed')}</Alert>}
    </section>
  );
}
