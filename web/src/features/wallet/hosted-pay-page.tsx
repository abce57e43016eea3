import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client } from '../../api/client.ts';
import { sar } from '../../lib/format.ts';
import { Field } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';

/**
 * The simulated gateway's hosted payment page. A real gateway serves this page
 * on its own domain; here it shows which test cards do what.
 */
export function HostedPayPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const back = params.get('return')?.startsWith('/') ? params.get('return')! : '/wallet';
  const key = { params: { path: { id } } };
  const payment = $api.useQuery('get', '/api/v1/sim-gateway/payments/{id}', key);
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<unknown>(null);

  async function send(step: 'card' | '3ds') {
    setProblem(null);
    try {
      const next = step === 'card'
        ? await call(client.POST('/api/v1/sim-gateway/payments/{id}/card', { ...key, body: { number } }))
        : await call(client.POST('/api/v1/sim-gateway/payments/{id}/3ds', { ...key, body: { code } }));
      queryClient.setQueryData(['get', '/api/v1/sim-gateway/payments/{id}', key], next);
    } catch (e) {
      setProblem(e);
    }
  }

  return (
    <Loaded query={payment}>
      {(data) => (
        <section className="card narrow">
          <h1>{t('pay.title')}</h1>
          <p className="muted">{t('pay.simulated')}</p>
          <p className="lead">{data.description} — {sar(data.amount)}</p>
          <ProblemAlert error={problem} />
          {data.status === 'requires_card' && (
            <form onSubmit={(e) => { e.preventDefault(); void send('card'); }} noValidate>
              <Field label={t('pay.cardNumber')} name="number" inputMode="numeric" autoComplete="cc-number" dir="ltr" value={number} onChange={(e) => setNumber(e.target.value)} hint={t('pay.testCards')} />
              <button type="submit" className="primary">{t('pay.pay')}</button>
            </form>
          )}
          {data.status === 'requires_3ds' && (
            <form onSubmit={(e) => { e.preventDefault(); void send('3ds'); }} noValidate>
              <p>{t('pay.challenge', { last4: data.cardLast4 })}</p>
              <Field label={t('pay.code')} name="code" inputMode="numeric" autoComplete="one-time-code" dir="ltr" value={code} onChange={(e) => setCode(e.target.value)} hint={t('pay.codeHint')} />
              <button type="submit" className="primary">{t('pay.confirm')}</button>
            </form>
          )}
          {(data.status === 'succeeded' || data.status === 'declined' || data.status === 'failed') && (
            <>
              <Alert kind={data.status === 'succeeded' ? 'success' : 'error'}>{t(`pay.result.${data.status}`)}</Alert>
              <p><Link className="button primary" to={back}>{t('pay.back')}</Link></p>
            </>
          )}
        </section>
      )}
    </Loaded>
  );
}
