import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../api/client.ts';
import type { Season } from './season/season-type.ts';
import { formatDate, formatDay } from '../../lib/dates.ts';
import { seasonLabel } from '../../lib/format.ts';
import { Field } from '../../ui/fields.tsx';
import { Alert, Loaded } from '../../ui/problem.tsx';
import { SeasonPicker, useSeasonChoice } from '../../ui/season-picker.tsx';
import { calendarDays, calendarInstants } from '../../../../src/common/schemas/seasons.ts';
import { CalendarForm } from './season/calendar-form.tsx';
import { MoneyRules } from './season/money-rules.tsx';
import { Quotas } from './season/quotas.tsx';
import { RulesEditor } from './season/rules-editor.tsx';


/**
 * A season's settings, each part editable only when the API says the caller
 * may (allowedActions): calendar, seats per country, eligibility rules, and
 * for admins the refund schedule, the instalment plan and the open sale.
 */
export function SeasonAdminPage() {
  const { t } = useTranslation();
  const seasons = $api.useQuery('get', '/api/v1/seasons');
  const active = (seasons.data ?? []).filter((s) => s.phase !== 'closed').map((s) => s.code).sort().reverse();
  const choice = useSeasonChoice(active);
  const [newCode, setNewCode] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const code = creating ?? choice.code;
  return (
    <div className="stack">
      <section className="card">
        <div className="page-head">
          <h1>{t('seasonAdmin.title')}</h1>
          {!creating && <SeasonPicker codes={choice.codes} value={choice.code} onChange={choice.choose} />}
        </div>
        <form className="row-actions" onSubmit={(e) => { e.preventDefault(); if (/^14[4-9]\dH$/.test(newCode)) setCreating(newCode); }}>
          <Field label={t('seasonAdmin.newSeason')} name="new-season" dir="ltr" placeholder="1449H" value={newCode} onChange={(e) => setNewCode(e.target.value.toUpperCase())} hint={t('seasonAdmin.newSeasonHint')} />
          <button type="submit" className="secondary">{t('seasonAdmin.create')}</button>
        </form>
      </section>
      {creating && <CalendarForm code={creating} season={null} onSaved={() => { setCreating(null); choice.choose(creating); void seasons.refetch(); }} />}
      {!creating && code && <SeasonSettings key={code} code={code} />}
      {!creating && !code && !choice.loading && <Alert kind="info">{t('seasonAdmin.none')}</Alert>}
    </div>
  );
}

function SeasonSettings({ code }: { code: string }) {
  const { t } = useTranslation();
  const season = $api.useQuery('get', '/api/v1/seasons/{code}', { params: { path: { code } } });
  return (
    <Loaded query={season}>
      {(s) => {
        const can = (a: Season['allowedActions'][number]) => s.allowedActions.includes(a);
        return (
          <>
            <section className="card">
              <h2>{t('seasonAdmin.phaseNow', { season: seasonLabel(s.code), phase: t(`application.phases.${s.phase}`) })}</h2>
              {!can('set_calendar') && (
                <dl className="facts two-col">
                  {calendarInstants.map((k) => <div key={k}><dt>{t(`seasonAdmin.fields.${k}`)}</dt><dd>{formatDate(s[k], { time: true })}</dd></div>)}
                  {calendarDays.map((k) => <div key={k}><dt>{t(`seasonAdmin.fields.${k}`)}</dt><dd>{formatDay(s[k])}</dd></div>)}
                </dl>
              )}
            </section>
            {can('set_calendar') && <CalendarForm code={s.code} season={s} onSaved={() => void season.refetch()} />}
            <Quotas code={s.code} editable={can('set_quotas')} />
            <RulesEditor code={s.code} editable={can('set_rules')} />
            <MoneyRules season={s} />
          </>
        );
      }}
    </Loaded>
  );
}
