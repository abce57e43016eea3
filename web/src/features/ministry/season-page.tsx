import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { countryName, number } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert } from '../../ui/form.tsx';

const instants = ['registrationOpens', 'preferenceOpens', 'preferenceCloses', 'drawAt', 'offersClose', 'openSaleAt', 'visaCutoff'] as const;
const days = ['referenceDate', 'arrivalDate', 'seasonEnd'] as const;
type Season = Record<(typeof instants)[number] | (typeof days)[number] | 'code' | 'phase', string>;

/** datetime-local values are the officer's local time; the API takes ISO instants. */
const toLocal = (iso: string) => new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The season calendar (shown in both calendars) and the seats per country, with CSV import. */
export function SeasonAdminPage() {
  const { t } = useTranslation();
  const { data: seasons, reload } = useApi<Season[]>('/seasons');
  const [code, setCode] = useState('1448H');
  const season = seasons?.find((s) => s.code === code);
  const { data: quotas, setData: setQuotas } = useApi<{ country: string; seats: number }[]>(season ? `/seasons/${code}/quotas` : null);
  const [form, setForm] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  useEffect(() => {
    if (season) setForm(Object.fromEntries([...instants.map((k) => [k, toLocal(season[k])]), ...days.map((k) => [k, season[k]])]));
  }, [season]);

  async function run(work: () => Promise<void>, ok: string) {
    setMessage(null);
    try {
      await work();
      setMessage({ kind: 'success', text: ok });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  }

  const lang = currentLanguage();
  return (
    <div className="stack">
      <section className="card">
        <h1>{t('seasonAdmin.title')}</h1>
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
        <div className="field"><label htmlFor="season-code">{t('seasonAdmin.code')}</label><input id="season-code" value={code} onChange={(e) => setCode(e.target.value)} dir="ltr" /></div>
        <form onSubmit={(e) => {
          e.preventDefault();
          const body = Object.fromEntries([...instants.map((k) => [k, new Date(form[k] ?? '').toISOString()]), ...days.map((k) => [k, form[k]])]);
          void run(async () => { await api(`/seasons/${code}`, { method: 'PUT', body }); reload(); }, t('form.saved'));
        }}>
          <h2>{t('seasonAdmin.calendar')}</h2>
          <div className="grid-2">
            {instants.map((k) => (
              <div className="field" key={k}>
                <label htmlFor={`cal-${k}`}>{t(`seasonAdmin.fields.${k}`)}</label>
                <input id={`cal-${k}`} type="datetime-local" required value={form[k] ?? ''} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} />
                {form[k] && <p className="hint">{formatDate(new Date(form[k]!).toISOString(), lang)}</p>}
              </div>
            ))}
            {days.map((k) => (
              <div className="field" key={k}>
                <label htmlFor={`cal-${k}`}>{t(`seasonAdmin.fields.${k}`)}</label>
                <input id={`cal-${k}`} type="date" required value={form[k] ?? ''} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} />
              </div>
            ))}
          </div>
          <button type="submit" className="primary">{t('common.save')}</button>
        </form>
      </section>
      {season && (
        <section className="card">
          <h2>{t('seasonAdmin.quotas')}</h2>
          <form onSubmit={(e) => {
            e.preventDefault();
            const csv = String(new FormData(e.currentTarget).get('csv'));
            void run(async () => {
              const res = await fetch(`/api/v1/seasons/${code}/quotas/import`, { method: 'POST', body: csv, credentials: 'same-origin', headers: { 'content-type': 'text/csv', 'accept-language': lang } });
              const body = await res.json();
              if (!res.ok) throw new ApiError(res.status, body.code, body.title);
              setQuotas(body);
            }, t('seasonAdmin.imported'));
          }}>
            <div className="field"><label htmlFor="quota-csv">{t('seasonAdmin.import')}</label><textarea id="quota-csv" name="csv" rows={5} dir="ltr" defaultValue={'country,seats\n'} /></div>
            <button type="submit" className="secondary">{t('seasonAdmin.importButton')}</button>
          </form>
          <div className="table-scroll">
            <table>
              <tbody>{quotas?.map((q) => <tr key={q.country}><th scope="row">{countryName(q.country)}</th><td>{number(q.seats)}</td></tr>)}</tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
