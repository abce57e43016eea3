import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { GenerateBody } from '../../../../../src/common/schemas/permits.ts';
import { $api, call, client } from '../../../api/client.ts';
import { formatDay } from '../../../lib/dates.ts';
import { number } from '../../../lib/format.ts';
import { DateField, Field, InstantField, Select } from '../../../ui/fields.tsx';
import { useCheckedSubmit } from '../../../ui/form.tsx';
import { Alert, Loaded } from '../../../ui/problem.tsx';
import { hijriOfDay, minutesOf, saudiToday } from '../saudi-time.ts';
import type { SectionName, Site } from '../types.ts';
import { int } from './numbers.ts';

type Calendar = 'hijri_month' | 'hijri' | 'gregorian';
interface HijriParts { year: string; month: string; day: string }

/**
 * Generates a template's windows for a Gregorian range, a Hijri range or a
 * whole Hijri month (a Ramadan), with their release schedule: N days before
 * each window's day at a Saudi time, or one instant for all. Existing
 * windows are kept; the answer says how many were new.
 */
export function GenerateForm({ site }: { site: Site }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const templates = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/templates', { params: { path: { siteId: site.id } } });
  const today = hijriOfDay(saudiToday());
  const comingRamadan = today.month < 9 ? today.year : today.year + 1;
  const [templateId, setTemplateId] = useState('');
  const [calendar, setCalendar] = useState<Calendar>('hijri_month');
  const [hYear, setHYear] = useState(String(comingRamadan));
  const [hMonth, setHMonth] = useState('9');
  const [hFrom, setHFrom] = useState<HijriParts>({ year: String(comingRamadan), month: '9', day: '1' });
  const [hTo, setHTo] = useState<HijriParts>({ year: String(comingRamadan), month: '9', day: '10' });
  const [gFrom, setGFrom] = useState('');
  const [gTo, setGTo] = useState('');
  const [sections, setSections] = useState<SectionName[]>(site.sections.map((s) => s.section));
  const [releaseKind, setReleaseKind] = useState<'daysBefore' | 'at'>('daysBefore');
  const [daysBefore, setDaysBefore] = useState('7');
  const [atTime, setAtTime] = useState('09:00');
  const [at, setAt] = useState('');
  const [result, setResult] = useState<{ days: number; windows: number; created: number; from: string; to: string } | null>(null);
  const { errors, formError, submit, submitting } = useCheckedSubmit(GenerateBody);

  const hijri = (p: HijriParts) => ({ year: int(p.year), month: int(p.month), day: int(p.day) });
  const range = calendar === 'hijri_month' ? { calendar, year: int(hYear), month: int(hMonth) }
    : calendar === 'hijri' ? { calendar, from: hijri(hFrom), to: hijri(hTo) }
      : { calendar, from: gFrom, to: gTo };
  const release = releaseKind === 'at' ? { at } : { daysBefore: int(daysBefore), atMinute: minutesOf(atTime) };

  return (
    <section className="card" aria-labelledby="generate-title">
      <h2 id="generate-title">{t('permits.admin.generate')}</h2>
      <Loaded query={templates}>
        {(list) => {
          const chosen = templateId || list[0]?.id || '';
          const body = { templateId: chosen, range, sections, release };
          return list.length === 0 ? <p className="muted">{t('permits.admin.needTemplate')}</p> : (
            <form noValidate onSubmit={async (e) => {
              e.preventDefault();
              setResult(null);
              await submit(body, async () => {
                setResult(await call(client.POST('/api/v1/permits/sites/{siteId}/windows/generate', { params: { path: { siteId: site.id } }, body: body as never })));
                await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/permits/sites/{siteId}/occupancy'] });
              });
            }}>
              {formError && <Alert kind="error">{formError}</Alert>}
              {result && <Alert kind="success">{t('permits.admin.generated', { count: result.created, windows: number(result.windows), days: number(result.days), from: formatDay(result.from), to: formatDay(result.to) })}</Alert>}
              <Select label={t('permits.admin.template')} name="templateId" value={chosen} onChange={setTemplateId} error={errors.templateId}>
                {list.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </Select>
              <fieldset className="checks">
                <legend>{t('permits.admin.calendar')}</legend>
                {(['hijri_month', 'hijri', 'gregorian'] as const).map((c) => (
                  <label key={c}><input type="radio" name="calendar" checked={calendar === c} onChange={() => setCalendar(c)} /> {t(`permits.admin.calendars.${c}`)}</label>
                ))}
              </fieldset>
              {calendar === 'hijri_month' && (
                <div className="grid-2">
                  <Select label={t('permits.admin.hijriMonth')} name="hijri-month" value={hMonth} onChange={setHMonth}>
                    {Array.from({ length: 12 }, (_, i) => <option key={i} value={String(i + 1)}>{t(`permits.hijriMonths.m${i + 1}`)}</option>)}
                  </Select>
                  <Field label={t('permits.admin.hijriYear')} name="hijri-year" inputMode="numeric" dir="ltr" value={hYear} onChange={(e) => setHYear(e.target.value)} />
                </div>
              )}
              {calendar === 'hijri' && (
                <>
                  <HijriDate legend={t('permits.admin.from')} value={hFrom} onChange={setHFrom} />
                  <HijriDate legend={t('permits.admin.to')} value={hTo} onChange={setHTo} />
                </>
              )}
              {calendar === 'gregorian' && (
                <>
                  <DateField label={t('permits.admin.from')} name="g-from" value={gFrom} onChange={setGFrom} />
                  <DateField label={t('permits.admin.to')} name="g-to" value={gTo} onChange={setGTo} />
                </>
              )}
              {errors.range && <p className="field-error">{errors.range}</p>}
              <fieldset className="checks">
                <legend>{t('permits.admin.sections')}</legend>
                {site.sections.map(({ section: s }) => (
                  <label key={s}><input type="checkbox" checked={sections.includes(s)} onChange={(e) => setSections(e.target.checked ? [...sections, s] : sections.filter((x) => x !== s))} /> {t(`permits.sections.${s}`)}</label>
                ))}
                {errors.sections && <p className="field-error">{errors.sections}</p>}
              </fieldset>
              <fieldset>
                <legend>{t('permits.admin.release')}</legend>
                <div className="checks">
                  <label><input type="radio" name="release" checked={releaseKind === 'daysBefore'} onChange={() => setReleaseKind('daysBefore')} /> {t('permits.admin.releaseBefore')}</label>
                  <label><input type="radio" name="release" checked={releaseKind === 'at'} onChange={() => setReleaseKind('at')} /> {t('permits.admin.releaseAt')}</label>
                </div>
                {releaseKind === 'daysBefore' && (
                  <div className="grid-2">
                    <Field label={t('permits.admin.daysBefore')} name="days-before" inputMode="numeric" dir="ltr" value={daysBefore} onChange={(e) => setDaysBefore(e.target.value)} />
                    <Field label={t('permits.admin.releaseTime')} name="release-time" inputMode="numeric" dir="ltr" placeholder="09:00" value={atTime} onChange={(e) => setAtTime(e.target.value)} />
                  </div>
                )}
                {releaseKind === 'at' && <InstantField label={t('permits.admin.releaseInstant')} name="release-at" value={at} onChange={setAt} />}
                {errors.release && <p className="field-error">{errors.release}</p>}
              </fieldset>
              <button type="submit" className="primary" disabled={submitting}>{t('permits.admin.generateButton')}</button>
            </form>
          );
        }}
      </Loaded>
    </section>
  );
}

/** A day of the Umm al-Qura calendar: day, month by name, year. */
function HijriDate({ legend, value, onChange }: { legend: string; value: HijriParts; onChange: (v: HijriParts) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field date-field">
      <legend>{legend}</legend>
      <div className="date-parts">
        <label><span>{t('form.day')}</span><input inputMode="numeric" dir="ltr" maxLength={2} value={value.day} aria-label={`${legend} — ${t('form.day')}`} onChange={(e) => onChange({ ...value, day: e.target.value.replace(/\D/g, '') })} /></label>
        <label><span>{t('form.month')}</span>
          <select value={value.month} aria-label={`${legend} — ${t('form.month')}`} onChange={(e) => onChange({ ...value, month: e.target.value })}>
            {Array.from({ length: 12 }, (_, i) => <option key={i} value={String(i + 1)}>{t(`permits.hijriMonths.m${i + 1}`)}</option>)}
          </select>
        </label>
        <label><span>{t('form.year')}</span><input inputMode="numeric" dir="ltr" maxLength={4} value={value.year} aria-label={`${legend} — ${t('form.year')}`} onChange={(e) => onChange({ ...value, year: e.target.value.replace(/\D/g, '') })} /></label>
      </div>
    </fieldset>
  );
}
