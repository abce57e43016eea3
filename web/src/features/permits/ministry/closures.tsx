import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { CloseBody } from '../../../../../src/common/schemas/permits.ts';
import { $api, call, client } from '../../../api/client.ts';
import { number } from '../../../lib/format.ts';
import { DateField, Field } from '../../../ui/fields.tsx';
import { useCheckedSubmit } from '../../../ui/form.tsx';
import { Alert, Loaded } from '../../../ui/problem.tsx';
import { saudiToday, timeRange } from '../saudi-time.ts';
import type { Site } from '../types.ts';

/** Closing windows with a reason: their permits are revoked without penalty and every holder is told, with the nearest windows that have room. */
export function Closures({ site }: { site: Site }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [day, setDay] = useState(saudiToday());
  const [picked, setPicked] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<{ closed: number; revoked: number; notified: unknown[] } | null>(null);
  const windows = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/occupancy', { params: { path: { siteId: site.id }, query: { from: day, to: day } } }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(day) });
  const { errors, formError, submit, submitting } = useCheckedSubmit(CloseBody);
  const body = { windowIds: picked, reason: reason.trim() };
  return (
    <section className="card" aria-labelledby="closures-title">
      <h2 id="closures-title">{t('permits.admin.closures')}</h2>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        setResult(null);
        const ok = await submit(body, async () => {
          setResult(await call(client.POST('/api/v1/permits/windows/close', { body })));
          await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/permits/sites/{siteId}/occupancy'] });
        });
        if (ok) setPicked([]);
      }}>
        <DateField label={t('permits.admin.closeDay')} name="close-day" value={day} onChange={(d) => { setDay(d); setPicked([]); }} />
        {formError && <Alert kind="error">{formError}</Alert>}
        {result && <Alert kind="success">{t('permits.admin.closed', { count: result.closed, revoked: number(result.revoked), told: number(result.notified.length) })}</Alert>}
        <Loaded query={windows}>
          {(list) => list.length === 0 ? <p className="muted">{t('permits.book.noWindows')}</p> : (
            <fieldset className="checks close-list">
              <legend>{t('permits.admin.closeWhich')}</legend>
              {list.map((w) => (
                <label key={w.windowId}>
                  <input type="checkbox" disabled={w.closed} checked={picked.includes(w.windowId)} onChange={(e) => setPicked(e.target.checked ? [...picked, w.windowId] : picked.filter((x) => x !== w.windowId))} />
                  {' '}<bdi dir="ltr">{timeRange(w.startsAt, w.endsAt)}</bdi> · {t(`permits.sections.${w.section}`)} · {w.closed ? t('permits.admin.alreadyClosed') : t('permits.admin.bookedOf', { booked: number(w.booked), capacity: number(w.capacity) })}
                </label>
              ))}
              {errors.windowIds && <p className="field-error">{errors.windowIds}</p>}
            </fieldset>
          )}
        </Loaded>
        <Field multiline label={t('permits.admin.reason')} name="reason" value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} hint={t('permits.admin.reasonHint')} />
        <button type="submit" className="primary" disabled={submitting}>{t('permits.admin.closeButton', { count: picked.length })}</button>
      </form>
    </section>
  );
}
