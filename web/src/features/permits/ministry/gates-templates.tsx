import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { GateBody, TemplateBody } from '../../../../../src/common/schemas/permits.ts';
import { $api, call, client } from '../../../api/client.ts';
import { listOf, number } from '../../../lib/format.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { Field } from '../../../ui/fields.tsx';
import { useCheckedSubmit } from '../../../ui/form.tsx';
import { Alert, Loaded } from '../../../ui/problem.tsx';
import type { SectionName, Site, Template } from '../types.ts';
import { int } from './numbers.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { localized } from '../../../../../src/common/i18n.ts';

/** The site's gates (their numbers are what permits name) and the sections each admits; adding one. */
export function Gates({ site }: { site: Site }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lang = currentLanguage();
  const [v, setV] = useState({ number: '', nameAr: '', nameEn: '' });
  const [sections, setSections] = useState<SectionName[]>(site.sections.map((s) => s.section));
  const { errors, formError, submit, submitting } = useCheckedSubmit(GateBody);
  const body = { number: int(v.number), nameAr: v.nameAr.trim(), nameEn: v.nameEn.trim(), sections };
  return (
    <section className="card" aria-labelledby="gates-title">
      <h2 id="gates-title">{t('permits.admin.gates')}</h2>
      <DataTable rows={site.gates} rowKey={(g) => g.id} empty={<p className="muted">{t('permits.admin.noGates')}</p>} columns={[
        { key: 'n', header: t('permits.admin.gateNumber'), cell: (g) => number(g.number), rowHeader: true },
        { key: 'name', header: t('permits.admin.gateName'), cell: (g) => localized(g.name, lang) },
        { key: 's', header: t('permits.admin.gateSections'), cell: (g) => listOf(g.sections.map((s) => t(`permits.sections.${s}`))) },
      ]} />
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const ok = await submit(body, async () => {
          await call(client.POST('/api/v1/permits/sites/{siteId}/gates', { params: { path: { siteId: site.id } }, body }));
          await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/permits/sites'] });
        });
        if (ok) setV({ number: '', nameAr: '', nameEn: '' });
      }}>
        <h3>{t('permits.admin.addGate')}</h3>
        {formError && <Alert kind="error">{formError}</Alert>}
        <Field label={t('permits.admin.gateNumber')} name="number" inputMode="numeric" dir="ltr" value={v.number} error={errors.number} onChange={(e) => setV({ ...v, number: e.target.value })} />
        <Field label={t('permits.admin.nameAr')} name="gate-nameAr" lang="ar" dir="rtl" value={v.nameAr} error={errors.nameAr} onChange={(e) => setV({ ...v, nameAr: e.target.value })} />
        <Field label={t('permits.admin.nameEn')} name="gate-nameEn" lang="en" dir="ltr" value={v.nameEn} error={errors.nameEn} onChange={(e) => setV({ ...v, nameEn: e.target.value })} />
        <fieldset className="checks">
          <legend>{t('permits.admin.gateSections')}</legend>
          {site.sections.map(({ section: s }) => (
            <label key={s}><input type="checkbox" checked={sections.includes(s)} onChange={(e) => setSections(e.target.checked ? [...sections, s] : sections.filter((x) => x !== s))} /> {t(`permits.sections.${s}`)}</label>
          ))}
          {errors.sections && <p className="field-error">{errors.sections}</p>}
        </fieldset>
        <button type="submit" className="secondary" disabled={submitting}>{t('permits.admin.addGate')}</button>
      </form>
    </section>
  );
}

/** Window templates: length, places per window per section, early and late grace at the gate. */
export function Templates({ site }: { site: Site }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const templates = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/templates', { params: { path: { siteId: site.id } } });
  const [v, setV] = useState({ name: '', windowMinutes: '20', capacity: '600', earlyGraceMinutes: '10', lateGraceMinutes: '10' });
  const { errors, formError, submit, submitting } = useCheckedSubmit(TemplateBody);
  const body = { name: v.name.trim(), windowMinutes: int(v.windowMinutes), capacity: int(v.capacity), earlyGraceMinutes: int(v.earlyGraceMinutes), lateGraceMinutes: int(v.lateGraceMinutes) };
  const bind = (name: keyof typeof v) => ({ name: `template-${name}`, value: v[name], error: errors[name], onChange: (e: { target: { value: string } }) => setV((x) => ({ ...x, [name]: e.target.value })) });
  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('permits.admin.templates')}</h2>
      <Loaded query={templates}>
        {(list: Template[]) => (
          <DataTable rows={list} rowKey={(x) => x.id} empty={<p className="muted">{t('permits.admin.noTemplates')}</p>} columns={[
            { key: 'name', header: t('permits.admin.templateName'), cell: (x) => x.name, rowHeader: true },
            { key: 'len', header: t('permits.admin.windowMinutes'), cell: (x) => number(x.window_minutes) },
            { key: 'cap', header: t('permits.admin.capacity'), cell: (x) => number(x.capacity) },
            { key: 'grace', header: t('permits.admin.grace'), cell: (x) => t('permits.admin.graceValue', { early: number(x.early_grace_minutes), late: number(x.late_grace_minutes) }) },
          ]} />
        )}
      </Loaded>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const ok = await submit(body, async () => {
          await call(client.POST('/api/v1/permits/sites/{siteId}/templates', { params: { path: { siteId: site.id } }, body }));
          await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/permits/sites/{siteId}/templates'] });
        });
        if (ok) setV((x) => ({ ...x, name: '' }));
      }}>
        <h3>{t('permits.admin.addTemplate')}</h3>
        {formError && <Alert kind="error">{formError}</Alert>}
        <Field label={t('permits.admin.templateName')} {...bind('name')} />
        <div className="grid-2">
          <Field label={t('permits.admin.windowMinutes')} inputMode="numeric" dir="ltr" {...bind('windowMinutes')} />
          <Field label={t('permits.admin.capacity')} inputMode="numeric" dir="ltr" hint={t('permits.admin.capacityHint')} {...bind('capacity')} />
          <Field label={t('permits.admin.earlyGrace')} inputMode="numeric" dir="ltr" {...bind('earlyGraceMinutes')} />
          <Field label={t('permits.admin.lateGrace')} inputMode="numeric" dir="ltr" {...bind('lateGraceMinutes')} />
        </div>
        <button type="submit" className="secondary" disabled={submitting}>{t('permits.admin.addTemplate')}</button>
      </form>
    </section>
  );
}
