import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { providerEventTypes } from '../../../../src/common/event-types.ts';
import { $api, call, client } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { listOf, number } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Field } from '../../ui/fields.tsx';
import { Loaded, ProblemAlert } from '../../ui/problem.tsx';

/** Long cell contents wrap inside the cell (tables keep their lines whole by default). */
const wrap = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/** A one-time secret, shown right after it is made. */
export interface Revealed { label: string; value: string }

/** An event type's name in the page's language ("package.published" → "Package published"). */
export function useEventName() {
  const { t } = useTranslation();
  return (type: string) => t(`console.eventNames.${type.replace('.', '_')}`, { defaultValue: type });
}

/** Webhook endpoints, their delivery log (with replay), and adding one. */
export function WebhooksSection({ providerId, onSecret }: { providerId: string; onSecret: (s: Revealed) => void }) {
  const { t } = useTranslation();
  const eventName = useEventName();
  const hooks = $api.useQuery('get', '/api/v1/providers/{id}/webhooks', { params: { path: { id: providerId } } });
  const [problem, setProblem] = useState<unknown>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<(typeof providerEventTypes)[number][]>(providerEventTypes.filter((e) => e.startsWith('package.')));

  async function run(work: () => Promise<unknown>) {
    setProblem(null);
    try {
      await work();
      await hooks.refetch();
    } catch (e) {
      setProblem(e);
    }
  }
  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const created = await call(client.POST('/api/v1/providers/{id}/webhooks', { params: { path: { id: providerId } }, body: { url: url.trim(), events } }));
      onSecret({ label: t('console.secret'), value: created.secret });
      setUrl('');
    });
  }

  return (
    <section aria-labelledby="hooks-title">
      <h3 id="hooks-title">{t('console.webhooks')}</h3>
      <ProblemAlert error={problem} />
      <Loaded query={hooks}>
        {(rows) => (
          <div className="table-scroll">
            <DataTable
              rows={rows}
              rowKey={(h) => h.id}
              empty={<p>{t('console.noWebhooks')}</p>}
              columns={[
                { key: 'url', header: t('console.url'), rowHeader: true, cell: (h) => <code dir="ltr" className="secret" style={wrap}>{h.url}</code> },
                { key: 'events', header: t('console.events'), cell: (h) => <span style={wrap}>{listOf(h.events.map(eventName))}</span> },
                { key: 'state', header: t('common.status'), cell: (h) => (h.disabledAt ? <span className="badge danger">{t('console.disabled')}</span> : <span className="badge ok">{t('console.active')}</span>) },
                {
                  key: 'actions', header: t('common.actions'), cell: (h) => (
                    <div className="row-actions" style={{ flexWrap: 'wrap' }}>
                      <button type="button" className="link-button small" aria-expanded={openLog === h.id} onClick={() => setOpenLog(openLog === h.id ? null : h.id)}>{t('console.deliveries')}</button>
                      {!h.disabledAt && (
                        <button type="button" className="secondary small" onClick={() => void run(() => call(client.POST('/api/v1/providers/{id}/webhooks/{endpointId}/disable', { params: { path: { id: providerId, endpointId: h.id } } })))}>{t('console.disable')}</button>
                      )}
                    </div>
                  ),
                },
              ]}
            />
          </div>
        )}
      </Loaded>
      {openLog && <Deliveries providerId={providerId} endpointId={openLog} url={hooks.data?.find((h) => h.id === openLog)?.url ?? ''} />}
      <form onSubmit={create} noValidate>
        <Field label={t('console.url')} name="url" type="url" dir="ltr" placeholder="https://" hint={t('console.urlHint')} value={url} onChange={(e) => setUrl(e.target.value)} />
        <fieldset className="field">
          <legend>{t('console.events')}</legend>
          <div className="checks">
            {providerEventTypes.map((ev) => (
              <label key={ev}>
                <input type="checkbox" name="event" value={ev} checked={events.includes(ev)} onChange={(e) => setEvents((c) => (e.target.checked ? [...c, ev] : c.filter((x) => x !== ev)))} />
                {eventName(ev)} <code dir="ltr" className="muted">{ev}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="secondary">{t('console.addWebhook')}</button>
      </form>
    </section>
  );
}

/** The last deliveries to one endpoint; any of them can be sent again. */
function Deliveries({ providerId, endpointId, url }: { providerId: string; endpointId: string; url: string }) {
  const { t } = useTranslation();
  const eventName = useEventName();
  const log = $api.useQuery('get', '/api/v1/providers/{id}/webhooks/{endpointId}/deliveries', { params: { path: { id: providerId, endpointId }, query: { limit: 50 } } });
  const [problem, setProblem] = useState<unknown>(null);
  const [replayed, setReplayed] = useState<string | null>(null);
  async function replay(deliveryId: string) {
    setProblem(null);
    try {
      await call(client.POST('/api/v1/providers/{id}/webhook-deliveries/{deliveryId}/replay', { params: { path: { id: providerId, deliveryId } } }));
      setReplayed(deliveryId);
      await log.refetch();
    } catch (e) {
      setProblem(e);
    }
  }
  return (
    <section aria-label={t('console.deliveriesTo', { url })}>
      <h4>{t('console.deliveries')} — <bdi dir="ltr">{url}</bdi></h4>
      <ProblemAlert error={problem} />
      <Loaded query={log}>
        {(rows) => (
          <div className="table-scroll">
            <DataTable
              rows={rows}
              rowKey={(d) => d.id}
              empty={<p>{t('console.noDeliveries')}</p>}
              columns={[
                { key: 'event', header: t('console.event'), rowHeader: true, cell: (d) => eventName(d.eventType) },
                { key: 'when', header: t('console.when'), cell: (d) => <span style={wrap}>{formatDate(d.createdAt, { time: true })}</span> },
                { key: 'status', header: t('common.status'), cell: (d) => t(`console.deliveryStatus.${d.status}`, { defaultValue: d.status }) },
                { key: 'attempts', header: t('console.attempts'), cell: (d) => number(d.attempts) },
                { key: 'last', header: t('console.lastResult'), cell: (d) => (d.lastError ? <bdi dir="ltr" style={wrap}>{d.lastError}</bdi> : d.lastStatus !== null ? <bdi dir="ltr">HTTP {d.lastStatus}</bdi> : '—') },
                {
                  key: 'replay', header: t('common.actions'), cell: (d) => (replayed === d.id
                    ? <span role="status">{t('console.replayed')}</span>
                    : <button type="button" className="link-button small" onClick={() => void replay(d.id)}>{t('console.replay')}</button>),
                },
              ]}
            />
          </div>
        )}
      </Loaded>
    </section>
  );
}
