import { useCallback, useEffect, useReducer, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { matchesDocument } from '../../../../src/common/permits/index.ts';
import { $api } from '../../api/client.ts';
import { localized } from '../../../../src/common/i18n.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useOnline } from '../../lib/use-online.ts';
import { Field, Select } from '../../ui/fields.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';
import { useOfflinePage } from '../permits/use-offline-page.ts';
import { CameraScanner } from './camera.tsx';
import { gateApi } from './gate-api.ts';
import { GateDevice, nonce, type Checked } from './gate-device.ts';
import { forgetGate, loadGate, saveGate } from './gate-store.ts';
import { GateStatus, UploadReport } from './gate-status.tsx';
import { Verdict, verdictKind } from './verdict.tsx';
import './gate.css';

const AUTO_SYNC_MS = 5 * 60_000;

/**
 * Installing from this page installs the gate's own app (its name, /gate as its start): the page's manifest link
 * (index.html's points at the pilgrim app's) names the gate's while the page is open. Returns the undo.
 */
function showGateManifest(): () => void {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]') ?? document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'manifest' }));
  const previous = link.getAttribute('href');
  link.href = '/gate.webmanifest';
  return () => (previous ? link.setAttribute('href', previous) : link.remove());
}

/**
 * The gate officer's app, installable and offline: choose the gate once,
 * sync (keys, revocation list, expected permits, the platform's time), then
 * scan with the camera or type a code; each permit is checked on the device
 * by the shared gate check, the verdict shown big in words and colour, and
 * the scans uploaded in batches whenever there is a network.
 */
export function GatePage() {
  const { t } = useTranslation();
  const page = useOfflinePage('POST /api/v1/permits/gates/{gateId}/scans');
  const online = useOnline();
  const [device, setDevice] = useState<GateDevice | null>(null);
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const [busy, setBusy] = useState<'sync' | 'upload' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [history, setHistory] = useState<{ at: number; checked: Checked }[]>([]);
  const uploading = useRef(false);

  useEffect(() => {
    const restoreManifest = showGateManifest();
    void loadGate().then((s) => setDevice(new GateDevice(s)));
    const tick = window.setInterval(rerender, 15_000);
    return () => { restoreManifest(); window.clearInterval(tick); };
  }, []);

  const upload = useCallback(async () => {
    if (!device || !navigator.onLine || uploading.current || device.queue.items.length === 0) return;
    uploading.current = true;
    setBusy('upload');
    try {
      const report = await device.upload(gateApi);
      await saveGate({ queue: device.state.queue, lastUpload: { at: Date.now(), ...report } });
      device.state = { ...device.state, lastUpload: { at: Date.now(), ...report } };
    } catch (e) {
      setProblem(e);
    } finally {
      uploading.current = false;
      setBusy(null);
      rerender();
    }
  }, [device]);

  const sync = useCallback(async () => {
    const gateId = device?.state.device?.gateId;
    if (!device || !gateId || !navigator.onLine) return;
    setBusy('sync');
    setProblem(null);
    try {
      await saveGate(await device.sync(gateApi, gateId));
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(null);
      rerender();
    }
    await upload();
  }, [device, upload]);

  // Online: sync when the list is missing or getting old, and upload what waits; again whenever the network comes back.
  useEffect(() => {
    if (!device?.state.device || !online || page.state !== 'ready') return;
    const age = device.freshness()?.ageMs;
    if (age === undefined || age > AUTO_SYNC_MS) void sync();
    else void upload();
    const timer = window.setInterval(() => {
      const a = device.freshness()?.ageMs;
      if (a === undefined || a > AUTO_SYNC_MS) void sync();
      else void upload();
    }, 60_000);
    return () => window.clearInterval(timer);
  }, [device, online, page.state, sync, upload]);

  const check = useCallback(async (text: string) => {
    if (!device) return;
    try {
      const result = device.check(text);
      setChecked(result);
      setHistory((h) => [{ at: Date.now(), checked: result }, ...h].slice(0, 8));
      navigator.vibrate?.(result.verdict?.ok ? 80 : [60, 60, 60]);
      await saveGate({ used: device.state.used, queue: device.state.queue });
      rerender();
      if (navigator.onLine) void upload();
    } catch (e) {
      setProblem(e);
    }
  }, [device, upload]);

  if (page.state === 'signed-out') return <Navigate to="/sign-in" replace />;
  if (page.state === 'forbidden') return <Navigate to="/dashboard" replace />;
  if (!device || page.state === 'loading') return <p className="muted" aria-live="polite">{t('app.loading')}</p>;

  const configured = device.state.device && device.state.config;
  return (
    <div className="stack gate-app">
      <section className="card">
        <h1>{configured ? t('gate.titleAt', { gate: localized(device.state.config!.gate.name, lang()), number: device.state.config!.gate.number }) : t('gate.title')}</h1>
        {configured && <p className="muted">{localized(device.state.config!.site.name, lang())}</p>}
      </section>
      <ProblemAlert error={problem} />
      {!device.state.device && (page.state === 'ready'
        ? <ChooseGate onChosen={async (gateId) => {
          const chosen = { deviceId: device.state.device?.deviceId ?? nonce(), gateId };
          await forgetGate();
          await saveGate({ device: chosen });
          const next = new GateDevice(await loadGate());
          setDevice(next);
        }} />
        : <Alert kind="warning">{t('gate.setupNeedsNetwork')}</Alert>)}
      {device.state.device && (
        <>
          <GateStatus device={device} online={online} busy={busy} onSync={() => void sync()} onUpload={() => void upload()} />
          {configured && device.state.sync && (
            <section className="card scan" aria-labelledby="scan-title">
              <h2 id="scan-title">{t('gate.scan.title')}</h2>
              <CameraScanner onRead={(text) => void check(text)} />
              <TypedCode onCheck={(text) => void check(text)} />
            </section>
          )}
          {checked && <section aria-label={t('gate.verdict.label')}><Verdict checked={checked} />{checked.verdict?.ok && checked.verdict.claim && <DocumentCheck claim={checked.verdict.claim} />}</section>}
          {history.length > 1 && (
            <section className="card">
              <h2>{t('gate.history')}</h2>
              <ol className="gate-history">
                {history.slice(1).map((h, i) => <li key={i} className={`h-${verdictKind(h.checked.verdict)}`}>{t(`gate.verdict.${h.checked.verdict ? verdictKind(h.checked.verdict) : 'unknownCode'}`)}</li>)}
              </ol>
            </section>
          )}
          <UploadReport device={device} />
          {device.queue.items.length === 0 && page.state === 'ready' && (
            <p><button type="button" className="link-button small" onClick={async () => { await forgetGate(); await saveGate({ device: null }); setDevice(new GateDevice(await loadGate())); setChecked(null); }}>{t('gate.changeGate')}</button></p>
          )}
        </>
      )}
    </div>
  );
}

const lang = currentLanguage;

/** A code typed by hand: the 10-character short code (looked up in the day's expected permits) or a whole token. */
function TypedCode({ onCheck }: { onCheck: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onCheck(text);
    setText('');
  };
  return (
    <form className="typed-code" onSubmit={submit}>
      <Field label={t('gate.scan.typed')} name="code" dir="ltr" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} hint={t('gate.scan.typedHint')} />
      <button type="submit" className="primary">{t('gate.scan.check')}</button>
    </form>
  );
}

/** Reads the document number off the pilgrim's document and compares it with the permit's salted hash, offline. */
function DocumentCheck({ claim }: { claim: { docSalt: Uint8Array; docHash: Uint8Array } }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<boolean | null>(null);
  return (
    <form className="card doc-check" onSubmit={(e) => { e.preventDefault(); setResult(number.trim() ? matchesDocument(claim, number) : null); }}>
      <Field label={t('gate.document.label')} name="document" dir="ltr" autoComplete="off" value={number} onChange={(e) => { setNumber(e.target.value); setResult(null); }} />
      <button type="submit" className="secondary">{t('gate.document.check')}</button>
      {result !== null && <p className={result ? 'doc-ok' : 'doc-bad'} role="status">{result ? t('gate.document.matches') : t('gate.document.differs')}</p>}
    </form>
  );
}

/** First use of the device: which site and gate it stands at (the sites are public). */
function ChooseGate({ onChosen }: { onChosen: (gateId: string) => Promise<void> }) {
  const { t } = useTranslation();
  const sites = $api.useQuery('get', '/api/v1/permits/sites');
  const [siteId, setSiteId] = useState('');
  const [gateId, setGateId] = useState('');
  const all = sites.data ?? [];
  const site = all.find((s) => s.id === siteId) ?? all[0];
  const gate = site?.gates.find((g) => g.id === gateId) ?? site?.gates[0];
  return (
    <section className="card" aria-labelledby="choose-title">
      <h2 id="choose-title">{t('gate.choose.title')}</h2>
      <p className="muted">{t('gate.choose.intro')}</p>
      <ProblemAlert error={sites.error} />
      {site && (
        <form onSubmit={(e) => { e.preventDefault(); if (gate) void onChosen(gate.id); }}>
          <Select label={t('gate.choose.site')} name="site" value={site.id} onChange={(v) => { setSiteId(v); setGateId(''); }}>
            {all.map((s) => <option key={s.id} value={s.id}>{localized(s.name, lang())}</option>)}
          </Select>
          <Select label={t('gate.choose.gate')} name="gate" value={gate?.id ?? ''} onChange={setGateId}>
            {site.gates.map((g) => <option key={g.id} value={g.id}>{t('gate.choose.gateOption', { number: g.number, name: localized(g.name, lang()) })}</option>)}
          </Select>
          <button type="submit" className="primary" disabled={!gate}>{t('gate.choose.use')}</button>
        </form>
      )}
    </section>
  );
}
