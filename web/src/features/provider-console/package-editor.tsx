import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { priceBreakdown, priceComponents, type PriceLineInput } from '../../../../src/shared/pricing.ts';
import { PackageBody, type PackageInput } from '../../../../src/modules/catalogue/schemas.ts';
import { api } from '../../lib/api.ts';
import { toHalalas, toRiyalsText } from '../../lib/format.ts';
import { Alert, Field, Select, useCheckedSubmit } from '../../ui/form.tsx';
import { PriceTable } from '../catalogue/package-facts.tsx';
import type { PackageDetail } from '../catalogue/types.ts';

/** The editor's state: text the person types, turned into a PackageInput on save. */
interface Model {
  season: string; capacity: string; titleAr: string; titleEn: string; descriptionAr: string; descriptionEn: string;
  type: 'general' | 'dedicated'; departureCity: string; makkahHotel: string; makkahDistance: string; roomOccupancy: string;
  madinahHotel: string; madinahDistance: string; minaCamp: 'A' | 'B' | 'C' | 'D'; arafatService: string;
  meals: PackageInput['meals']; transport: PackageInput['transport']; languages: string; countries: string; insurance: boolean;
  prices: Record<string, string>; zeroRated: Record<string, boolean>;
}

const blank: Model = {
  season: '1448H', capacity: '100', titleAr: '', titleEn: '', descriptionAr: '', descriptionEn: '', type: 'general', departureCity: '',
  makkahHotel: '', makkahDistance: '', roomOccupancy: '4', madinahHotel: '', madinahDistance: '', minaCamp: 'B', arafatService: '',
  meals: 'full_board', transport: 'bus', languages: 'ar, en', countries: '', insurance: true, prices: {}, zeroRated: { flight: true },
};

const list = (text: string) => text.split(/[,،\s]+/).map((s) => s.trim()).filter(Boolean);

function toInput(m: Model): PackageInput {
  const lines: PriceLineInput[] = priceComponents
    .filter((c) => m.prices[c] !== undefined && m.prices[c] !== '')
    .map((c) => ({ component: c, net: toHalalas(m.prices[c]!), ...(m.zeroRated[c] ? { vatCategory: 'zero' as const } : {}) }));
  const localized = (ar: string, en: string) => Object.fromEntries(Object.entries({ ar, en }).filter(([, v]) => v.trim()));
  return {
    season: m.season, capacity: Number(m.capacity), title: localized(m.titleAr, m.titleEn), description: localized(m.descriptionAr, m.descriptionEn),
    type: m.type, ...(m.type === 'dedicated' ? { departureCity: m.departureCity } : {}),
    makkah: { hotel: m.makkahHotel, distanceM: Number(m.makkahDistance), roomOccupancy: Number(m.roomOccupancy) },
    ...(m.madinahHotel ? { madinah: { hotel: m.madinahHotel, distanceM: Number(m.madinahDistance || 0) } } : {}),
    minaCamp: m.minaCamp, arafatService: m.arafatService, meals: m.meals, transport: m.transport,
    guidanceLanguages: list(m.languages).map((l) => l.toLowerCase()), insurance: m.insurance,
    eligibleCountries: list(m.countries).map((c) => c.toUpperCase()), priceLines: lines,
  };
}

function fromDetail(p: PackageDetail): Model {
  return {
    season: p.season, capacity: String(p.capacity), titleAr: p.title.ar ?? '', titleEn: p.title.en ?? '', descriptionAr: p.description.ar ?? '', descriptionEn: p.description.en ?? '',
    type: p.type as Model['type'], departureCity: p.departureCity ?? '', makkahHotel: p.makkah.hotel, makkahDistance: String(p.makkah.distanceM), roomOccupancy: String(p.makkah.roomOccupancy),
    madinahHotel: p.madinah?.hotel ?? '', madinahDistance: p.madinah ? String(p.madinah.distanceM) : '', minaCamp: p.minaCamp as Model['minaCamp'], arafatService: p.arafatService,
    meals: p.meals as Model['meals'], transport: p.transport as Model['transport'], languages: p.guidanceLanguages.join(', '), countries: p.eligibleCountries.join(', '), insurance: p.insurance,
    prices: Object.fromEntries(p.price.lines.map((l) => [l.component, toRiyalsText(l.net)])),
    zeroRated: Object.fromEntries(p.price.lines.map((l) => [l.component, l.vatCategory === 'zero'])),
  };
}

/** Create or edit a package, with the price breakdown computed live by the same rule as the server. */
export function PackageEditor() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const [m, setM] = useState<Model>(blank);
  const [status, setStatus] = useState<string | null>(null);
  const { errors, formError, setFormError, submitting, submit } = useCheckedSubmit(PackageBody);

  useEffect(() => {
    if (id) api<PackageDetail>(`/packages/${id}`).then((p) => { setM(fromDetail(p)); setStatus(p.status); }, () => setFormError(t('common.loadError')));
  }, [id, t]);

  const input = toInput(m);
  let preview: ReturnType<typeof priceBreakdown> | null = null;
  try {
    if (input.priceLines.length > 0 && input.priceLines.every((l) => Number.isSafeInteger(l.net) && l.net >= 0)) preview = priceBreakdown(input.priceLines);
  } catch {
    preview = null;
  }

  const set = <K extends keyof Model>(key: K) => (e: { target: { value: string } }) => setM((s) => ({ ...s, [key]: e.target.value }));
  const bind = (key: keyof Model, errorKey: string = key) => ({ name: key, value: String(m[key]), onChange: set(key), error: errors[errorKey] });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const saved = await submit(input, () => api(id ? `/packages/${id}` : '/packages', { method: id ? 'PUT' : 'POST', body: input }).then(() => {}));
    if (saved) navigate('/provider');
  }

  return (
    <section className="card">
      <h1>{t('console.editorTitle')}</h1>
      {status === 'published' && <Alert kind="info">{t('console.versionNote')}</Alert>}
      <form noValidate onSubmit={save} className="editor">
        {formError && <Alert kind="error">{formError}</Alert>}
        <div className="grid-2">
          <Field label={t('console.titleAr')} lang="ar" dir="rtl" {...bind('titleAr', 'title')} />
          <Field label={t('console.titleEn')} lang="en" dir="ltr" {...bind('titleEn', 'title')} />
          <Field label={t('console.descriptionAr')} lang="ar" dir="rtl" multiline {...bind('descriptionAr', 'description')} />
          <Field label={t('console.descriptionEn')} lang="en" dir="ltr" multiline {...bind('descriptionEn', 'description')} />
          <Field label={t('package.season')} dir="ltr" {...bind('season')} />
          <Field label={t('package.capacity')} type="number" min={1} inputMode="numeric" {...bind('capacity')} />
          <Select label={t('catalogue.type')} name="type" value={m.type} onChange={(v) => setM((s) => ({ ...s, type: v as Model['type'] }))}>
            <option value="general">{t('package.types.general')}</option>
            <option value="dedicated">{t('package.types.dedicated')}</option>
          </Select>
          {m.type === 'dedicated' && <Field label={t('console.departureCity')} {...bind('departureCity')} />}
          <Field label={t('console.makkahHotel')} {...bind('makkahHotel', 'makkah')} />
          <Field label={t('console.makkahDistance')} type="number" min={0} inputMode="numeric" {...bind('makkahDistance', 'makkah')} />
          <Field label={t('console.roomOccupancy')} type="number" min={1} max={8} inputMode="numeric" {...bind('roomOccupancy', 'makkah')} />
          <Field label={t('console.madinahHotel')} {...bind('madinahHotel', 'madinah')} />
          <Field label={t('console.madinahDistance')} type="number" min={0} inputMode="numeric" {...bind('madinahDistance', 'madinah')} />
          <Select label={t('catalogue.camp')} name="minaCamp" value={m.minaCamp} onChange={(v) => setM((s) => ({ ...s, minaCamp: v as Model['minaCamp'] }))}>
            {['A', 'B', 'C', 'D'].map((c) => <option key={c} value={c}>{c}</option>)}
          </Select>
          <Field label={t('console.arafatService')} {...bind('arafatService')} />
          <Select label={t('console.meals')} name="meals" value={m.meals} onChange={(v) => setM((s) => ({ ...s, meals: v as Model['meals'] }))}>
            {(['none', 'breakfast', 'half_board', 'full_board'] as const).map((x) => <option key={x} value={x}>{t(`package.meals.${x}`)}</option>)}
          </Select>
          <Select label={t('console.transport')} name="transport" value={m.transport} onChange={(v) => setM((s) => ({ ...s, transport: v as Model['transport'] }))}>
            <option value="bus">{t('package.transport.bus')}</option>
            <option value="train">{t('package.transport.train')}</option>
          </Select>
          <Field label={t('console.languages')} dir="ltr" {...bind('languages', 'guidanceLanguages')} />
          <Field label={t('console.countries')} dir="ltr" {...bind('countries', 'eligibleCountries')} />
        </div>
        <label className="check"><input type="checkbox" checked={m.insurance} onChange={(e) => setM((s) => ({ ...s, insurance: e.target.checked }))} /> {t('console.insurance')}</label>
        <fieldset>
          <legend>{t('console.priceLines')}</legend>
          {errors.priceLines && <p className="field-error">{errors.priceLines}</p>}
          <div className="grid-2">
            {priceComponents.map((c) => (
              <div key={c} className="field">
                <label htmlFor={`price-${c}`}>{t(`package.components.${c}`)}</label>
                <input id={`price-${c}`} name={`price-${c}`} type="number" min={0} step="0.01" inputMode="decimal" value={m.prices[c] ?? ''}
                  onChange={(e) => setM((s) => ({ ...s, prices: { ...s.prices, [c]: e.target.value } }))} />
                <label className="check small"><input type="checkbox" checked={Boolean(m.zeroRated[c])} onChange={(e) => setM((s) => ({ ...s, zeroRated: { ...s.zeroRated, [c]: e.target.checked } }))} /> {t('console.zeroRated')}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {preview && <section aria-live="polite" aria-label={t('console.preview')}><PriceTable price={preview} /></section>}
        <button type="submit" className="primary" disabled={submitting}>{t('common.save')}</button>
      </form>
    </section>
  );
}
