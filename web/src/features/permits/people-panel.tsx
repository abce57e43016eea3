import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { PersonBody } from '../../../../src/common/schemas/permits.ts';
import { $api, call, client } from '../../api/client.ts';
import { formatDate, formatDay } from '../../lib/dates.ts';
import { countryName } from '../../lib/format.ts';
import { CountrySelect, Field, Select } from '../../ui/fields.tsx';
import { useCheckedSubmit } from '../../ui/form.tsx';
import { Alert, Loaded } from '../../ui/problem.tsx';
import type { Person, Site } from './types.ts';

type Kind = 'national_id' | 'iqama' | 'passport';

/**
 * The people of the account, each proved by a document the registry checked
 * (gender, nationality and date of birth come from it): tick who goes, up to
 * the site's largest group; add yourself or a companion.
 */
export function PeoplePanel({ site, chosen, onChoose }: { site: Site | null; chosen: string[]; onChoose: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const people = $api.useQuery('get', '/api/v1/me/permit-people');
  const [adding, setAdding] = useState(false);
  const max = site?.maxGroup ?? 1;
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('permits.people.title')}</h2>
      <Loaded query={people}>
        {(list) => (
          <>
            {list.length === 0 && <p className="muted">{t('permits.people.none')}</p>}
            {list.length > 0 && (
              <fieldset className="people">
                <legend>{t('permits.people.whoGoes', { max })}</legend>
                {list.map((p) => {
                  const on = chosen.includes(p.id);
                  const penalty = site ? p.penalties.find((x) => x.siteId === site.id && Date.parse(x.until) > Date.now()) : undefined;
                  return (
                    <label key={p.id} className="person">
                      <input type="checkbox" checked={on} disabled={!on && chosen.length >= max}
                        onChange={(e) => onChoose(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))} />
                      <span>
                        <strong>{p.name}</strong>{p.self && <> · {t('permits.people.you')}</>}
                        <br /><span className="muted">{describe(t, p)}</span>
                        {penalty && <><br /><span className="penalty">{t('permits.people.penaltyUntil', { trigger: t(`permits.triggers.${penalty.trigger}`), until: formatDate(penalty.until, { time: true }) })}</span></>}
                      </span>
                    </label>
                  );
                })}
              </fieldset>
            )}
            {!adding && <button type="button" className="secondary" onClick={() => setAdding(true)}>{list.some((p) => p.self) ? t('permits.people.addCompanion') : t('permits.people.addSelf')}</button>}
            {adding && <ProveForm self={!list.some((p) => p.self)} onDone={(id) => { setAdding(false); if (id && chosen.length < max) onChoose([...chosen, id]); }} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

function describe(t: (k: string, o?: Record<string, unknown>) => string, p: Person) {
  return [
    t('permits.people.document', { kind: t(`permits.kinds.${p.documentKind}`), last4: p.documentLast4 }),
    t(`permits.gender.${p.gender}`),
    countryName(p.nationality),
    t('permits.people.born', { date: formatDay(p.dateOfBirth) }),
    p.validUntil ? t('permits.people.validUntil', { date: formatDay(p.validUntil) }) : '',
  ].filter(Boolean).join(' · ');
}

/** Proves a document with the registry: national ID or iqama, or a passport with its nationality and visa number. */
function ProveForm({ self, onDone }: { self: boolean; onDone: (personId: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const server = $api.useQuery('get', '/api/v1/meta/server', {}, { staleTime: Infinity });
  const [kind, setKind] = useState<Kind>('passport');
  const [number, setNumber] = useState('');
  const [nationality, setNationality] = useState('');
  const [visaNumber, setVisaNumber] = useState('');
  const [asSelf, setAsSelf] = useState(self);
  const { errors, formError, submit, submitting } = useCheckedSubmit(PersonBody);
  const body = {
    kind, number: number.trim(), self: asSelf,
    ...(kind === 'passport' ? { nationality: nationality || undefined, visaNumber: visaNumber.trim() || undefined } : {}),
  };
  return (
    <form noValidate className="prove" aria-labelledby="prove-title" onSubmit={async (e) => {
      e.preventDefault();
      let created: string | null = null;
      const ok = await submit(body, async () => {
        created = (await call(client.POST('/api/v1/me/permit-people', { body }))).id;
        await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me/permit-people'] });
      });
      if (ok) onDone(created);
    }}>
      <h3 id="prove-title">{asSelf ? t('permits.people.proveSelf') : t('permits.people.proveCompanion')}</h3>
      <p className="muted">{t('permits.people.proveIntro')}</p>
      {formError && <Alert kind="error">{formError}</Alert>}
      <Select label={t('permits.people.kind')} name="kind" value={kind} onChange={(v) => setKind(v as Kind)} error={errors.kind}>
        <option value="national_id">{t('permits.kinds.national_id')}</option>
        <option value="iqama">{t('permits.kinds.iqama')}</option>
        <option value="passport">{t('permits.kinds.passport')}</option>
      </Select>
      <Field label={t(`permits.people.number.${kind}`)} name="number" dir="ltr" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} error={errors.number} />
      {kind === 'passport' && (
        <>
          <CountrySelect label={t('permits.people.passportCountry')} name="nationality" value={nationality} onChange={setNationality} error={errors.nationality} />
          <Field label={t('permits.people.visaNumber')} name="visaNumber" dir="ltr" inputMode="numeric" autoComplete="off" value={visaNumber} onChange={(e) => setVisaNumber(e.target.value)} error={errors.visaNumber} />
        </>
      )}
      {!self && <label className="check"><input type="checkbox" checked={asSelf} onChange={(e) => setAsSelf(e.target.checked)} /> {t('permits.people.isSelf')}</label>}
      {server.data?.devMailbox && <TestDocuments />}
      <p className="actions">
        <button type="submit" className="primary" disabled={submitting}>{t('permits.people.prove')}</button>
        <button type="button" className="link-button" onClick={() => onDone(null)}>{t('permits.cancelForm')}</button>
      </p>
    </form>
  );
}

/** On a demonstration server: the simulated registry's test numbers, as docs/algorithms/permits.md documents them. */
function TestDocuments() {
  const { t } = useTranslation();
  const rows = ['nationalId', 'iqama', 'expired', 'passport', 'visaValid', 'visaWrong', 'visaExpired', 'otherPassport', 'gender'] as const;
  return (
    <details className="test-documents">
      <summary>{t('permits.test.title')}</summary>
      <ul>{rows.map((r) => <li key={r}>{t(`permits.test.${r}`)}</li>)}</ul>
    </details>
  );
}
