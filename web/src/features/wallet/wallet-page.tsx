import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { $api, call, client } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { sar, toHalalas, toRiyalsText } from '../../lib/format.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Field } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';

/** The pilgrim's wallet: balance, a bank reference for transfers, card top-ups, and every movement. */
export function WalletPage() {
  const { t } = useTranslation();
  const wallet = $api.useQuery('get', '/api/v1/wallet');
  const [params] = useSearchParams();
  const topUpId = params.get('topup');
  // Sent here by "your wallet is short by …": the amount is filled in.
  const suggested = Number(params.get('amount'));
  const [amount, setAmount] = useState(Number.isSafeInteger(suggested) && suggested > 0 ? toRiyalsText(suggested) : '');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);

  // Back from the gateway's page: follow the payment until the gateway's webhook settles it.
  const topUp = $api.useQuery('get', '/api/v1/wallet/top-ups/{id}', { params: { path: { id: topUpId ?? '' } } }, {
    enabled: !!topUpId,
    refetchInterval: (q) => (q.state.data && ['succeeded', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
  const settled = topUp.data && ['succeeded', 'failed'].includes(topUp.data.status);
  const { refetch } = wallet;
  useEffect(() => {
    if (settled) void refetch();
  }, [settled, refetch]);

  async function startTopUp(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const halalas = toHalalas(amount);
    if (!Number.isSafeInteger(halalas) || halalas <= 0) {
      setAmountError(t('wallet.badAmount'));
      return;
    }
    setAmountError(null);
    // One key per intended top-up of this amount, kept across a double click or a retry.
    const operation = `top-up:${halalas}`;
    setStarting(true);
    try {
      const started = await call(client.POST('/api/v1/wallet/top-ups', { body: { amount: halalas }, headers: { 'idempotency-key': operationKey(operation) } }));
      operationDone(operation);
      window.location.assign(`${started.redirectUrl}?return=${encodeURIComponent(`/wallet?topup=${started.id}`)}`);
    } catch (e) {
      setProblem(e);
    } finally {
      setStarting(false);
    }
  }

  return (
    <Loaded query={wallet}>
      {(w) => (
        <div className="stack">
          <section className="card">
            <h1>{t('wallet.title')}</h1>
            {topUp.data && (
              <Alert kind={topUp.data.status === 'succeeded' ? 'success' : topUp.data.status === 'failed' ? 'error' : 'info'}>
                {t(`wallet.topUpStatus.${topUp.data.status}`)}
              </Alert>
            )}
            <p className="lead">{t('wallet.balance', { amount: sar(w.balance) })}</p>
            {w.pendingIn > 0 && <p>{t('wallet.pendingIn', { amount: sar(w.pendingIn) })}</p>}
            <h2>{t('wallet.bankTitle')}</h2>
            <p>{t('wallet.bankHow')}</p>
            <p className="hash" dir="ltr"><strong>{w.bankReference}</strong></p>
          </section>
          <form className="card" onSubmit={startTopUp} noValidate>
            <h2>{t('wallet.cardTitle')}</h2>
            <ProblemAlert error={problem} />
            <Field label={t('wallet.amount')} name="amount" inputMode="decimal" dir="ltr" value={amount} error={amountError ?? undefined} onChange={(e) => setAmount(e.target.value)} />
            <button type="submit" className="primary" disabled={starting}>{t('wallet.payByCard')}</button>
          </form>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">{t('wallet.history')}</h2>
            <DataTable
              rows={w.history}
              rowKey={(h) => h.id}
              empty={<p>{t('wallet.noHistory')}</p>}
              columns={[
                { key: 'when', header: t('wallet.when'), cell: (h) => formatDate(h.at, { time: true }) },
                { key: 'what', header: t('wallet.what'), cell: (h) => <>{t(`wallet.kinds.${h.kind}`)}{h.state !== 'posted' ? ` (${t(`wallet.states.${h.state}`)})` : ''}</> },
                { key: 'amount', header: t('wallet.amountCol'), cell: (h) => <span dir="ltr">{h.amount > 0 ? '+' : '−'}{sar(Math.abs(h.amount))}</span> },
              ]}
            />
          </section>
        </div>
      )}
    </Loaded>
  );
}
