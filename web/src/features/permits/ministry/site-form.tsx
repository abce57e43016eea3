import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { SiteBody, SiteUpdateBody } from '../../../../../src/common/schemas/permits.ts';
import { call, client } from '../../../api/client.ts';
import { Field, Select } from '../../../ui/fields.tsx';
import { useCheckedSubmit } from '../../../ui/form.tsx';
import { Alert } from '../../../ui/problem.tsx';
import type { SectionName, Site } from '../types.ts';
import { hoursText, int, parseHours } from './numbers.ts';

const sectionNames: SectionName[] = ['men', 'women'];

/** A site's settings: names, largest group, offer hold, cancellation lead, the gates' offline limit, and each section's opening hours. */
export function SiteForm({ site, onSaved }: { site: Site | null; onSaved: (site: Site) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({
    code: '', kind: 'umrah', nameAr: site?.name.ar ?? '', nameEn: site?.name.en ?? '',
    maxGroup: String(site?.maxGroup ?? 4), offerMinutes: String(site?.offerMinutes ?? 15), cancelLeadMinutes: String(site?.cancelLeadMinutes ?? 180), gateMaxOfflineMinutes: String(site?.gateMaxOfflineMinutes ?? 480),
  });
  const [hours, setHours] = useState<Record<SectionName, string>>({
    men: hoursText(site?.sections.find((s) => s.section === 'men')?.hours ?? (site ? [] : [{ from: 0, to: 1440 }])),
    women: hoursText(site?.sections.find((s) => s.section === 'women')?.hours ?? (site ? [] : [{ from: 0, to: 1440 }])),
  });
  const { errors, formError, submit, submitting } = useCheckedSubmit(site ? SiteUpdateBody : SiteBody);
  const [saved, setSaved] = useState(false);
  const bind = (name: keyof typeof v) => ({ name, value: v[name], error: errors[name], onChange: (e: { target: { value: string } }) => setV((x) => ({ ...x, [name]: e.target.value })) });
  const common = {
    nameAr: v.nameAr.trim(), nameEn: v.nameEn.trim(), maxGroup: int(v.maxGroup), offerMinutes: int(v.offerMinutes), cancelLeadMinutes: int(v.cancelLeadMinutes), gateMaxOfflineMinutes: int(v.gateMaxOfflineMinutes),
    sections: sectionNames.filter((s) => hours[s].trim()).map((s) => ({ section: s, hours: parseHours(hours[s]) })),
  };

  return (
    <form noValidate onSubmit={async (e) => {
      e.preventDefault();
      setSaved(false);
      let result: Site | null = null;
      const ok = await submit(site ? common : { ...common, code: v.code.trim(), kind: v.kind }, async () => {
        result = site
          ? await call(client.PUT('/api/v1/permits/sites/{siteId}', { params: { path: { siteId: site.id } }, body: common }))
          : await call(client.POST('/api/v1/permits/sites', { body: { ...common, code: v.code.trim(), kind: v.kind as 'umrah' } }));
        await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/permits/sites'] });
      });
      setSaved(ok);
      if (ok && result) onSaved(result);
    }}>
      {formError && <Alert kind="error">{formError}</Alert>}
      {saved && <Alert kind="success">{t('form.saved')}</Alert>}
      {!site && (
        <>
          <Field label={t('permits.admin.code')} dir="ltr" hint={t('permits.admin.codeHint')} {...bind('code')} />
          <Select label={t('permits.admin.kind')} name="kind" value={v.kind} onChange={(kind) => setV((x) => ({ ...x, kind }))} error={errors.kind}>
            {['umrah', 'rawdah', 'other'].map((k) => <option key={k} value={k}>{t(`permits.admin.kinds.${k}`)}</option>)}
          </Select>
        </>
      )}
      <Field label={t('permits.admin.nameAr')} lang="ar" dir="rtl" {...bind('nameAr')} />
      <Field label={t('permits.admin.nameEn')} lang="en" dir="ltr" {...bind('nameEn')} />
      <div className="grid-2">
        <Field label={t('permits.admin.maxGroup')} inputMode="numeric" dir="ltr" {...bind('maxGroup')} />
        <Field label={t('permits.admin.offerMinutes')} inputMode="numeric" dir="ltr" {...bind('offerMinutes')} />
        <Field label={t('permits.admin.cancelLeadMinutes')} inputMode="numeric" dir="ltr" hint={t('permits.admin.cancelLeadHint')} {...bind('cancelLeadMinutes')} />
        <Field label={t('permits.admin.gateMaxOfflineMinutes')} inputMode="numeric" dir="ltr" hint={t('permits.admin.offlineHint')} {...bind('gateMaxOfflineMinutes')} />
      </div>
      <fieldset>
        <legend>{t('permits.admin.hours')}</legend>
        {errors.sections && <p className="field-error">{errors.sections}</p>}
        {sectionNames.map((s) => (
          <Field key={s} label={t('permits.admin.hoursOf', { section: t(`permits.sections.${s}`) })} name={`hours-${s}`} dir="ltr" placeholder="00:00-06:00, 21:00-24:00"
            value={hours[s]} onChange={(e) => setHours((h) => ({ ...h, [s]: e.target.value }))} />
        ))}
        <p className="hint">{t('permits.admin.hoursHint')}</p>
      </fieldset>
      <button type="submit" className="primary" disabled={submitting}>{site ? t('permits.admin.saveSite') : t('permits.admin.createSite')}</button>
    </form>
  );
}
