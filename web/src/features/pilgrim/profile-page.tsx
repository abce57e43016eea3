import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { healthConditions, documentTypes, ProfileBody } from '../../../../src/common/schemas/pilgrims.ts';
import { $api, call, client } from '../../api/client.ts';
import type { paths } from '../../api/openapi';
import { countryName, listOf } from '../../lib/format.ts';
import { CountrySelect, DateField, Field, FileField, Select } from '../../ui/fields.tsx';
import { useCheckedSubmit } from '../../ui/form.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';
import { MissionRequirements } from './mission-requirements.tsx';

type View = paths['/api/v1/pilgrim/profile']['get']['responses']['200']['content']['application/json'];
const empty = { residenceCountry: '', nationality: '', givenNamesLatin: '', familyNameLatin: '', fullNameArabic: '', dateOfBirth: '', gender: 'female', passportNumber: '', passportExpiry: '', meningococcalVaccination: '' };

/** The pilgrim's profile and documents, with what still waits for a review. */
export function PilgrimProfilePage() {
  const profile = $api.useQuery('get', '/api/v1/pilgrim/profile');
  // Kept here: the form below starts afresh from each saved version.
  const [saved, setSaved] = useState(false);
  return <Loaded query={profile}>{(data) => <ProfileForms key={data.profile?.version ?? 0} data={data} saved={saved} setSaved={setSaved} />}</Loaded>;
}

function ProfileForms({ data, saved, setSaved }: { data: View; saved: boolean; setSaved: (s: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const programme = $api.useQuery('get', '/api/v1/programme/countries');
  const p = data.profile;
  const [v, setV] = useState(p ? { ...p, meningococcalVaccination: p.meningococcalVaccination ?? '' } : empty);
  const [health, setHealth] = useState<string[]>(p?.healthConditions ?? []);
  const [performedHajj, setPerformedHajj] = useState(p?.performedHajj ?? false);
  const { errors, formError, submit } = useCheckedSubmit(ProfileBody);
  const [uploadProblem, setUploadProblem] = useState<unknown>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const put = (view: View) => queryClient.setQueryData(['get', '/api/v1/pilgrim/profile'], view);

  const set = (name: keyof typeof empty) => (value: string) => setV((s) => ({ ...s, [name]: value }));
  const bind = (name: keyof typeof empty) => ({ name, value: v[name], error: errors[name], onChange: (e: { target: { value: string } }) => set(name)(e.target.value) });

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = {
      ...v,
      gender: v.gender as 'male' | 'female',
      meningococcalVaccination: v.meningococcalVaccination || undefined,
      healthConditions: health as (typeof healthConditions)[number][],
      performedHajj,
      ...(p ? { expectedVersion: p.version } : {}),
    };
    delete (body as { version?: number }).version;
    setSaved(false);
    setSaved(await submit(body, async () => put(await call(client.PUT('/api/v1/pilgrim/profile', { body })))));
  }

  async function upload(type: (typeof documentTypes)[number], file: File) {
    setUploadProblem(null);
    setUploading(type);
    const form = new FormData();
    form.append('file', file);
    try {
      put(await call(client.POST('/api/v1/pilgrim/documents/{type}', { params: { path: { type } }, body: form as never, bodySerializer: (b: unknown) => b as FormData })));
    } catch (e) {
      setUploadProblem(e);
    } finally {
      setUploading(null);
    }
  }

  const programmeCountries = programme.data ?? [];
  const blocked = Object.entries(data.blockedSteps).filter(([, docs]) => docs && docs.length > 0);
  return (
    <div className="stack">
      <form className="card" noValidate onSubmit={save}>
        <h1>{t('pilgrim.profileTitle')}</h1>
        <p className="muted">{t('pilgrim.profileIntro')}</p>
        {formError && <Alert kind="error">{formError}</Alert>}
        {saved && <Alert kind="success">{t('pilgrim.saved')}</Alert>}
        <div className="grid-2">
          <Select label={t('pilgrim.residenceCountry')} name="residenceCountry" value={v.residenceCountry} onChange={set('residenceCountry')} error={errors.residenceCountry}
            hint={t('pilgrim.residenceHint')}>
            <option value="">—</option>
            {programmeCountries.map((c) => <option key={c} value={c}>{countryName(c)}</option>)}
          </Select>
          <CountrySelect label={t('pilgrim.nationality')} name="nationality" value={v.nationality} onChange={set('nationality')} error={errors.nationality} />
          <Field label={t('pilgrim.givenNames')} dir="ltr" lang="en" autoComplete="given-name" {...bind('givenNamesLatin')} />
          <Field label={t('pilgrim.familyName')} dir="ltr" lang="en" autoComplete="family-name" {...bind('familyNameLatin')} />
          <Field label={t('pilgrim.arabicName')} dir="rtl" lang="ar" {...bind('fullNameArabic')} />
          <DateField label={t('pilgrim.dateOfBirth')} name="dateOfBirth" value={v.dateOfBirth} onChange={set('dateOfBirth')} error={errors.dateOfBirth} />
          <Select label={t('pilgrim.gender')} name="gender" value={v.gender} onChange={set('gender')}>
            <option value="female">{t('pilgrim.female')}</option>
            <option value="male">{t('pilgrim.male')}</option>
          </Select>
          <Field label={t('pilgrim.passportNumber')} dir="ltr" autoComplete="off" {...bind('passportNumber')} />
          <DateField label={t('pilgrim.passportExpiry')} name="passportExpiry" value={v.passportExpiry} onChange={set('passportExpiry')} error={errors.passportExpiry} />
          <DateField label={t('pilgrim.vaccination')} name="meningococcalVaccination" value={v.meningococcalVaccination} onChange={set('meningococcalVaccination')} error={errors.meningococcalVaccination} />
        </div>
        <label className="check"><input type="checkbox" checked={performedHajj} onChange={(e) => setPerformedHajj(e.target.checked)} /> {t('pilgrim.performedHajj')}</label>
        <fieldset>
          <legend>{t('pilgrim.health')}</legend>
          <div className="checks">
            {healthConditions.map((c) => (
              <label key={c}><input type="checkbox" checked={health.includes(c)} onChange={(e) => setHealth((h) => (e.target.checked ? [...h, c] : h.filter((x) => x !== c)))} /> {t(`pilgrim.conditions.${c}`)}</label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="primary">{t('common.save')}</button>
      </form>

      {p && (
        <section className="card" aria-labelledby="docs-title">
          <h2 id="docs-title">{t('pilgrim.documentsTitle')}</h2>
          {blocked.length
            ? <Alert kind="warning">{blocked.map(([step, docs]) => <p key={step}>{t('pilgrim.blockedStep', { step: t(`pilgrim.steps.${step}`), documents: listOf((docs ?? []).map((d) => t(`pilgrim.docTypes.${d}`))) })}</p>)}</Alert>
            : <p>{t('pilgrim.nothingBlocked')}</p>}
          <ProblemAlert error={uploadProblem} />
          <ul className="doc-list">
            {documentTypes.map((type) => {
              const doc = data.documents.find((d) => d.type === type);
              return (
                <li key={type}>
                  <strong>{t(`pilgrim.docTypes.${type}`)}</strong>{' '}
                  <span className={`badge doc-${doc?.status ?? 'missing'}`}>{t(`pilgrim.docStatus.${doc?.status ?? 'missing'}`)}</span>
                  {doc?.rejectionReason && <p className="field-error">{doc.rejectionReason}</p>}
                  <FileField label={`${t('pilgrim.upload')} — ${t(`pilgrim.docTypes.${type}`)}`} disabled={uploading !== null}
                    accept={type === 'photo' ? 'image/jpeg,image/png' : 'image/jpeg,image/png,application/pdf'}
                    hint={type === 'photo' ? t('pilgrim.photoHint') : t('pilgrim.scanHint')}
                    onFile={(f) => void upload(type, f)} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {p?.residenceCountry && <MissionRequirements country={p.residenceCountry} />}
    </div>
  );
}
