import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { CalendarBody, calendarDays, calendarInstants } from '../../../../../src/common/schemas/seasons.ts';
import { call, client } from '../../../api/client.ts';
import { DateField, InstantField } from '../../../ui/fields.tsx';
import { useCheckedSubmit } from '../../../ui/form.tsx';
import { Alert } from '../../../ui/problem.tsx';
import type { Season } from './season-type.ts';

type Key = (typeof calendarInstants)[number] | (typeof calendarDays)[number];

/** The season's calendar: instants in Saudi time, days as days; the server refuses dates out of order or in another Hijri year. */
export function CalendarForm({ code, season, onSaved }: { code: string; season: Season | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Key, string>>(() => Object.fromEntries([...calendarInstants, ...calendarDays].map((k) => [k, season?.[k] ?? ''])) as Record<Key, string>);
  const { errors, formError, submit, submitting } = useCheckedSubmit(CalendarBody);
  const [saved, setSaved] = useState(false);
  const set = (k: Key) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await submit(values, async () => {
      await call(client.PUT('/api/v1/seasons/{code}', { params: { path: { code } }, body: values }));
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/seasons'] });
    });
    setSaved(ok);
    if (ok) onSaved();
  }

  return (
    <form className="card" noValidate onSubmit={save}>
      <h2>{t('seasonAdmin.calendar')}</h2>
      <p className="muted">{t('seasonAdmin.calendarIntro')}</p>
      {formError && <Alert kind="error">{formError}</Alert>}
      {saved && <Alert kind="success">{t('form.saved')}</Alert>}
      <div className="grid-2">
        {calendarInstants.map((k) => <InstantField key={k} label={t(`seasonAdmin.fields.${k}`)} name={k} value={values[k]} onChange={set(k)} error={errors[k]} />)}
        {calendarDays.map((k) => <DateField key={k} label={t(`seasonAdmin.fields.${k}`)} name={k} value={values[k]} onChange={set(k)} error={errors[k]} />)}
      </div>
      <button type="submit" className="primary" disabled={submitting}>{t('common.save')}</button>
    </form>
  );
}
