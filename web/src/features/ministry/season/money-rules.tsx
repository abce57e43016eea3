import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { InstalmentPlanBody, RefundScheduleBody, SaleSettingsBody } from '../../../../../src/common/schemas/seasons.ts';
import { $api, call, client } from '../../../api/client.ts';
import { percent } from '../../../lib/format.ts';
import { Field } from '../../../ui/fields.tsx';
import { useCheckedSubmit } from '../../../ui/form.tsx';
import { Alert, Loaded, ProblemAlert } from '../../../ui/problem.tsx';
import type { Season } from './season-type.ts';

const digits = (v: string) => v.replace(/\D/g, '');

/** The season's rules that move money or close it: refund schedule, instalment plan, open sale, completion — editable by whom the API says. */
export function MoneyRules({ season }: { season: Season }) {
  const can = (a: Season['allowedActions'][number]) => season.allowedActions.includes(a);
  return (
    <>
      <RefundSchedule code={season.code} editable={can('set_refund_schedule')} />
      <InstalmentPlan code={season.code} editable={can('set_instalment_plan')} />
      {can('configure_sale') && <SaleSettings code={season.code} />}
      {can('complete') && <Complete code={season.code} />}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return <section className="card"><h2>{title}</h2>{children}</section>;
}

function RefundSchedule({ code, editable }: { code: string; editable: boolean }) {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/seasons/{code}/refund-schedule', { params: { path: { code } } });
  return (
    <Section title={t('seasonAdmin.refundSchedule')}>
      <p className="muted">{t('seasonAdmin.refundIntro')}</p>
      <Loaded query={query}>{(rules) => (editable ? <RefundForm code={code} initial={rules} /> : <ul>{rules.map((r) => <li key={r.minDaysBefore}>{t('seasonAdmin.refundLine', { days: r.minDaysBefore, fee: percent(r.feeBps / 10_000) })}</li>)}</ul>)}</Loaded>
    </Section>
  );
}

function RefundForm({ code, initial }: { code: string; initial: { minDaysBefore: number; feeBps: number }[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(initial.map((r) => ({ days: String(r.minDaysBefore), fee: String(r.feeBps / 100) })));
  const { formError, submit, submitting } = useCheckedSubmit(RefundScheduleBody);
  const [saved, setSaved] = useState(false);
  const body = { rules: rows.map((r) => ({ minDaysBefore: Number(r.days), feeBps: Math.round(Number(r.fee) * 100) })) };
  return (
    <form noValidate onSubmit={async (e) => {
      e.preventDefault();
      setSaved(await submit(body, async () => {
        await call(client.PUT('/api/v1/seasons/{code}/refund-schedule', { params: { path: { code } }, body }));
        await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/seasons/{code}/refund-schedule'] });
      }));
    }}>
      {formError && <Alert kind="error">{formError}</Alert>}
      {saved && <Alert kind="success">{t('form.saved')}</Alert>}
      {rows.map((r, i) => (
        <div className="grid-2" key={i}>
          <Field label={t('seasonAdmin.minDaysBefore')} name={`days-${i}`} inputMode="numeric" dir="ltr" value={r.days} onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, days: digits(e.target.value) } : x)))} />
          <Field label={t('seasonAdmin.feePercent')} name={`fee-${i}`} inputMode="decimal" dir="ltr" value={r.fee} onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, fee: e.target.value.replace(/[^\d.]/g, '') } : x)))} />
        </div>
      ))}
      <p className="actions">
        <button type="button" className="secondary small" onClick={() => setRows((rs) => [...rs, { days: '', fee: '' }])}>{t('seasonAdmin.addLine')}</button>
        {rows.length > 1 && <button type="button" className="link-button small" onClick={() => setRows((rs) => rs.slice(0, -1))}>{t('seasonAdmin.removeLine')}</button>}
      </p>
      <button type="submit" className="primary" disabled={submitting}>{t('common.save')}</button>
    </form>
  );
}

function InstalmentPlan({ code, editable }: { code: string; editable: boolean }) {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/seasons/{code}/instalment-plan', { params: { path: { code } } });
  return (
    <Section title={t('seasonAdmin.instalmentPlan')}>
      <p className="muted">{t('seasonAdmin.instalmentIntro')}</p>
      <Loaded query={query}>{(steps) => (editable ? <PlanForm code={code} initial={steps} /> : (
        <ol>{steps.map((s, i) => <li key={i}>{s.daysBeforeArrival === null ? t('seasonAdmin.stepByOffer', { percent: s.percent }) : t('seasonAdmin.stepBefore', { percent: s.percent, days: s.daysBeforeArrival })}</li>)}</ol>
      ))}</Loaded>
    </Section>
  );
}

function PlanForm({ code, initial }: { code: string; initial: { percent: number; daysBeforeArrival: number | null }[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(initial.map((s) => ({ percent: String(s.percent), days: s.daysBeforeArrival === null ? '' : String(s.daysBeforeArrival) })));
  const { formError, submit, submitting } = useCheckedSubmit(InstalmentPlanBody);
  const [saved, setSaved] = useState(false);
  const body = { steps: rows.map((r, i) => ({ percent: Number(r.percent), daysBeforeArrival: i === 0 || r.days === '' ? null : Number(r.days) })) };
  return (
    <form noValidate onSubmit={async (e) => {
      e.preventDefault();
      setSaved(await submit(body, async () => {
        await call(client.PUT('/api/v1/seasons/{code}/instalment-plan', { params: { path: { code } }, body }));
        await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/seasons/{code}/instalment-plan'] });
      }));
    }}>
      {formError && <Alert kind="error">{formError}</Alert>}
      {saved && <Alert kind="success">{t('form.saved')}</Alert>}
      {rows.map((r, i) => (
        <div className="grid-2" key={i}>
          <Field label={t('seasonAdmin.stepPercent', { step: i + 1 })} name={`percent-${i}`} inputMode="numeric" dir="ltr" value={r.percent} onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, percent: digits(e.target.value) } : x)))} />
          {i === 0
            ? <p className="hint">{t('seasonAdmin.firstStepByOffer')}</p>
            : <Field label={t('seasonAdmin.stepDays')} name={`days-${i}`} inputMode="numeric" dir="ltr" value={r.days} onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, days: digits(e.target.value) } : x)))} />}
        </div>
      ))}
      <p className="actions">
        <button type="button" className="secondary small" onClick={() => setRows((rs) => [...rs, { percent: '', days: '' }])}>{t('seasonAdmin.addLine')}</button>
        {rows.length > 1 && <button type="button" className="link-button small" onClick={() => setRows((rs) => rs.slice(0, -1))}>{t('seasonAdmin.removeLine')}</button>}
      </p>
      <button type="submit" className="primary" disabled={submitting}>{t('common.save')}</button>
    </form>
  );
}

function SaleSettings({ code }: { code: string }) {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/seasons/{code}/sale', { params: { path: { code } } });
  return (
    <Section title={t('seasonAdmin.sale')}>
      <Loaded query={query}>{(s) => <SaleForm code={code} initial={s} />}</Loaded>
    </Section>
  );
}

const saleFields = ['admitPerMinute', 'firstBatch', 'tokenMinutes', 'holdMinutes'] as const;
function SaleForm({ code, initial }: { code: string; initial: Record<(typeof saleFields)[number], number> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(Object.fromEntries(saleFields.map((k) => [k, String(initial[k])])) as Record<(typeof saleFields)[number], string>);
  const { errors, formError, submit, submitting } = useCheckedSubmit(SaleSettingsBody);
  const [saved, setSaved] = useState(false);
  const body = Object.fromEntries(saleFields.map((k) => [k, Number(values[k])])) as Record<(typeof saleFields)[number], number>;
  return (
    <form noValidate onSubmit={async (e) => {
      e.preventDefault();
      setSaved(await submit(body, () => call(client.PUT('/api/v1/seasons/{code}/sale', { params: { path: { code } }, body }))));
    }}>
      {formError && <Alert kind="error">{formError}</Alert>}
      {saved && <Alert kind="success">{t('form.saved')}</Alert>}
      <div className="grid-2">
        {saleFields.map((k) => <Field key={k} label={t(`seasonAdmin.saleFields.${k}`)} name={k} inputMode="numeric" dir="ltr" value={values[k]} error={errors[k]} onChange={(e) => setValues((v) => ({ ...v, [k]: digits(e.target.value) }))} />)}
      </div>
      <button type="submit" className="primary" disabled={submitting}>{t('common.save')}</button>
    </form>
  );
}

function Complete({ code }: { code: string }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  return (
    <Section title={t('seasonAdmin.complete')}>
      <p className="muted">{t('seasonAdmin.completeIntro')}</p>
      <ProblemAlert error={problem} />
      {done !== null && <Alert kind="success">{t('seasonAdmin.completed', { count: done })}</Alert>}
      <button type="button" className="secondary" onClick={async () => {
        setProblem(null);
        try {
          const r = await call(client.POST('/api/v1/seasons/{code}/complete', { params: { path: { code } } }));
          setDone(r.completed);
        } catch (e) {
          setProblem(e);
        }
      }}>{t('seasonAdmin.completeButton')}</button>
    </Section>
  );
}
