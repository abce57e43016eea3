import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventTypes } from '../../../../src/modules/events/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';

const scopes = ['packages:read', 'packages:write', 'provider:read'];

interface ApiKey { id: string; name: string; prefix: string; scopes: string[]; lastUsedAt: string | null; revokedAt: string | null }
interface Endpoint { id: string; url: string; events: string[]; disabledAt: string | null }
interface Delivery { id: string; eventType: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null }

/** API keys and webhooks; secrets appear once, right after creation. */
export function IntegrationsPanel({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const keys = useApi<ApiKey[]>(`/providers/${providerId}/api-keys`);
  const hooks = useApi<Endpoint[]>(`/providers/${providerId}/webhooks`);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);
  const log = useApi<Delivery[]>(openLog ? `/providers/${providerId}/webhooks/${openLog}/deliveries` : null);

  async function run(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <section className="card" aria-labelledby="integrations-title">
      <h2 id="integrations-title">{t('console.integrations')}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {secret && <Alert kind="success">{secret.label}: <code dir="ltr" className="secret">{secret.value}</code> — {t('common.shownOnce')}</Alert>}

      <h3>{t('console.apiKeys')}</h3>
      <ul>
        {keys.data?.map((k) => (
          <li key={k.id}>
            <code dir="ltr">{k.prefix}…</code> {k.name} · {k.scopes.join(', ')}
            {k.revokedAt ? ` · ${t('console.revoked')}` : (
              <button type="button" className="link-button small" onClick={() => void run(async () => { await api(`/providers/${providerId}/api-keys/${k.id}`, { method: 'DELETE' }); keys.reload(); })}>{t('console.revoke')}</button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        void run(async () => {
          const created = await api<{ key: string }>(`/providers/${providerId}/api-keys`, { method: 'POST', body: { name: String(fd.get('name')), scopes: fd.getAll('scope').map(String) } });
          setSecret({ label: t('console.newKey'), value: created.key });
          keys.reload();
        });
      }}>
        <div className="field"><label htmlFor="key-name">{t('console.keyName')}</label><input id="key-name" name="name" required maxLength={80} /></div>
        <fieldset className="field"><legend>{t('console.scopes')}</legend>
          <div className="checks">{scopes.map((s) => <label key={s} dir="ltr"><input type="checkbox" name="scope" value={s} defaultChecked={s === 'packages:read'} /> {s}</label>)}</div>
        </fieldset>
        <button type="submit" className="secondary">{t('console.createKey')}</button>
      </form>

      <h3>{t('console.webhooks')}</h3>
      <ul>
        {hooks.data?.map((h) => (
          <li key={h.id}>
            <code dir="ltr">{h.url}</code> · {h.events.join(', ')} {h.disabledAt && `· ${t('console.disabled')}`}
            <button type="button" className="link-button small" onClick={() => setOpenLog(openLog === h.id ? null : h.id)}>{t('console.deliveries')}</button>
            {!h.disabledAt && <button type="button" className="link-button small" onClick={() => void run(async () => { await api(`/providers/${providerId}/webhooks/${h.id}/disable`, { method: 'POST' }); hooks.reload(); })}>{t('console.disable')}</button>}
            {openLog === h.id && log.data && (
              <div className="table-scroll">
                <table>
                  <thead><tr><th scope="col">{t('console.events')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('console.attempts')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
                  <tbody>
                    {log.data.map((d) => (
                      <tr key={d.id}>
                        <td dir="ltr">{d.eventType}</td><td>{d.status}{d.lastError ? ` (${d.lastError})` : ''}</td><td>{d.attempts}</td>
                        <td><button type="button" className="link-button small" onClick={() => void run(async () => { await api(`/providers/${providerId}/webhook-deliveries/${d.id}/replay`, { method: 'POST' }); log.reload(); })}>{t('console.replay')}</button></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        void run(async () => {
          const created = await api<{ secret: string }>(`/providers/${providerId}/webhooks`, { method: 'POST', body: { url: String(fd.get('url')), events: fd.getAll('event').map(String) } });
          setSecret({ label: t('console.secret'), value: created.secret });
          hooks.reload();
        });
      }}>
        <div className="field"><label htmlFor="hook-url">{t('console.url')}</label><input id="hook-url" name="url" type="url" dir="ltr" required placeholder="https://" /></div>
        <fieldset className="field"><legend>{t('console.events')}</legend>
          <div className="checks">{eventTypes.map((ev) => <label key={ev} dir="ltr"><input type="checkbox" name="event" value={ev} defaultChecked={ev.startsWith('package.')} /> {ev}</label>)}</div>
        </fieldset>
        <button type="submit" className="secondary">{t('console.addWebhook')}</button>
      </form>
    </section>
  );
}
