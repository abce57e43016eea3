import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createStore, get, set } from 'idb-keyval';
import { call, client, toProblem } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import './observatory.css';
import { legalName } from '../../lib/format.ts';

type Checklist = { id: string; placeType: 'camp' | 'hotel' | 'bus'; version: number; items: { id: string; text: Record<string, string>; weight: number }[] };
type Provider = paths['/api/v1/providers/approved']['get']['responses'][200]['content']['application/json'][number];
type Inspection = paths['/api/v1/observatory/inspections']['post']['requestBody']['content']['application/json'];
/** An inspection as the phone keeps it: its photos as files until they are uploaded. */
type Queued = Omit<Inspection, 'photos'> & { files: File[] };
type Sent = { clientId: string; place: string; score: number };

/**
 * The field inspector's phone: the checklists and the approved providers are kept on the device
 * (IndexedDB), so a camp, a hotel or a bus is scored with no network; each inspection waits in a
 * queue with its own id and is sent when the network is back (sending it twice records it once).
 */
const store = () => createStore('manasik-inspections', 'state');
const textOf = (t: Record<string, string>, lang: string) => t[lang] ?? t.ar ?? t.en ?? '';

export function InspectPage() {
  const { t, i18n } = useTranslation();
  const [lists, setLists] = useState<Checklist[]>([]);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [queue, setQueue] = useState<Queued[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<Sent[]>([]);
  const [offline, setOffline] = useState(!navigator.onLine);
  const [problem, setProblem] = useState<unknown>(null);
  const [placeType, setPlaceType] = useState<Checklist['placeType']>('camp');
  const [providerId, setProviderId] = useState('');
  const [place, setPlace] = useState('');
  const [answers, setAnswers] = useState<Record<string, boolean | null>>({});

  // What the device keeps: loaded at once, refreshed from the network when there is one.
  useEffect(() => {
    void (async () => {
      const s = store();
      setLists((await get('checklists', s)) ?? []);
      setProviders((await get('providers', s)) ?? []);
      setQueue((await get('queue', s)) ?? []);
      try {
        const [l, p] = await Promise.all([call(client.GET('/api/v1/observatory/inspections/checklists')), call(client.GET('/api/v1/providers/approved'))]);
        setLists(l);
        setProviders(p);
        await set('checklists', l, s);
        await set('providers', p, s);
      } catch (e) {
        if (toProblem(e).status !== 0) setProblem(e);
      }
    })();
  }, []);

  const send = useCallback(async () => {
    const s = store();
    const waiting: Queued[] = (await get('queue', s)) ?? [];
    const left: Queued[] = [];
    for (const item of waiting) {
      try {
        const photos: string[] = [];
        for (const file of item.files) {
          const form = new FormData();
          form.append('file', file);
          photos.push((await call(client.POST('/api/v1/observatory/inspections/photos', { body: form as never, bodySerializer: (b: unknown) => b as FormData }))).photoId);
        }
        const { files: _files, ...inspection } = item;
        const r = await call(client.POST('/api/v1/observatory/inspections', { body: { ...inspection, photos }, headers: { 'idempotency-key': item.clientId } }));
        setSent((x) => [...x, { clientId: item.clientId, place: item.place, score: r.score }]);
      } catch (e) {
        if (toProblem(e).status === 0) left.push(item); // still offline: keep it
        else setProblem(e);
      }
    }
    await set('queue', left, s);
    setQueue(left);
  }, []);

  useEffect(() => {
    const on = () => {
      setOffline(false);
      void send();
    };
    const off = () => setOffline(true);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, [send]);

  const list = lists.find((l) => l.placeType === placeType);
  const complete = list && providerId && place.trim() && list.items.every((i) => i.id in answers);

  async function save() {
    if (!list || !complete) return;
    const item: Queued = { clientId: crypto.randomUUID().replace(/-/g, ''), placeType, providerId, place: place.trim(), visitedAt: new Date().toISOString(), answers, files };
    const s = store();
    const next = [...((await get('queue', s)) ?? []), item];
    await set('queue', next, s);
    setQueue(next);
    setAnswers({});
    setPlace('');
    setFiles([]);
    if (navigator.onLine) await send();
  }

  return (
    <div className="stack inspect">
      <section className="card">
        <h1>{t('observatory.inspect.title')}</h1>
        <p className="muted">{t('observatory.inspect.intro')}</p>
        {offline && <Alert kind="warning">{t('observatory.inspect.offline')}</Alert>}
        {queue.length > 0 && (
          <p>
            {t('observatory.inspect.waiting', { count: queue.length })}{' '}
            {!offline && <button type="button" className="small" onClick={() => void send()}>{t('observatory.inspect.sendNow')}</button>}
          </p>
        )}
        {problem ? <ProblemAlert error={problem} /> : null}
        {sent.map((x) => <Alert key={x.clientId} kind="success">{t('observatory.inspect.sent', { place: x.place, score: x.score })}</Alert>)}
      </section>
      {lists.length === 0 ? <p className="muted">{t('observatory.inspect.noLists')}</p> : (
        <form className="card stack complaint-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <label>{t('observatory.inspect.placeType')}
            <select value={placeType} onChange={(e) => { setPlaceType(e.target.value as Checklist['placeType']); setAnswers({}); }}>
              {lists.map((l) => <option key={l.placeType} value={l.placeType}>{t(`observatory.inspect.types.${l.placeType}`)}</option>)}
            </select>
          </label>
          <label>{t('observatory.complaints.provider')}
            <select value={providerId} onChange={(e) => setProviderId(e.target.value)} required>
              <option value="">—</option>
              {providers.map((p) => <option key={p.id} value={p.id}>{legalName(p)}</option>)}
            </select>
          </label>
          <label>{t('observatory.inspect.place')}<input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={200} required /></label>
          {list?.items.map((item) => (
            <fieldset key={item.id} className="inspect-item">
              <legend>{textOf(item.text, i18n.language)}</legend>
              {([['yes', true], ['no', false], ['na', null]] as const).map(([k, v]) => (
                <label key={k} className="choice"><input type="radio" name={item.id} checked={item.id in answers && answers[item.id] === v} onChange={() => setAnswers((a) => ({ ...a, [item.id]: v }))} /> {t(`observatory.inspect.${k}`)}</label>
              ))}
            </fieldset>
          ))}
          <label>{t('observatory.inspect.photos')}
            <input type="file" accept="image/jpeg,image/png" capture="environment" multiple onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 10))} />
          </label>
          {files.length > 0 && <p className="muted small">{t('observatory.inspect.photosKept', { count: files.length })}</p>}
          <button type="submit" disabled={!complete}>{t('observatory.inspect.save')}</button>
        </form>
      )}
    </div>
  );
}
