import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { operationDone, operationKey } from '../../lib/operation-key.ts';
import { DateField, Select } from '../../ui/fields.tsx';
import { Alert, Loaded, ProblemAlert } from '../../ui/problem.tsx';
import { AvailabilityBadge } from './availability-badge.tsx';
import { rememberWaitWindow } from './offline.ts';
import { PeoplePanel } from './people-panel.tsx';
import { addDays, dayHeading, saudiDayOf, saudiToday, timeRange } from './saudi-time.ts';
import type { PermitWindow, SectionName, Site } from './types.ts';
import './permits.css';
import { currentLanguage } from '../../i18n/index.ts';
import { localized } from '../../../../src/common/i18n.ts';

/**
 * Booking a visit (phone first): a site, a day (Gregorian and Hijri) and a
 * section; the day's windows with their availability in words and colour;
 * for a full or nearly full window the nearest quieter windows first; who
 * goes (people proved by their documents); then one booking for the group.
 */
export function PermitBookPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sites = $api.useQuery('get', '/api/v1/permits/sites');
  const [dateKey, setDateKey] = useState(0);
  const [chosen, setChosen] = useState<PermitWindow | null>(null);
  const [group, setGroup] = useState<string[]>([]);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next, { replace: true });
    setChosen(null);
  };
  const lang = currentLanguage();
  return (
    <div className="stack permits">
      <section className="card">
        <div className="page-head">
          <h1>{t('permits.book.title')}</h1>
          <Link to="/permits/mine">{t('permits.mine.title')}</Link>
        </div>
        <p className="muted">{t('permits.book.intro')}</p>
      </section>
      <Loaded query={sites}>
        {(all) => {
          const site = all.find((s) => s.code === params.get('site')) ?? all[0] ?? null;
          if (!site) return <Alert kind="info">{t('permits.book.noSites')}</Alert>;
          const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : saudiToday();
          const sections = site.sections.map((s) => s.section);
          const section = (sections.find((s) => s === params.get('section')) ?? sections[0]) as SectionName;
          return (
            <>
              <section className="card" aria-labelledby="when-title">
                <h2 id="when-title">{t('permits.book.where')}</h2>
                <Select label={t('permits.book.site')} name="site" value={site.code} onChange={(code) => set({ site: code })}>
                  {all.map((s) => <option key={s.id} value={s.code}>{localized(s.name, lang)}</option>)}
                </Select>
                <div className="day-picker">
                  <DateField key={dateKey} label={t('permits.book.date')} name="date" value={date} onChange={(d) => { if (/^\d{4}-\d{2}-\d{2}$/.test(d)) set({ date: d }); }} />
                  <p className="actions">
                    <button type="button" className="secondary small" onClick={() => { set({ date: addDays(date, -1) }); setDateKey((k) => k + 1); }}>{t('permits.book.previousDay')}</button>
                    <button type="button" className="secondary small" onClick={() => { set({ date: addDays(date, 1) }); setDateKey((k) => k + 1); }}>{t('permits.book.nextDay')}</button>
                  </p>
                </div>
                <fieldset className="section-choice">
                  <legend>{t('permits.book.section')}</legend>
                  {sections.map((s) => (
                    <label key={s} className="check"><input type="radio" name="section" checked={s === section} onChange={() => set({ section: s })} /> {t(`permits.sections.${s}`)}</label>
                  ))}
                  <p className="hint">{t('permits.book.sectionHint')}</p>
                </fieldset>
              </section>
              <Windows site={site} date={date} section={section} groupSize={Math.max(1, group.length)} chosen={chosen} onChoose={setChosen} onGo={(d) => { set({ date: d }); setDateKey((k) => k + 1); }} />
              {chosen && <PeoplePanel site={site} chosen={group} onChoose={setGroup} />}
              {chosen && <BookChosen key={chosen.id} site={site} window={chosen} group={group} onMoved={(w) => { set({ date: saudiDayOf(w.startsAt), section: w.section }); setChosen(w); }} />}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

/** The day's windows, one row each: the time, the state in words and colour, the places left, and a choice. */
function Windows({ site, date, section, groupSize, chosen, onChoose, onGo }: { site: Site; date: string; section: SectionName; groupSize: number; chosen: PermitWindow | null; onChoose: (w: PermitWindow) => void; onGo: (day: string) => void }) {
  const { t } = useTranslation();
  const windows = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/windows', { params: { path: { siteId: site.id }, query: { date, section } } });
  return (
    <section className="card" aria-labelledby="windows-title">
      <h2 id="windows-title">{dayHeading(date)}</h2>
      <p className="muted">{t('permits.book.windowsOf', { section: t(`permits.sections.${section}`), size: groupSize })}</p>
      <Loaded query={windows}>
        {(list) => list.length === 0 ? <><p className="muted">{t('permits.book.noWindows')}</p><NextOpen site={site} section={section} onGo={onGo} /></> : (
          <ul className="windows">
            {list.map((w) => (
              <li key={w.id} className={chosen?.id === w.id ? 'chosen' : undefined}>
                <span className="window-time" dir="ltr">{timeRange(w.startsAt, w.endsAt)}</span>
                <AvailabilityBadge window={w} />
                {w.closeReason && <span className="muted">{t('permits.book.closedBecause', { reason: w.closeReason })}</span>}
                {w.allowedActions.length > 0 && (
                  <button type="button" className={chosen?.id === w.id ? 'primary small' : 'secondary small'} aria-pressed={chosen?.id === w.id}
                    aria-label={t('permits.book.chooseLabel', { time: timeRange(w.startsAt, w.endsAt) })} onClick={() => onChoose(w)}>
                    {t('permits.book.choose')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

/** On a day without windows: the next day with a place to book, or when nothing is released yet, when it will be. */
function NextOpen({ site, section, onGo }: { site: Site; section: SectionName; onGo: (day: string) => void }) {
  const { t } = useTranslation();
  const next = $api.useQuery('get', '/api/v1/permits/sites/{siteId}/next-open', { params: { path: { siteId: site.id }, query: { section } } });
  const n = next.data;
  if (!n) return null;
  if (!n.day) return <p>{t('permits.book.nothingPlanned')}</p>;
  return (
    <p>
      {n.releaseAt ? t('permits.book.nextRelease', { day: dayHeading(n.day), release: formatDate(n.releaseAt, { time: true }) }) : t('permits.book.nextOpen', { day: dayHeading(n.day) })}{' '}
      <button type="button" className="secondary small" onClick={() => onGo(n.day!)}>{t('permits.book.showDay')}</button>
    </p>
  );
}

/**
 * The chosen window: when it is full or nearly full the nearest quieter
 * windows come first (with room for the whole group), then booking it, or
 * waiting for it when it is full.
 */
function BookChosen({ site, window: w, group, onMoved }: { site: Site; window: PermitWindow; group: string[]; onMoved: (w: PermitWindow) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const crowded = w.state === 'full' || w.state === 'few_left';
  const size = Math.max(1, group.length);
  const quieter = $api.useQuery('get', '/api/v1/permits/windows/{windowId}/alternatives', { params: { path: { windowId: w.id }, query: { size } } }, { enabled: crowded });
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<'booked' | 'waiting' | null>(null);
  const [busy, setBusy] = useState(false);
  const can = (a: PermitWindow['allowedActions'][number]) => w.allowedActions.includes(a);
  const refresh = () => Promise.all(['/api/v1/permits/sites/{siteId}/windows', '/api/v1/me/permits', '/api/v1/me/permit-waitlist', '/api/v1/permits/windows/{windowId}/alternatives']
    .map((p) => queryClient.invalidateQueries({ queryKey: ['get', p] })));

  async function book() {
    const operation = `permit-book:${w.id}:${[...group].sort().join(',')}`;
    setProblem(null);
    setBusy(true);
    try {
      await call(client.POST('/api/v1/permits/bookings', { body: { windowId: w.id, personIds: group }, headers: { 'idempotency-key': operationKey(operation) } }));
      operationDone(operation);
      setDone('booked');
      await refresh();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }
  async function wait() {
    setProblem(null);
    setBusy(true);
    try {
      await call(client.POST('/api/v1/permits/windows/{windowId}/waitlist', { params: { path: { windowId: w.id } }, body: { personIds: group } }));
      rememberWaitWindow(w.id, { siteName: localized(site.name, currentLanguage()), startsAt: w.startsAt, endsAt: w.endsAt, section: w.section });
      setDone('waiting');
      await refresh();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="chosen-title" aria-live="polite">
      <h2 id="chosen-title">{t('permits.book.chosen', { time: timeRange(w.startsAt, w.endsAt) })}</h2>
      <p>{dayHeading(saudiDayOf(w.startsAt))} · {t(`permits.sections.${w.section}`)} <AvailabilityBadge window={w} /></p>
      {crowded && (
        <div className="quieter">
          <h3>{t('permits.book.quieterFirst')}</h3>
          <Loaded query={quieter}>
            {(alts) => alts.length === 0 ? <p className="muted">{t('permits.book.noQuieter')}</p> : (
              <ul className="windows">
                {alts.map((a) => (
                  <li key={a.id}>
                    <span className="window-time"><span dir="ltr">{timeRange(a.startsAt, a.endsAt)}</span> · {dayHeading(saudiDayOf(a.startsAt))}</span>
                    <AvailabilityBadge window={a} />
                    <button type="button" className="secondary small" onClick={() => onMoved(a)}>{t('permits.book.takeInstead')}</button>
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
        </div>
      )}
      {done === 'booked' && <Alert kind="success"><p>{t('permits.book.booked')} <Link to="/permits/mine">{t('permits.book.seePermits')}</Link></p></Alert>}
      {done === 'waiting' && <Alert kind="success"><p>{t('permits.book.waiting')} <Link to="/permits/mine">{t('permits.book.seeWaits')}</Link></p></Alert>}
      <ProblemAlert error={problem} />
      {group.length === 0 && <p className="hint">{t('permits.book.pickPeople')}</p>}
      <p className="actions">
        {can('book') && <button type="button" className="primary" disabled={busy || group.length === 0} onClick={() => void book()}>{t('permits.book.bookFor', { count: group.length })}</button>}
        {can('wait') && <button type="button" className="secondary" disabled={busy || group.length === 0} onClick={() => void wait()}>{t('permits.book.joinWaitlist', { count: group.length })}</button>}
      </p>
    </section>
  );
}
