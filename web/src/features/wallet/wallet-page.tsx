import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { sar, toHalalas } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert, Field } from '../../ui/form.tsx';

interface Wallet {
  bankReference: string;
  balance: number;
  available: number;
  pendingIn: number;
  history: { id: string; at: string; kind: string; state: string; amount: number; bookingId: string | null }[];
}

/** The pilgrim's wallet: balance, a bank reference for transfers, card top-ups, and every movement. */
export function WalletPage() {
  const { t } = useTranslation();
  const { data: wallet, reload } = useApi<Wallet>('/wallet');
  const [params] = useSearchParams();
  const topUpId = params.get('topup');
  const [topUpStatus, setTopUpStatus] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const lang = currentLanguage();

  // Back from the gateway's page: follow the payment until the gateway's webhook settles it.
  useEffect(() => {
    if (!topUpId) return;
    let stop = false;
    const poll = async () => {
      const s = await api<{ status: string }>(`/wallet/top-ups/${topUpId}`).catch(() => null);
      if (stop || !s) return;
      setTopUpStatus(s.status);
      if (s.status === 'succeeded' || s.status === 'failed') reload();
      else setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [topUpId]);

  async function topUp(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    let halalas: number;
    try {
      halalas = toHalalas(amount);
    } catch {
      setMessage(t('wallet.badAmount'));
      return;
    }
    try {
      // One key per press of the button: a double click or a retried request starts one payment.
      const started = await api<{ id: string; redirectUrl: string }>('/wallet/top-ups', { method: 'POST', body: { amount: halalas }, headers: { 'idempotency-key': crypto.randomUUID() } });
      window.location.assign(`${started.redirectUrl}?return=${encodeURIComponent(`/wallet?topup=${started.id}`)}`);
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  }

  if (!wallet) return <p>{t('app.loading')}</p>;
  return (
    <div className="stack">
      <section className="card">
        <h1>{t('wallet.title')}</h1>
        {topUpStatus && <Alert kind={topUpStatus === 'succeeded' ? 'success' : topUpStatus === 'failed' ? 'error' : 'info'}>{t(`wallet.topUpStatus.${topUpStatus}`)}</Alert>}
        <p className="lead">{t('wallet.balance', { amount: sar(wallet.balance) })}</p>
        {wallet.pendingIn > 0 && <p>{t('wallet.pendingIn', { amount: sar(wallet.pendingIn) })}</p>}
        <h2>{t('wallet.bankTitle')}</h2>
        <p>{t('wallet.bankHow')}</p>
        <p className="hash" dir="ltr"><strong>{wallet.bankReference}</strong></p>
      </section>
      <form className="card" onSubmit={topUp} noValidate>
        <h2>{t('wallet.cardTitle')}</h2>
        {message && <Alert kind="error">{message}</Alert>}
        <Field label={t('wallet.amount')} name="amount" inputMode="decimal" dir="ltr" value={amount} onChange={(e) => setAmount(e.target.value)} />
        <button type="submit" className="primary">{t('wallet.payByCard')}</button>
      </form>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('wallet.history')}</h2>
        {wallet.history.length === 0 ? <p>{t('wallet.noHistory')}</p> : (
          <table>
            <thead><tr><th>{t('wallet.when')}</th><th>{t('wallet.what')}</th><th>{t('wallet.amountCol')}</th></tr></thead>
            <tbody>
              {wallet.history.map((h) => (
                <tr key={h.id}>
                  <td>{formatDate(h.at, lang)}</td>
                  <td>{t(`wallet.kinds.${h.kind}`, { defaultValue: h.kind })}{h.state !== 'posted' ? ` (${t(`wallet.states.${h.state}`)})` : ''}</td>
                  <td dir="ltr">{h.amount > 0 ? '+' : '−'}{sar(Math.abs(h.amount))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
