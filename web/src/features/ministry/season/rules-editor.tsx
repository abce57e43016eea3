import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { healthConditions } from '../../../../../src/common/schemas/pilgrims.ts';
import { RulesBody, type RuleSchema } from '../../../../../src/common/schemas/seasons.ts';
import { $api, call, client } from '../../../api/client.ts';
import { Field } from '../../../ui/fields.tsx';
import { useCheckedSubmit } from '../../../ui/form.tsx';
import { Alert, Loaded } from '../../../ui/problem.tsx';

type Rule = Static<typeof RuleSchema>;
type Code = Rule['code'];
const codes: Code[] = ['min_age', 'passport_valid_after_season', 'meningococcal_vaccination', 'residence_in_programme', 'no_booking_this_season', 'health_exclusions'];
const numericParams: Partial<Record<Code, string[]>> = {
  min_age: ['years'],
  passport_valid_after_season: ['months'],
  meningococcal_vaccination: ['minDaysBeforeArrival', 'maxYearsBeforeArrival'],
};
const blank: Record<Code, Rule['params']> = {
  min_age: { years: 15 }, passport_valid_after_season: { months: 6 }, meningococcal_vaccination: { minDaysBeforeArrival: 10, maxYearsBeforeArrival: 5 },
  residence_in_programme: {}, no_booking_this_season: {}, health_exclusions: { excluded: [...healthConditions] },
};

/** The season's eligibility rules as data: each rule's parameters and the message people read in each language (a new version on every save). */
export function RulesEditor({ code, editable }: { code: string; editable: boolean }) {
  const { t } = useTranslation();
  const rules = $api.useQuery('get', '/api/v1/seasons/{code}/eligibility-rules', { params: { path: { code } } });
  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('seasonAdmin.rules')}</h2>
      <Loaded query={rules}>
        {(r) => (editable
          ? <Editor key={r.version} code={code} version={r.version} initial={r.rules as Rule[]} />
          : <ul>{(r.rules as Rule[]).map((x) => <li key={x.code}>{t(`rules.${x.code}`)}</li>)}</ul>)}
      </Loaded>
    </section>
  );
}

function Editor({ code, version, initial }: { code: string; version: number; initial: Rule[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rules, setRules] = useState<Rule[]>(initial);
  const { errors, formError, submit, submitting } = useCheckedSubmit(RulesBody);
  const [saved, setSaved] = useState(false);
  const update = (i: number, next: Partial<Rule>) => setRules((rs) => rs.map((r, j) => (j === i ? ({ ...r, ...next } as Rule) : r)));
  const missing = codes.filter((c) => !rules.some((r) => r.code === c));

  return (
    <form noValidate onSubmit={async (e) => {
      e.preventDefault();
      setSaved(false);
      setSaved(await submit({ rules }, async () => {
        await call(client.PUT('/api/v1/seasons/{code}/eligibility-rules', { params: { path: { code } }, body: { rules } }));
        await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/seasons/{code}/eligibility-rules'] });
      }));
    }}>
      <p className="muted">{t('seasonAdmin.rulesIntro', { version })}</p>
      {formError && <Alert kind="error">{formError}</Alert>}
      {errors.rules && <Alert kind="error">{errors.rules}</Alert>}
      {saved && <Alert kind="success">{t('form.saved')}</Alert>}
      {rules.map((rule, i) => (
        <fieldset key={rule.code}>
          <legend>{t(`rules.${rule.code}`)}</legend>
          {(numericParams[rule.code] ?? []).map((p) => (
            <Field key={p} label={t(`seasonAdmin.params.${p}`)} name={`${rule.code}.${p}`} inputMode="numeric" dir="ltr"
              value={String((rule.params as Record<string, number>)[p] ?? '')}
              onChange={(e) => update(i, { params: { ...rule.params, [p]: Number(e.target.value.replace(/\D/g, '')) } } as Partial<Rule>)} />
          ))}
          {rule.code === 'health_exclusions' && (
            <div className="checks">
              {healthConditions.map((c) => {
                const excluded = (rule.params as { excluded: string[] }).excluded;
                return (
                  <label key={c}><input type="checkbox" checked={excluded.includes(c)} onChange={(e) => update(i, { params: { excluded: e.target.checked ? [...excluded, c] : excluded.filter((x) => x !== c) } } as Partial<Rule>)} /> {t(`pilgrim.conditions.${c}`)}</label>
                );
              })}
            </div>
          )}
          <Field multiline label={t('seasonAdmin.messageAr')} name={`${rule.code}.ar`} lang="ar" dir="rtl" value={rule.message.ar} onChange={(e) => update(i, { message: { ...rule.message, ar: e.target.value } })} />
          <Field multiline label={t('seasonAdmin.messageEn')} name={`${rule.code}.en`} lang="en" dir="ltr" value={rule.message.en} onChange={(e) => update(i, { message: { ...rule.message, en: e.target.value } })} />
          <p className="hint">{t('seasonAdmin.placeholders')}</p>
          <button type="button" className="link-button small" onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}>{t('seasonAdmin.removeRule')}</button>
        </fieldset>
      ))}
      {missing.length > 0 && (
        <p className="actions">
          {missing.map((c) => (
            <button key={c} type="button" className="secondary small" onClick={() => setRules((rs) => [...rs, { code: c, params: blank[c], message: { ar: '', en: '' } } as Rule])}>
              {t('seasonAdmin.addRule', { rule: t(`rules.${c}`) })}
            </button>
          ))}
        </p>
      )}
      <button type="submit" className="primary" disabled={submitting}>{t('seasonAdmin.saveRules')}</button>
    </form>
  );
}
