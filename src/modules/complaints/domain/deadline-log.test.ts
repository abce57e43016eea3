import { describe, expect, it } from 'vitest';
import { breachesDue, metBy, readLog, watchedDeadline, type LogEvent } from './deadline-log.ts';
import type { DeadlineCalendar } from './deadlines.ts';

// 2027-05 is in season (round the clock), so clock minutes are wall minutes.
const cal: DeadlineCalendar = { workingDays: [0, 1, 2, 3, 4], from: 480, to: 960, roundTheClock: [{ from: new Date('2027-05-01T00:00:00Z'), to: new Date('2027-06-01T00:00:00Z') }] };
const t = (hhmm: string) => new Date(`2027-05-10T${hhmm}:00Z`);
const ev = (action: string, at: string, actor = 'system', data: Record<string, unknown> = {}): LogEvent => ({ action, actor, at: t(at), data });
const filed = ev('file', '08:00', 'pilgrim', { targets: { acknowledgeMinutes: 0, firstAnswerMinutes: 120, resolveMinutes: 72 * 60 } });

describe('deadlines are read from the event log', () => {
  it.each([
    ['filing starts every deadline its rule has', [filed], [['acknowledge', null], ['first_answer', null], ['resolve', null]]],
    ['the automatic acknowledgement meets its deadline at once', [filed, ev('acknowledge', '08:00')], [['acknowledge', '08:00'], ['first_answer', null], ['resolve', null]]],
    ['a provider answer is the first answer', [filed, ev('acknowledge', '08:00'), ev('respond', '09:00', 'provider')], [['acknowledge', '08:00'], ['first_answer', '09:00'], ['resolve', null]]],
    ['a question to the pilgrim by the provider is a first answer', [filed, ev('ask_pilgrim', '08:30', 'provider')], [['acknowledge', null], ['first_answer', '08:30'], ['resolve', null]]],
    ['a pilgrim\'s own comment is not an answer', [filed, ev('comment', '08:30', 'pilgrim')], [['acknowledge', null], ['first_answer', null], ['resolve', null]]],
    ['resolving meets the first answer and the resolution', [filed, ev('resolve', '10:00', 'ministry')], [['acknowledge', null], ['first_answer', '10:00'], ['resolve', '10:00']]],
    ['a reopening starts a new resolution deadline', [filed, ev('resolve', '10:00', 'ministry'), ev('reopen', '11:00', 'pilgrim', { targets: { acknowledgeMinutes: 0, firstAnswerMinutes: 120, resolveMinutes: 60 } })], [['acknowledge', null], ['first_answer', '10:00'], ['resolve', '10:00'], ['resolve', null]]],
  ] as const)('%s', (_rule, events, expected) => {
    const log = readLog(events);
    expect(log.deadlines.map((d) => [d.kind, d.metAt ? d.metAt.toISOString().slice(11, 16) : null])).toEqual(expected);
  });

  it.each([
    ['the first answer is watched until it is given', [filed, ev('acknowledge', '08:00')], { kind: 'first_answer', dueAt: t('10:00') }],
    ['after the answer the resolution is watched', [filed, ev('acknowledge', '08:00'), ev('respond', '09:00', 'provider')], { kind: 'resolve', dueAt: new Date('2027-05-13T08:00:00Z') }],
    ['a breach already recorded is no longer watched', [filed, ev('acknowledge', '08:00'), ev('breach', '10:00', 'system', { kind: 'first_answer' })], { kind: 'resolve', dueAt: new Date('2027-05-13T08:00:00Z') }],
    ['waiting for the pilgrim stops every clock', [filed, ev('acknowledge', '08:00'), ev('respond', '08:30', 'provider'), ev('ask_pilgrim', '09:00', 'ministry')], null],
    ['the pilgrim\'s reply restarts it, the wait not counted', [filed, ev('acknowledge', '08:00'), ev('respond', '08:30', 'provider'), ev('ask_pilgrim', '09:00', 'ministry'), ev('pilgrim_replies', '12:00', 'pilgrim')], { kind: 'resolve', dueAt: new Date('2027-05-13T11:00:00Z') }],
    ['nothing is watched once resolved', [filed, ev('acknowledge', '08:00'), ev('resolve', '09:00', 'ministry')], null],
  ] as const)('watched: %s', (_rule, events, expected) => {
    expect(watchedDeadline(cal, readLog(events))).toEqual(expected);
  });

  it.each([
    ['nothing is due before its time', '09:59', []],
    ['the first answer is due at its time', '10:00', ['first_answer']],
  ] as const)('breaches: %s', (_rule, now, expected) => {
    expect(breachesDue(cal, readLog([filed, ev('acknowledge', '08:00')]), t(now))).toEqual(expected);
  });

  it.each([
    ['an answer 30 minutes before the deadline is 30 early', ev('respond', '09:30', 'provider'), [{ kind: 'first_answer', minutes: 30, late: false, breached: false }]],
    ['an answer 15 minutes after it is 15 late', ev('respond', '10:15', 'provider'), [{ kind: 'first_answer', minutes: -15, late: true, breached: false }]],
    ['a resolution meets both deadlines', ev('resolve', '09:00', 'ministry'), [{ kind: 'first_answer', minutes: 60, late: false, breached: false }, { kind: 'resolve', minutes: 72 * 60 - 60, late: false, breached: false }]],
    ['a pilgrim\'s reply meets nothing', ev('pilgrim_replies', '09:00', 'pilgrim'), []],
  ] as const)('met: %s', (_rule, step, expected) => {
    expect(metBy(cal, readLog([filed, ev('acknowledge', '08:00')]), step)).toEqual(expected);
  });
});
