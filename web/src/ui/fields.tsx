import { useId, useMemo, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, localized, locales } from '../../../src/common/i18n.ts';
import { $api } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';
import { monthNames } from '../lib/dates.ts';
import { countryName, languageName } from '../lib/format.ts';

/**
 * Form fields that speak the page's language: labels tied to inputs, hints and
 * errors announced, and pickers (dates, files, countries, languages) that do
 * not fall back to the browser's English widgets.
 */

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** A textarea, for text that runs over several lines. */
  multiline?: boolean;
}

function described(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Messages({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </>
  );
}

/** A labelled input whose hint and error are announced by screen readers. */
export function Field({ label, name, hint, error, multiline, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described(id, hint, error)} rows={4}
          value={input.value} onChange={input.onChange as never} lang={input.lang} dir={input.dir} maxLength={input.maxLength} required={input.required} />
      ) : (
        <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described(id, hint, error)} {...input} />
      )}
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

export function Select({ label, name, children, value, onChange, hint, error }: { label: string; name: string; children: ReactNode; value: string; onChange: (v: string) => void; hint?: string; error?: string | undefined }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described(id, hint, error)}>{children}</select>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A calendar day as three fields (day, month by name, year) in the page's
 * language, giving `YYYY-MM-DD` — the browser's own date input shows
 * mm/dd/yyyy in the browser's language, not the page's. The Hijri date is
 * shown beside it.
 */
export function DateField({ label, name, value, onChange, hint, error }: { label: string; name: string; value: string; onChange: (v: string) => void; hint?: string; error?: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const [y = '', m = '', d = ''] = value ? value.split('-') : [];
  const [parts, setParts] = useState({ y, m, d });
  const months = monthNames();
  function set(next: Partial<typeof parts>) {
    const p = { ...parts, ...next };
    setParts(p);
    const complete = /^\d{4}$/.test(p.y) && p.m && /^\d{1,2}$/.test(p.d);
    onChange(complete ? `${p.y}-${pad(Number(p.m))}-${pad(Number(p.d))}` : p.y || p.m || p.d ? 'incomplete' : '');
  }
  const hijri = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
    ? new Intl.DateTimeFormat(intlLocale(currentLanguage(), 'islamic-umalqura'), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T12:00:00Z`))
    : null;
  return (
    <fieldset className="field date-field" aria-describedby={described(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      <div className="date-parts">
        <label>
          <span>{t('form.day')}</span>
          <input name={`${name}-day`} inputMode="numeric" maxLength={2} dir="ltr" value={parts.d} onChange={(e) => set({ d: e.target.value.replace(/\D/g, '') })} aria-label={`${label} — ${t('form.day')}`} />
        </label>
        <label>
          <span>{t('form.month')}</span>
          <select name={`${name}-month`} value={parts.m ? String(Number(parts.m)) : ''} onChange={(e) => set({ m: e.target.value })} aria-label={`${label} — ${t('form.month')}`}>
            <option value="">—</option>
            {months.map((mn, i) => <option key={i} value={String(i + 1)}>{mn}</option>)}
          </select>
        </label>
        <label>
          <span>{t('form.year')}</span>
          <input name={`${name}-year`} inputMode="numeric" maxLength={4} dir="ltr" value={parts.y} onChange={(e) => set({ y: e.target.value.replace(/\D/g, '') })} aria-label={`${label} — ${t('form.year')}`} />
        </label>
      </div>
      {hijri && <p className="hint">{t('form.hijriIs', { date: hijri })}</p>}
      <Messages id={id} hint={hint} error={error} />
    </fieldset>
  );
}

/** A file chooser whose button and "no file chosen" speak the page's language. */
export function FileField({ label, accept, onFile, disabled, hint }: { label: string; accept: string; onFile: (file: File) => void; disabled?: boolean; hint?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="field file-field">
      <input id={id} type="file" className="visually-hidden" accept={accept} disabled={disabled} aria-label={label}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => { const f = e.target.files?.[0]; if (f) { setChosen(f.name); onFile(f); } e.target.value = ''; }} />
      <label htmlFor={id} className="button secondary">{label}</label>
      <span className="muted" aria-live="polite">{chosen ?? t('form.noFile')}</span>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
    </div>
  );
}

/** The countries the platform knows, named in the page's language and sorted as that language sorts. */
export function useCountries() {
  const query = $api.useQuery('get', '/api/v1/meta/countries', {}, { staleTime: Infinity });
  const lang = currentLanguage();
  return useMemo(() => {
    const items = (query.data ?? []).map((c) => ({ code: c.code, name: countryName(c.code) || localized(c, lang) }));
    return items.sort((a, b) => a.name.localeCompare(b.name, lang));
  }, [query.data, lang]);
}

export function CountrySelect({ label, name, value, onChange, error, hint, allowEmpty = true }: { label: string; name: string; value: string; onChange: (v: string) => void; error?: string | undefined; hint?: string; allowEmpty?: boolean }) {
  const countries = useCountries();
  return (
    <Select label={label} name={name} value={value} onChange={onChange} error={error} hint={hint}>
      {allowEmpty && <option value="">—</option>}
      {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
    </Select>
  );
}

/** Several countries: the chosen ones as removable chips and a filterable list to add from. */
export function CountriesField({ label, value, onChange, error, hint }: { label: string; value: string[]; onChange: (v: string[]) => void; error?: string | undefined; hint?: string }) {
  const countries = useCountries();
  const options = countries.filter((c) => !value.includes(c.code));
  return <ChipsField label={label} value={value} onChange={onChange} error={error} hint={hint} nameOf={countryName} options={options.map((c) => ({ code: c.code, name: c.name }))} />;
}

/** The languages guidance may be given in (ISO 639-1), named in the page's language. */
/** Guidance languages a provider can offer: the platform's languages, the list the catalogue filters by. */
const guidanceLanguages = locales;
export function LanguagesField({ label, value, onChange, error, hint }: { label: string; value: string[]; onChange: (v: string[]) => void; error?: string | undefined; hint?: string }) {
  const lang = currentLanguage();
  const options = guidanceLanguages.filter((l) => !value.includes(l)).map((code) => ({ code, name: languageName(code) })).sort((a, b) => a.name.localeCompare(b.name, lang));
  return <ChipsField label={label} value={value} onChange={onChange} error={error} hint={hint} nameOf={languageName} options={options} />;
}

function ChipsField({ label, value, onChange, error, hint, nameOf, options }: { label: string; value: string[]; onChange: (v: string[]) => void; error?: string | undefined; hint?: string | undefined; nameOf: (code: string) => string; options: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field chips-field" aria-describedby={described(id, hint, error)}>
      <legend>{label}</legend>
      <ul className="chips" aria-live="polite">
        {value.map((code) => (
          <li key={code} className="chip">
            {nameOf(code)}
            <button type="button" className="link-button small" aria-label={t('form.remove', { name: nameOf(code) })} onClick={() => onChange(value.filter((v) => v !== code))}>×</button>
          </li>
        ))}
        {value.length === 0 && <li className="muted">{t('form.noneChosen')}</li>}
      </ul>
      <select aria-label={t('form.addTo', { label })} value="" onChange={(e) => e.target.value && onChange([...value, e.target.value])}>
        <option value="">{t('form.add')}</option>
        {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
      </select>
      <Messages id={id} hint={hint} error={error} />
    </fieldset>
  );
}

const RIYADH_OFFSET = '+03:00';

/** An instant as a day and a 24-hour time in Saudi time (UTC+3, no daylight saving), giving an ISO instant. */
export function InstantField({ label, name, value, onChange, error }: { label: string; name: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const riyadh = value && !Number.isNaN(Date.parse(value)) ? new Date(Date.parse(value) + 3 * 3_600_000).toISOString() : '';
  const [day, setDay] = useState(riyadh.slice(0, 10));
  const [time, setTime] = useState(riyadh.slice(11, 16));
  const id = useId();
  function set(d: string, tm: string) {
    setDay(d);
    setTime(tm);
    onChange(/^\d{4}-\d{2}-\d{2}$/.test(d) && /^\d{1,2}:\d{2}$/.test(tm) ? new Date(`${d}T${tm.padStart(5, '0')}:00${RIYADH_OFFSET}`).toISOString() : 'incomplete');
  }
  return (
    <div className="instant-field">
      <DateField label={label} name={name} value={day} onChange={(d) => set(d, time)} error={error} />
      <label htmlFor={id} className="time-label">{t('form.timeRiyadh')}</label>
      <input id={id} name={`${name}-time`} inputMode="numeric" dir="ltr" placeholder="09:00" maxLength={5} value={time} onChange={(e) => set(day, e.target.value)} />
    </div>
  );
}
