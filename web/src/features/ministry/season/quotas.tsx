import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client } from '../../../api/client.ts';
import { countryName, number } from '../../../lib/format.ts';
import { formatDate } from '../../../lib/dates.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { CountrySelect, Field } from '../../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../../ui/problem.tsx';

/** Seats per country of residence: the table, one country at a time, or a CSV file of `country,seats`. */
export function Quotas({ code, editable }: { code: string; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = { params: { path: { code } } };
  const quotas = $api.useQuery('get', '/api/v1/seasons/{code}/quotas', key);
  const [country, setCountry] = useState('');
  const [seats, setSeats] = useState('');
  const [csv, setCsv] = useState('country,seats\n');
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>, message: string) {
    setProblem(null);
    setDone(null);
    try {
      await work();
      setDone(message);
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/seasons/{code}/quotas', key] });
    } catch (e) {
      setProblem(e);
    }
  }

  return (
    <section className="card" aria-labelledby="quotas-title">
      <h2 id="quotas-title">{t('seasonAdmin.quotas')}</h2>
      {done && <Alert kind="success">{done}</Alert>}
      <ProblemAlert error={problem} />
      <Loaded query={quotas}>
        {(rows) => (
          <DataTable rows={[...rows].sort((a, b) => countryName(a.country).localeCompare(countryName(b.country)))} rowKey={(q) => q.country}
            empty={<p>{t('seasonAdmin.noQuotas')}</p>}
            columns={[
              { key: 'country', header: t('seasonAdmin.country'), cell: (q) => countryName(q.country), rowHeader: true },
              { key: 'seats', header: t('seasonAdmin.seats'), cell: (q) => number(q.seats) },
              { key: 'updated', header: t('seasonAdmin.updated'), cell: (q) => formatDate(q.updatedAt) },
            ]} />
        )}
      </Loaded>
      {editable && (
        <>
          <form onSubmit={(e) => { e.preventDefault(); void run(() => call(client.PUT('/api/v1/seasons/{code}/quotas/{country}', { params: { path: { code, country } }, body: { seats: Number(seats) } })), t('form.saved')); }}>
            <h3>{t('seasonAdmin.setOne')}</h3>
            <div className="grid-2">
              <CountrySelect label={t('seasonAdmin.country')} name="country" value={country} onChange={setCountry} />
              <Field label={t('seasonAdmin.seats')} name="seats" inputMode="numeric" dir="ltr" value={seats} onChange={(e) => setSeats(e.target.value.replace(/\D/g, ''))} />
            </div>
            <button type="submit" className="secondary" disabled={!country || seats === ''}>{t('common.save')}</button>
          </form>
          <form onSubmit={(e) => {
            e.preventDefault();
            void run(() => call(client.POST('/api/v1/seasons/{code}/quotas/import', { ...key, body: csv as never, bodySerializer: (b: unknown) => String(b), headers: { 'content-type': 'text/csv' } })), t('seasonAdmin.imported'));
          }}>
            <h3>{t('seasonAdmin.importTitle')}</h3>
            <p className="hint">{t('seasonAdmin.importHint')} <bdi dir="ltr">country,seats</bdi></p>
            <div className="field">
              <label htmlFor="quota-csv">{t('seasonAdmin.csv')}</label>
              <textarea id="quota-csv" rows={5} dir="ltr" value={csv} onChange={(e) => setCsv(e.target.value)} />
            </div>
            <button type="submit" className="secondary">{t('seasonAdmin.importButton')}</button>
          </form>
        </>
      )}
    </section>
  );
}
