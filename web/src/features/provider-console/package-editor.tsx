import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TSchema } from '@sinclair/typebox';
import { priceBreakdown, priceComponents, type PriceLineInput } from '../../../../src/common/pricing.ts';
import { PackageBody, type PackageInput } from '../../../../src/common/schemas/catalogue.ts';
import { $api, call, client } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { directionOf, locales } from '../../../../src/common/i18n.ts';
import { languageName, seasonLabel, toHalalas, toRiyalsText } from '../../lib/format.ts';
import { validate } from '../../lib/validate.ts';
import { CountriesField, Field, LanguagesField, Select } from '../../ui/fields.tsx';
import { useCheckedSubmit } from '../../ui/form.tsx';
import { Alert, Loaded } from '../../ui/problem.tsx';
import { PriceTable } from '../catalogue/package-facts.tsx';
import type { PackageWithVersions } from '../catalogue/types.ts';

/** The editor's state: the text people type, turned into a PackageInput on save. */
interface Model {
  season: string; capacity: string; titleAr: string; titleEn: string; descriptionAr: string; descriptionEn: string;
  type: PackageInput['type']; departureCity: string; makkahHotel: string; makkahDistance: string; roomOccupancy: string;
  madinahHotel: string; madinahDistance: string; minaCamp: PackageInput['minaCamp']; arafatService: string;
  meals: PackageInput['meals']; transport: PackageInput['transport']; languages: string[]; countries: string[]; insurance: boolean;
  prices: Record<string, string>; zeroRated: Record<string, boolean>;
  /** Texts in languages this form does not edit (kept as they are). */
  otherTitles: Record<string, string>; otherDescriptions: Record<string, string>;
}

const blank = (season: string): Model => ({
  season, capacity: '', titleAr: '', titleEn: '', descriptionAr: '', descriptionEn: '', type: 'general', departureCity: '',
  makkahHotel: '', makkahDistance: '', roomOccupancy: '4', madinahHotel: '', madinahDistance: '', minaCamp: 'B', arafatService: '',
  meals: 'full_board', transport: 'bus', languages: ['ar', 'en'], countries: [], insurance: true, prices: {}, zeroRated: { flight: true },
  otherTitles: {}, otherDescriptions: {},
});

/** A whole number typed by a person; NaN when it is not one, so the shared schema names the field. */
const whole = (text: string) => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN);
/** The platform's languages besides Arabic and English, in which a provider may also write the package's texts. */
const contentLanguages = locales.filter((l) => l !== 'ar' && l !== 'en');
const without = (text: Record<string, string>, ...languages: string[]) => Object.fromEntries(Object.entries(text).filter(([l]) => !languages.includes(l)));

function toInput(m: Model): PackageInput {
  const lines: PriceLineInput[] = priceComponents
    .filter((c) => (m.prices[c] ?? '').trim() !== '')
    .map((c) => ({ component: c, net: toHalalas(m.prices[c]!.trim()), ...(m.zeroRated[c] ? { vatCategory: 'zero' as const } : {}) }));
  const localized = (others: Record<string, string>, ar: string, en: string) =>
    Object.fromEntries(Object.entries({ ...others, ar: ar.trim(), en: en.trim() }).filter(([, v]) => v));
  return {
    season: m.season.trim().toUpperCase(), capacity: whole(m.capacity),
    title: localized(m.otherTitles, m.titleAr, m.titleEn), description: localized(m.otherDescriptions, m.descriptionAr, m.descriptionEn),
    type: m.type, ...(m.type === 'dedicated' ? { departureCity: m.departureCity.trim() } : {}),
    makkah: { hotel: m.makkahHotel.trim(), distanceM: whole(m.makkahDistance), roomOccupancy: whole(m.roomOccupancy) },
    ...(m.madinahHotel.trim() ? { madinah: { hotel: m.madinahHotel.trim(), distanceM: whole(m.madinahDistance) } } : {}),
    minaCamp: m.minaCamp, arafatService: m.arafatService.trim(), meals: m.meals, transport: m.transport,
    guidanceLanguages: m.languages, insurance: m.insurance, eligibleCountries: m.countries, priceLines: lines,
  };
}

function fromDetail(p: PackageWithVersions): Model {
  return {
    season: p.season, capacity: String(p.capacity), titleAr: p.title.ar ?? '', titleEn: p.title.en ?? '', descriptionAr: p.description.ar ?? '', descriptionEn: p.description.en ?? '',
    type: p.type === 'dedicated' ? 'dedicated' : 'general', departureCity: p.departureCity ?? '',
    makkahHotel: p.makkah.hotel, makkahDistance: String(p.makkah.distanceM), roomOccupancy: String(p.makkah.roomOccupancy),
    madinahHotel: p.madinah?.hotel ?? '', madinahDistance: p.madinah ? String(p.madinah.distanceM) : '', minaCamp: p.minaCamp as Model['minaCamp'], arafatService: p.arafatService,
    meals: p.meals as Model['meals'], transport: p.transport as Model['transport'], languages: p.guidanceLanguages, countries: p.eligibleCountries, insurance: p.insurance,
    prices: Object.fromEntries(p.price.lines.map((l) => [l.component, toRiyalsText(l.net)])),
    zeroRated: Object.fromEntries(p.price.lines.map((l) => [l.component, l.vatCategory === 'zero'])),
    otherTitles: without(p.title, 'ar', 'en'), otherDescriptions: without(p.description, 'ar', 'en'),
  };
}

/** Create a package, or open one (editable while the API lists `update` for it). */
export function PackageEditor() {
  const { t } = useTranslation();
  const { id } = useParams();
  const seasons = $api.useQuery('get', '/api/v1/seasons');
  const existing = $api.useQuery('get', '/api/v1/packages/{id}', { params: { path: { id: id ?? '' } } }, { enabled: !!id });
  if (!id) {
    if (seasons.isPending) return <p className="muted" aria-live="polite">{t('app.loading')}</p>;
    const newest = (seasons.data ?? []).map((s) => s.code).sort().at(-1) ?? '';
    return <EditorForm initial={blank(newest)} seasons={seasons.data?.map((s) => s.code) ?? []} />;
  }
  return (
    <Loaded query={existing}>
      {(p) => <EditorForm key={`${p.id}:${p.currentVersion}`} pkg={p} initial={fromDetail(p)} seasons={seasons.data?.map((s) => s.code) ?? []} />}
    </Loaded>
  );
}

function EditorForm({ pkg, initial, seasons }: { pkg?: PackageWithVersions; initial: Model; seasons: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [m, setM] = useState<Model>(initial);
  const [nested, setNested] = useState<Record<string, Record<string, string>>>({});
  const { errors, formError, submitting, submit } = useCheckedSubmit(PackageBody);
  const editable = !pkg || pkg.allowedActions.includes('update');

  const input = toInput(m);
  let preview: ReturnType<typeof priceBreakdown> | null = null;
  if (input.priceLines.length > 0 && input.priceLines.every((l) => Number.isSafeInteger(l.net) && l.net >= 0)) {
    try { preview = priceBreakdown(input.priceLines); } catch { preview = null; }
  }

  const set = <K extends keyof Model>(key: K) => (value: Model[K]) => setM((s) => ({ ...s, [key]: value }));
  /** A text field of the model; its error is the field's own, else its group's (e.g. `makkah`). */
  const bind = (key: keyof Model, group?: string, field?: string) => ({
    name: key,
    value: String(m[key]),
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value as never),
    error: (group && field ? nested[group]?.[field] : undefined) ?? errors[group ?? key],
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    // The groups are checked with their part of the shared schema, so each field gets its own message.
    const part = (name: keyof typeof PackageBody.properties, value: unknown) => (value === undefined ? {} : validate(PackageBody.properties[name] as TSchema, value));
    setNested({ makkah: part('makkah', input.makkah), madinah: part('madinah', input.madinah) });
    const saved = await submit(input, () => (pkg
      ? call(client.PUT('/api/v1/packages/{id}', { params: { path: { id: pkg.id } }, body: input }))
      : call(client.POST('/api/v1/packages', { body: input }))));
    if (saved) {
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/packages'] });
      navigate('/provider');
    }
  }

  const otherLanguages = Object.entries({ ...m.otherTitles, ...m.otherDescriptions }).filter(([, v]) => v).map(([l]) => l);
  const seasonOptions = [...new Set([...seasons, ...(pkg ? [pkg.season] : [])])].sort().reverse();
  return (
    <section className="card">
      <h1>{pkg ? t('console.editTitle') : t('console.newPackage')}</h1>
      {pkg && <p><span className="badge">{t(`console.status.${pkg.status}`)}</span> {t('console.versionShort', { version: pkg.currentVersion })}</p>}
      {pkg?.status === 'published' && editable && <Alert kind="info">{t('console.versionNote')}</Alert>}
      {!editable && <Alert kind="info">{t('console.readOnly')}</Alert>}
      <form noValidate onSubmit={save} className="editor">
        {formError && <Alert kind="error">{formError}</Alert>}
        <fieldset disabled={!editable} className="stack" style={{ border: 'none', padding: 0 }}>
          <div className="grid-2">
            <Field label={t('console.titleAr')} lang="ar" dir="rtl" {...bind('titleAr', 'title')} />
            <Field label={t('console.titleEn')} lang="en" dir="ltr" {...bind('titleEn', 'title')} />
            <Field label={t('console.descriptionAr')} lang="ar" dir="rtl" multiline {...bind('descriptionAr', 'description')} />
            <Field label={t('console.descriptionEn')} lang="en" dir="ltr" multiline {...bind('descriptionEn', 'description')} />
          </div>
          <details className="more-languages" open={otherLanguages.length > 0}>
            <summary>{t('console.moreLanguages')}</summary>
            <p className="hint">{t('console.moreLanguagesHint')}</p>
            <div className="grid-2">
              {contentLanguages.map((l) => (
                <div key={l} className="stack">
                  <Field label={t('console.titleIn', { language: languageName(l) })} name={`title-${l}`} lang={l} dir={directionOf(l)} value={m.otherTitles[l] ?? ''} onChange={(e) => setM((s) => ({ ...s, otherTitles: { ...s.otherTitles, [l]: e.target.value } }))} />
                  <Field label={t('console.descriptionIn', { language: languageName(l) })} name={`description-${l}`} lang={l} dir={directionOf(l)} multiline value={m.otherDescriptions[l] ?? ''} onChange={(e) => setM((s) => ({ ...s, otherDescriptions: { ...s.otherDescriptions, [l]: e.target.value } }))} />
                </div>
              ))}
            </div>
          </details>
          <div className="grid-2">
            <Field label={t('package.season')} hint={t('console.seasonHint')} dir="ltr" list="season-options" autoComplete="off" {...bind('season')} />
            <datalist id="season-options">{seasonOptions.map((s) => <option key={s} value={s}>{seasonLabel(s)}</option>)}</datalist>
            <Field label={t('package.capacity')} inputMode="numeric" dir="ltr" {...bind('capacity')} />
            <Select label={t('catalogue.type')} name="type" value={m.type} onChange={(v) => set('type')(v as Model['type'])}>
              <option value="general">{t('package.types.general')}</option>
              <option value="dedicated">{t('package.types.dedicated')}</option>
            </Select>
            {m.type === 'dedicated' && <Field label={t('console.departureCity')} {...bind('departureCity')} />}
            <Field label={t('console.makkahHotel')} {...bind('makkahHotel', 'makkah', 'hotel')} />
            <Field label={t('console.makkahDistance')} inputMode="numeric" dir="ltr" {...bind('makkahDistance', 'makkah', 'distanceM')} />
            <Field label={t('console.roomOccupancy')} inputMode="numeric" dir="ltr" {...bind('roomOccupancy', 'makkah', 'roomOccupancy')} />
            <Field label={t('console.madinahHotel')} hint={t('console.madinahHint')} {...bind('madinahHotel', 'madinah', 'hotel')} />
            <Field label={t('console.madinahDistance')} inputMode="numeric" dir="ltr" {...bind('madinahDistance', 'madinah', 'distanceM')} />
            <Select label={t('catalogue.camp')} name="minaCamp" value={m.minaCamp} onChange={(v) => set('minaCamp')(v as Model['minaCamp'])}>
              {(['A', 'B', 'C', 'D'] as const).map((c) => <option key={c} value={c}>{t('package.camp', { category: c })}</option>)}
            </Select>
            <Field label={t('console.arafatService')} {...bind('arafatService')} />
            <Select label={t('console.meals')} name="meals" value={m.meals} onChange={(v) => set('meals')(v as Model['meals'])}>
              {(['none', 'breakfast', 'half_board', 'full_board'] as const).map((x) => <option key={x} value={x}>{t(`package.meals.${x}`)}</option>)}
            </Select>
            <Select label={t('console.transport')} name="transport" value={m.transport} onChange={(v) => set('transport')(v as Model['transport'])}>
              <option value="bus">{t('package.transport.bus')}</option>
              <option value="train">{t('package.transport.train')}</option>
            </Select>
          </div>
          <LanguagesField label={t('console.languages')} value={m.languages} onChange={set('languages')} error={errors.guidanceLanguages} />
          <CountriesField label={t('console.countries')} value={m.countries} onChange={set('countries')} error={errors.eligibleCountries} />
          <label className="check"><input type="checkbox" checked={m.insurance} onChange={(e) => set('insurance')(e.target.checked)} /> {t('console.insurance')}</label>
          <fieldset>
            <legend>{t('console.priceLines')}</legend>
            {errors.priceLines && <p className="field-error">{errors.priceLines}</p>}
            <div className="grid-2">
              {priceComponents.map((c) => (
                <div key={c}>
                  <Field label={t(`package.components.${c}`)} name={`price-${c}`} inputMode="decimal" dir="ltr" value={m.prices[c] ?? ''}
                    onChange={(e) => setM((s) => ({ ...s, prices: { ...s.prices, [c]: e.target.value } }))} />
                  <label className="check small">
                    <input type="checkbox" checked={Boolean(m.zeroRated[c])} onChange={(e) => setM((s) => ({ ...s, zeroRated: { ...s.zeroRated, [c]: e.target.checked } }))} /> {t('console.zeroRated')}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </fieldset>
        {preview && <section aria-live="polite" aria-label={t('console.preview')}><PriceTable price={preview} /></section>}
        <p className="actions">
          {editable && <button type="submit" className="primary" disabled={submitting}>{submitting ? t('form.saving') : t('common.save')}</button>}
          <Link to="/provider">{t('console.backToConsole')}</Link>
        </p>
      </form>
      {pkg && pkg.versions.length > 0 && (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t('console.versions')}</h2>
          <ul>{pkg.versions.map((v) => <li key={v.version}>{t('console.versionShort', { version: v.version })} · {formatDate(v.createdAt, { time: true })}</li>)}</ul>
        </section>
      )}
    </section>
  );
}
