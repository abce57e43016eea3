import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../lib/api.ts';
import { sar } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert, Field } from '../../ui/form.tsx';

interface SimPayment { id: string; amount: number; description: string; status: string; cardLast4: string | null }

/**
 * The simulated gateway's hosted payment page. A real gateway serves this page
 * on its own domain; here it shows which test cards do what.
 */
export function HostedPayPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const back = params.get('return')?.startsWith('/') ? params.get('return')! : '/wallet';
  const { data, setData } = useApi<SimPayment>(`/sim-gateway/payments/${id}`);
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function send(path: string, body: unknown) {
    setError(null);
    try {
      setData(await api<SimPayment>(`/sim-gateway/payments/${id}/${path}`, { method: 'POST', body }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  if (!data) return <p>{t('app.loading')}</p>;
  return (
    <section className="card narrow">
      <h1>{t('pay.title')}</h1>
      <p className="muted">{t('pay.simulated')}</p>
      <p className="lead">{data.description} — {sar(data.amount)}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {data.status === 'requires_card' && (
        <form onSubmit={(e) => { e.preventDefault(); void send('card', { number }); }} noValidate>
          <Field label={t('pay.cardNumber')} name="number" inputMode="numeric" autoComplete="cc-number" dir="ltr" value={number} onChange={(e) => setNumber(e.target.value)} hint={t('pay.testCards')} />
          <button type="submit" className="primary">{t('pay.pay')}</button>
        </form>
      )}
      {data.status === 'requires_3ds' && (
        <form onSubmit={(e) => { e.preventDefault(); void send('3ds', { code }); }} noValidate>
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
  );
}
