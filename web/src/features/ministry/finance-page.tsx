import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { listOf, number, sar } from '../../lib/format.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { FileField } from '../../ui/fields.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';

type ImportResult = paths['/api/v1/wallet/bank-statements']['post']['responses']['200']['content']['application/json'];
type Line = ImportResult['credited'][number];

/** The bank statement import: credits the wallets whose reference a transfer quotes, once per bank transaction. */
export function FinancePage() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function importStatement() {
    setProblem(null);
    setResult(null);
    setBusy(true);
    // The same statement sent twice (a retry, a double click) is one import: the key follows the file's content.
    const operation = `statement:${csv.length}:${csv.slice(0, 64)}:${csv.slice(-64)}`;
    try {
      setResult(await call(client.POST('/api/v1/wallet/bank-statements', { body: csv as never, bodySerializer: (b: unknown) => String(b), headers: { 'content-type': 'text/csv', 'idempotency-key': operationKey(operation) } })));
      operationDone(operation);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  const lines = (rows: Line[]) => (
    <DataTable rows={rows} rowKey={(l) => `${l.line}`} columns={[
      { key: 'line', header: t('finance.line'), cell: (l) => number(l.line), rowHeader: true },
      { key: 'reference', header: t('finance.reference'), cell: (l) => <bdi dir="ltr">{l.reference}</bdi> },
      { key: 'amount', header: t('finance.amount'), cell: (l) => sar(l.amount) },
    ]} />
  );

  return (
    <div className="stack">
      <section className="card">
        <h1>{t('finance.title')}</h1>
        <p className="muted">{t('finance.intro')} <bdi dir="ltr">date,reference,amount,transaction_id</bdi></p>
        <ProblemAlert error={problem} />
        <FileField label={t('finance.chooseFile')} accept=".csv,text/csv" onFile={(f) => void f.text().then(setCsv)} />
        <div className="field">
          <label htmlFor="statement">{t('finance.orPaste')}</label>
          <textarea id="statement" rows={6} dir="ltr" value={csv} onChange={(e) => setCsv(e.target.value)} />
        </div>
        <button type="button" className="primary" disabled={busy || csv.trim() === ''} onClick={() => void importStatement()}>{t('finance.import')}</button>
      </section>
      {result && (
        <section className="card" aria-live="polite">
          <Alert kind="success">{t('finance.summary', { credited: number(result.credited.length), duplicates: number(result.duplicates.length), unmatched: number(result.unmatched.length) })}</Alert>
          {result.credited.length > 0 && <><h2>{t('finance.credited')}</h2>{lines(result.credited)}</>}
          {result.duplicates.length > 0 && <><h2>{t('finance.duplicates')}</h2><p>{t('finance.duplicateLines', { lines: listOf(result.duplicates.map((d) => number(d))) })}</p></>}
          {result.unmatched.length > 0 && <><h2>{t('finance.unmatched')}</h2><p className="muted">{t('finance.unmatchedIntro')}</p>{lines(result.unmatched)}</>}
        </section>
      )}
    </div>
  );
}
