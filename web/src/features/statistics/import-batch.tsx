import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { formatDate } from '../../lib/dates.ts';
import { number } from '../../lib/format.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { FileField, Select } from '../../ui/fields.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import { isolate } from './code-labels.ts';
import type { BatchList, BatchResult } from './types.ts';

type BatchBody = paths['/api/v1/statistics/hajj/{season}/imports']['post']['requestBody']['content']['application/json'];
type Kind = BatchBody['kind'];
type Source = BatchBody['source'];
const kinds: Kind[] = ['arrivals', 'departures'];
const sources: Source[] = ['hajj_office', 'domestic_hajj', 'border'];

/** The header a CSV batch starts with, as the API documents it (it names any difference, line 1). */
const csvHeader: Record<Kind, string> = {
  arrivals: 'document,issuer,residence,nationality,gender,age,entry_port,arrival_date,makkah_route',
  departures: 'document,issuer,departure_port,departure_date',
};

/** What was pasted or chosen: JSON (a list of records, or an object holding `records`) or else CSV. */
function readBatch(text: string): { json: BatchBody['records'] } | { csv: string } | { bad: true } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return { csv: text };
  try {
    const parsed: unknown = JSON.parse(trimmed);
    const records = Array.isArray(parsed) ? parsed : (parsed as { records?: unknown }).records;
    return Array.isArray(records) ? { json: records as BatchBody['records'] } : { bad: true };
  } catch {
    return { bad: true };
  }
}

/**
 * A batch of arrival or departure records from a channel outside the platform,
 * as a CSV or JSON file (or pasted): all or nothing — a bad line refuses it
 * and the answer names the line; the same batch sent again is counted once.
 */
export function ImportBatch({ season, onImported }: { season: string; onImported: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('arrivals');
  const [source, setSource] = useState<Source>('hajj_office');
  const [text, setText] = useState('');
  const [result, setResult] = useState<BatchResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [notJson, setNotJson] = useState(false);
  const [busy, setBusy] = useState(false);

  async function send() {
    setProblem(null);
    setResult(null);
    const batch = readBatch(text);
    setNotJson('bad' in batch);
    if ('bad' in batch) return;
    // One key per intended batch, kept across retries: its channel, kind and content.
    const operation = `stats-batch:${season}:${kind}:${source}:${text.length}:${text.slice(0, 64)}:${text.slice(-64)}`;
    const headers = { 'idempotency-key': operationKey(operation) };
    setBusy(true);
    try {
      const answer = 'json' in batch
        ? await call(client.POST('/api/v1/statistics/hajj/{season}/imports', { params: { path: { season }, header: headers }, body: { kind, source, records: batch.json } }))
        : await call(client.POST('/api/v1/statistics/hajj/{season}/imports/{kind}/{source}', {
          params: { path: { season, kind, source }, header: headers }, body: batch.csv, bodySerializer: (b: unknown) => String(b), headers: { 'content-type': 'text/csv' },
        }));
      operationDone(operation);
      setResult(answer);
      onImported();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('statistics.importTitle')}</h2>
      <p className="muted">{t('statistics.importIntro')}</p>
      <div className="grid-2">
        <Select label={t('statistics.kind')} name="kind" value={kind} onChange={(v) => setKind(v as Kind)}>
          {kinds.map((k) => <option key={k} value={k}>{t(`statistics.kinds.${k}`)}</option>)}
        </Select>
        <Select label={t('statistics.source')} name="source" value={source} onChange={(v) => setSource(v as Source)} hint={t(`statistics.sourceHints.${source}`)}>
          {sources.map((s) => <option key={s} value={s}>{t(`statistics.sourceNames.${s}`)}</option>)}
        </Select>
      </div>
      <p className="hint">{t('statistics.csvColumns')} <bdi dir="ltr">{csvHeader[kind]}</bdi></p>
      <FileField label={t('statistics.chooseFile')} accept=".csv,text/csv,.json,application/json" onFile={(f) => void f.text().then(setText)} />
      <div className="field">
        <label htmlFor="batch-text">{t('statistics.orPaste')}</label>
        <textarea id="batch-text" rows={6} dir="ltr" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {notJson && <Alert kind="error">{t('statistics.notJson')}</Alert>}
      <ProblemAlert error={problem} />
      {result && (result.duplicate
        ? <Alert kind="info">{t('statistics.duplicateBatch', { batch: isolate(result.batchId), count: result.records, n: number(result.records) })}</Alert>
        : <Alert kind="success">{t('statistics.batchRecorded', { batch: isolate(result.batchId), count: result.recorded, n: number(result.recorded) })}</Alert>)}
      <p><button type="button" className="primary" disabled={busy || text.trim() === ''} onClick={() => void send()}>{t('statistics.import')}</button></p>
    </section>
  );
}

/** The season's batches, newest first. */
export function Batches({ batches }: { batches: BatchList }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={t('statistics.batches')} rows={batches} rowKey={(b) => b.id} empty={<p className="muted">{t('statistics.noBatches')}</p>} columns={[
      { key: 'when', header: t('statistics.submittedAt'), cell: (b) => formatDate(b.submittedAt, { time: true }), rowHeader: true },
      { key: 'kind', header: t('statistics.kind'), cell: (b) => t(`statistics.kinds.${b.kind}`, { defaultValue: b.kind }) },
      { key: 'source', header: t('statistics.source'), cell: (b) => t(`statistics.sourceNames.${b.source}`, { defaultValue: b.source }) },
      { key: 'records', header: t('statistics.records'), cell: (b) => number(b.records) },
      { key: 'id', header: t('statistics.batch'), cell: (b) => <bdi dir="ltr" className="hash">{b.id}</bdi> },
    ]} />
  );
}
