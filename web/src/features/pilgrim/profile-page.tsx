import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import { ProfileBody, type ProfileView } from '../../../../src/modules/pilgrims/schemas.ts';
import { healthConditions } from '../../../../src/modules/seasons/domain/eligibility.ts';
import { documentTypes } from '../../../../src/modules/pilgrims/domain/review.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { api } from '../../lib/api.ts';
import { listOf } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Alert, Field, Select, useCheckedSubmit } from '../../ui/form.tsx';

type View = Static<typeof ProfileView>;
const empty = { residenceCountry: '', nationality: '', givenNamesLatin: '', familyNameLatin: '', fullNameArabic: '', dateOfBirth: '', gender: 'female', passportNumber: '', passportExpiry: '', meningococcalVaccination: '' };

/** The pilgrim's profile and documents, with what still waits for a review. */
export function PilgrimProfilePage() {
  const { t } = useTranslation();
  const { data, setData } = useApi<View>('/pilgrim/profile');
  const { data: programme } = useApi<string[]>('/programme/countries');
  const [v, setV] = useState(empty);
  const [health, setHealth] = useState<string[]>([]);
  const { errors, formError, setFormError, submit } = useCheckedSubmit(ProfileBody);
  const [saved, setSaved] = useState(false);
  const names = new Intl.DisplayNames([currentLanguage()], { type: 'region' });

  useEffect(() => {
    if (!data?.profile) return;
    const p = data.profile;
    setV({ ...p, meningococcalVaccination: p.meningococcalVaccination ?? '' });
    setHealth(p.healthConditions);
  }, [data?.profile?.version]);

  const bind = (name: keyof typeof empty) => ({ name, value: v[name], error: errors[name], onChange: (e: { target: { value: string } }) => setV((s) => ({ ...s, [name]: e.target.value })) });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const body = {
      ...v,
      meningococcalVaccination: v.meningococcalVaccination || undefined,
      healthConditions: health,
      ...(data?.profile ? { expectedVersion: data.profile.version } : {}),
    };
    setSaved(false);
    setSaved(await submit(body, async () => setData(await api<View>('/pilgrim/profile', { method: 'PUT', body }))));
  }

  async function upload(type: string, file: File) {
    const form = new FormData();
    form.append('file', file);
    const res = await fetch(`/api/v1/pilgrim/documents/${type}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'accept-language': currentLanguage() } });
    const body = await res.json();
    if (res.ok) setData(body);
    else setFormError(body.title);
  }

  const blocked = data ? Object.entries(data.blockedSteps) : [];
  return (
    <div className="stack">
      <form className="card" noValidate onSubmit={save}>
        <h1>{t('pilgrim.profileTitle')}</h1>
        <p className="muted">{t('pilgrim.profileIntro')}</p>
        {formError && <Alert kind="error">{formError}</Alert>}
        {saved && <Alert kind="success">{t('pilgrim.saved')}</Alert>}
        <div className="grid-2">
          <Select label={t('pilgrim.residenceCountry')} name="residenceCountry" value={v.residenceCountry} onChange={(x) => setV((s) => ({ ...s, residenceCountry: x }))}>
            <option value="">—</option>
            {programme?.map((c) => <option key={c} value={c}>{names.of(c)}</option>)}
          </Select>
          <Field label={t('pilgrim.nationality')} dir="ltr" maxLength={2} placeholder="FR" {...bind('nationality')} />
          <Field label={t('pilgrim.givenNames')} dir="ltr" lang="en" autoComplete="given-name" {...bind('givenNamesLatin')} />
          <Field label={t('pilgrim.familyName')} dir="ltr" lang="en" autoComplete="family-name" {...bind('familyNameLatin')} />
          <Field label={t('pilgrim.arabicName')} dir="rtl" lang="ar" {...bind('fullNameArabic')} />
          <Field label={t('pilgrim.dateOfBirth')} type="date" {...bind('dateOfBirth')} />
          <Select label={t('pilgrim.gender')} name="gender" value={v.gender} onChange={(x) => setV((s) => ({ ...s, gender: x }))}>
            <option value="female">{t('pilgrim.female')}</option>
            <option value="male">{t('pilgrim.male')}</option>
          </Select>
          <Field label={t('pilgrim.passportNumber')} dir="ltr" autoComplete="off" {...bind('passportNumber')} />
          <Field label={t('pilgrim.passportExpiry')} type="date" {...bind('passportExpiry')} />
          <Field label={t('pilgrim.vaccination')} type="date" {...bind('meningococcalVaccination')} />
        </div>
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

      {data?.profile && (
        <section className="card" aria-labelledby="docs-title">
          <h2 id="docs-title">{t('pilgrim.documentsTitle')}</h2>
          <p>{blocked.length ? t('pilgrim.blocked', { steps: listOf(blocked.map(([s]) => t(`pilgrim.steps.${s}`))) }) : t('pilgrim.nothingBlocked')}</p>
          <ul className="doc-list">
            {documentTypes.map((type) => {
              const doc = data.documents.find((d) => d.type === type);
              return (
                <li key={type}>
                  <strong>{t(`pilgrim.docTypes.${type}`)}</strong>{' '}
                  {doc && <span className={`badge doc-${doc.status}`}>{t(`pilgrim.docStatus.${doc.status}`)}</span>}
                  {doc?.rejectionReason && <span className="field-error"> {doc.rejectionReason}</span>}
                  <label className="upload">
                    <span className="visually-hidden">{t('pilgrim.upload')} — {t(`pilgrim.docTypes.${type}`)}</span>
                    <input type="file" accept={type === 'photo' ? 'image/jpeg,image/png' : 'image/jpeg,image/png,application/pdf'} onChange={(e) => e.target.files?.[0] && void upload(type, e.target.files[0])} />
                  </label>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
