import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { formatDate } from '../../lib/dates.ts';
import { listOf } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Field } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';
import { WebhooksSection, type Revealed } from './webhooks-section.tsx';

type Scope = paths['/api/v1/providers/{id}/api-keys']['post']['requestBody']['content']['application/json']['scopes'][number];
/** Every scope the API accepts (a new one fails to compile here until it is named) and its translation key. */
const scopeKeys: Record<Scope, string> = { 'packages:read': 'packagesRead', 'packages:write': 'packagesWrite', 'provider:read': 'providerRead', 'complaints:read': 'complaintsRead', 'complaints:write': 'complaintsWrite' };
const scopes = Object.keys(scopeKeys) as Scope[];
/** Long cell contents wrap inside the cell (tables keep their lines whole by default). */
const wrap = { whiteSpace: 'normal' } as const;

/** API keys and webhooks; secrets appear once, right after creation. */
export function IntegrationsPanel({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<Revealed | null>(null);
  return (
    <section className="card" aria-labelledby="integrations-title">
      <h2 id="integrations-title">{t('console.integrations')}</h2>
      <p className="muted">{t('console.integrationsIntro')} <a href="/docs">{t('console.apiDocs')}</a></p>
      {secret && (
        <Alert kind="success">
          <p>{secret.label}:</p>
          <p><code dir="ltr" className="secret">{secret.value}</code></p>
          <p>{t('common.shownOnce')}</p>
        </Alert>
      )}
      <ApiKeysSection providerId={providerId} onSecret={setSecret} />
      <WebhooksSection providerId={providerId} onSecret={setSecret} />
    </section>
  );
}

function ApiKeysSection({ providerId, onSecret }: { providerId: string; onSecret: (s: Revealed) => void }) {
  const { t } = useTranslation();
  const keys = $api.useQuery('get', '/api/v1/providers/{id}/api-keys', { params: { path: { id: providerId } } });
  const [problem, setProblem] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Scope[]>(['packages:read']);
  const scopeName = (s: string) => (s in scopeKeys ? t(`console.scopeNames.${scopeKeys[s as Scope]}`) : s);

  async function run(work: () => Promise<unknown>) {
    setProblem(null);
    try {
      await work();
      await keys.refetch();
    } catch (e) {
      setProblem(e);
    }
  }
  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const created = await call(client.POST('/api/v1/providers/{id}/api-keys', { params: { path: { id: providerId } }, body: { name: name.trim(), scopes: chosen } }));
      onSecret({ label: t('console.newKey'), value: created.key });
      setName('');
    });
  }

  return (
    <section aria-labelledby="keys-title">
      <h3 id="keys-title">{t('console.apiKeys')}</h3>
      <ProblemAlert error={problem} />
      <Loaded query={keys}>
        {(rows) => (
          <div className="table-scroll">
            <DataTable
              rows={rows}
              rowKey={(k) => k.id}
              empty={<p>{t('console.noKeys')}</p>}
              columns={[
                { key: 'name', header: t('console.keyName'), rowHeader: true, cell: (k) => <><bdi>{k.name}</bdi> <code dir="ltr">{k.prefix}…</code></> },
                { key: 'scopes', header: t('console.scopes'), cell: (k) => <span style={wrap}>{listOf(k.scopes.map(scopeName))}</span> },
                { key: 'used', header: t('console.lastUsed'), cell: (k) => <span style={wrap}>{k.lastUsedAt ? formatDate(k.lastUsedAt, { time: true }) : t('console.neverUsed')}</span> },
                {
                  key: 'state', header: t('common.status'), cell: (k) => (k.revokedAt
                    ? <span className="badge danger">{t('console.revoked')}</span>
                    : <button type="button" className="secondary small" onClick={() => void run(() => call(client.DELETE('/api/v1/providers/{id}/api-keys/{keyId}', { params: { path: { id: providerId, keyId: k.id } } })))}>{t('console.revoke')}</button>),
                },
              ]}
            />
          </div>
        )}
      </Loaded>
      <form onSubmit={create} noValidate>
        <Field label={t('console.keyName')} name="key-name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        <fieldset className="field">
          <legend>{t('console.scopes')}</legend>
          <div className="checks">
            {scopes.map((s) => (
              <label key={s}>
                <input type="checkbox" name="scope" value={s} checked={chosen.includes(s)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s] : c.filter((x) => x !== s)))} />
                {scopeName(s)} <code dir="ltr" className="muted">{s}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="secondary">{t('console.createKey')}</button>
      </form>
    </section>
  );
}
