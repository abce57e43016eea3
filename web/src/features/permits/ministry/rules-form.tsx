import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { RulesBody, type RuleSchema } from '../../../../../src/common/schemas/permits.ts';
import { call, client } from '../../../api/client.ts';
import { DateField, Field, Select } from '../../../ui/fields.tsx';
import { useCheckedSubmit } from '../../../ui/form.tsx';
import { Alert } from '../../../ui/problem.tsx';
import type { Site } from '../types.ts';
import { int } from './numbers.ts';

type Rule = Static<typeof RuleSchema>;
type Kind = Rule['kind'];
const kinds: Kind[] = ['per_hijri_month', 'per_days', 'max_active', 'min_gap_hours'];
/** The parameters each kind of rule takes (docs/algorithms/permits.md, "Frequency rules"). */
const params: Record<Kind, ('hijriMonth' | 'days' | 'maxCount' | 'gapHours')[]> = {
  per_hijri_month: ['hijriMonth', 'maxCount'], per_days: ['days', 'maxCount'], max_active: ['maxCount'], min_gap_hours: ['gapHours'],
};
interface Row { code: string; kind: Kind; hijriMonth: string; days: string; maxCount: string; gapHours: string; appliesFrom: string; appliesTo: string }
const toRow = (r: Site['rules'][number]): Row => ({
  code: r.code, kind: r.kind as Kind, hijriMonth: String(r.hijriMonth ?? 9), days: String(r.days ?? ''), maxCount: String(r.maxCount ?? ''), gapHours: String(r.gapHours ?? ''), appliesFrom: r.appliesFrom ?? '', appliesTo: r.appliesTo ?? '',
});

/** The site's frequency rules (optionally for one season) and its penalties, as data. */
export function RulesForm({ site }: { site: Site }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(site.rules.map(toRow));
  const penaltyOf = (trigger: string) => site.penalties.find((p) => p.trigger === trigger);
  const [noShow, setNoShow] = useState({ on: !!penaltyOf('no_show'), days: String(penaltyOf('no_show')?.banDays ?? 30) });
  const [lateCancel, setLateCancel] = useState({ on: !!penaltyOf('late_cancel'), days: String(penaltyOf('late_cancel')?.banDays ?? 30) });
  const [saved, setSaved] = useState(false);
  const { errors, formError, submit, submitting } = useCheckedSubmit(RulesBody);
  const update = (i: number, next: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...next } : r)));
  const body = {
    rules: rows.map((r) => ({
      code: r.code.trim(), kind: r.kind,
      ...Object.fromEntries(params[r.kind].map((p) => [p, int(r[p])])),
      ...(r.appliesFrom ? { appliesFrom: r.appliesFrom } : {}), ...(r.appliesTo ? { appliesTo: r.appliesTo } : {}),
    })) as Rule[],
    penalties: [
      ...(noShow.on ? [{ trigger: 'no_show' as const, banDays: int(noShow.days) }] : []),
      ...(lateCancel.on ? [{ trigger: 'late_cancel' as const, banDays: int(lateCancel.days) }] : []),
    ],
  };
  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('permits.admin.rules')}</h2>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        setSaved(await submit(body, async () => {
          await call(client.PUT('/api/v1/permits/sites/{siteId}/rules', { params: { path: { siteId: site.id } }, body }));
          await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/permits/sites'] });
        }));
      }}>
        <p className="muted">{t('permits.admin.rulesIntro')}</p>
        {formError && <Alert kind="error">{formError}</Alert>}
        {errors.rules && <Alert kind="error">{errors.rules}</Alert>}
        {saved && <Alert kind="success">{t('form.saved')}</Alert>}
        {rows.map((r, i) => (
          <fieldset key={i}>
            <legend>{t(`permits.ruleKinds.${r.kind}`)}</legend>
            <Field label={t('permits.admin.ruleCode')} name={`rule-${i}-code`} dir="ltr" value={r.code} onChange={(e) => update(i, { code: e.target.value })} />
            <Select label={t('permits.admin.ruleKind')} name={`rule-${i}-kind`} value={r.kind} onChange={(k) => update(i, { kind: k as Kind })}>
              {kinds.map((k) => <option key={k} value={k}>{t(`permits.ruleKinds.${k}`)}</option>)}
            </Select>
            <div className="grid-2">
              {params[r.kind].map((p) => p === 'hijriMonth' ? (
                <Select key={p} label={t('permits.admin.params.hijriMonth')} name={`rule-${i}-${p}`} value={r.hijriMonth} onChange={(m) => update(i, { hijriMonth: m })}>
                  {Array.from({ length: 12 }, (_, m) => <option key={m} value={String(m + 1)}>{t(`permits.hijriMonths.m${m + 1}`)}</option>)}
                </Select>
              ) : (
                <Field key={p} label={t(`permits.admin.params.${p}`)} name={`rule-${i}-${p}`} inputMode="numeric" dir="ltr" value={r[p]} onChange={(e) => update(i, { [p]: e.target.value })} />
              ))}
            </div>
            <details>
              <summary>{t('permits.admin.ruleSeason')}</summary>
              <DateField label={t('permits.admin.appliesFrom')} name={`rule-${i}-from`} value={r.appliesFrom} onChange={(d) => update(i, { appliesFrom: d })} />
              <DateField label={t('permits.admin.appliesTo')} name={`rule-${i}-to`} value={r.appliesTo} onChange={(d) => update(i, { appliesTo: d })} />
            </details>
            <button type="button" className="link-button small" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>{t('permits.admin.removeRule')}</button>
          </fieldset>
        ))}
        <p><button type="button" className="secondary small" onClick={() => setRows((rs) => [...rs, { code: '', kind: 'per_days', hijriMonth: '9', days: '30', maxCount: '1', gapHours: '', appliesFrom: '', appliesTo: '' }])}>{t('permits.admin.addRule')}</button></p>
        <fieldset>
          <legend>{t('permits.admin.penalties')}</legend>
          {errors.penalties && <p className="field-error">{errors.penalties}</p>}
          {([['no_show', noShow, setNoShow], ['late_cancel', lateCancel, setLateCancel]] as const).map(([trigger, state, setState]) => (
            <div key={trigger} className="penalty-row">
              <label className="check"><input type="checkbox" checked={state.on} onChange={(e) => setState({ ...state, on: e.target.checked })} /> {t(`permits.triggers.${trigger}`)}</label>
              {state.on && <Field label={t('permits.admin.banDays')} name={`ban-${trigger}`} inputMode="numeric" dir="ltr" value={state.days} onChange={(e) => setState({ ...state, days: e.target.value })} />}
            </div>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={submitting}>{t('permits.admin.saveRules')}</button>
      </form>
    </section>
  );
}
