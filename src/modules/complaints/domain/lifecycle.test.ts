import { describe, expect, it } from 'vitest';
import { step, transitions, type ComplaintAction, type ComplaintActor, type ComplaintFacts, type ComplaintState } from './lifecycle.ts';

const now = new Date('2027-01-10T10:00:00Z');
const facts = (state: ComplaintState, more: Partial<ComplaintFacts> = {}): ComplaintFacts => ({ state, hasProvider: true, resumeState: null, everEscalated: false, resolvedAt: null, reopenDays: 14, ...more });

describe('a complaint moves only along the table', () => {
  it.each([
    ['the platform acknowledges what it receives', facts('received'), 'acknowledge', 'system', 'acknowledged'],
    ['an acknowledged complaint about a provider goes to that provider', facts('acknowledged'), 'send_to_provider', 'system', 'with_provider'],
    ['a complaint about a site or the platform never goes to a provider', facts('acknowledged', { hasProvider: false }), 'send_to_provider', 'system', 'complaint.step_not_allowed'],
    ['the provider answers what it holds', facts('with_provider'), 'respond', 'provider', 'provider_responded'],
    ['nobody else answers for the provider', facts('with_provider'), 'respond', 'ministry', 'complaint.step_not_allowed'],
    ['asking the pilgrim pauses and remembers where it was', facts('with_provider'), 'ask_pilgrim', 'provider', 'awaiting_pilgrim'],
    ['the pilgrim\'s reply returns it where it was', facts('awaiting_pilgrim', { resumeState: 'escalated' }), 'pilgrim_replies', 'pilgrim', 'escalated'],
    ['a care agent replies on the caller\'s behalf', facts('awaiting_pilgrim', { resumeState: 'with_provider' }), 'pilgrim_replies', 'agent', 'with_provider'],
    ['a provider cannot reply for the pilgrim', facts('awaiting_pilgrim', { resumeState: 'with_provider' }), 'pilgrim_replies', 'provider', 'complaint.step_not_allowed'],
    ['a breach escalates to the ministry', facts('with_provider'), 'escalate', 'system', 'escalated'],
    ['a pilgrim unhappy with the answer escalates it', facts('provider_responded'), 'escalate', 'pilgrim', 'escalated'],
    ['the pilgrim accepts the provider\'s answer', facts('provider_responded'), 'resolve', 'pilgrim', 'resolved'],
    ['the pilgrim cannot resolve what nobody answered', facts('with_provider'), 'resolve', 'pilgrim', 'complaint.step_not_allowed'],
    ['the ministry resolves what it holds', facts('escalated'), 'resolve', 'ministry', 'resolved'],
    ['the ministry does not accept an answer for the pilgrim', facts('provider_responded'), 'resolve', 'ministry', 'complaint.step_not_allowed'],
    ['the provider cannot resolve its own complaint', facts('provider_responded'), 'resolve', 'provider', 'complaint.step_not_allowed'],
    ['a resolved complaint closes', facts('resolved'), 'close', 'system', 'closed'],
    ['a closed complaint cannot be escalated', facts('closed'), 'escalate', 'pilgrim', 'complaint.step_not_allowed'],
    ['reopening within the days allowed goes back to the provider', facts('resolved', { resolvedAt: new Date('2027-01-01T10:00:00Z') }), 'reopen', 'pilgrim', 'with_provider'],
    ['reopening a complaint the ministry held goes back to the ministry', facts('closed', { resolvedAt: new Date('2027-01-01T10:00:00Z'), everEscalated: true }), 'reopen', 'pilgrim', 'escalated'],
    ['reopening after the days allowed is refused, naming the last day', facts('closed', { resolvedAt: new Date('2026-12-20T10:00:00Z') }), 'reopen', 'pilgrim', 'complaint.reopen_expired'],
    ['only the complainant reopens', facts('resolved', { resolvedAt: new Date('2027-01-09T10:00:00Z') }), 'reopen', 'provider', 'complaint.step_not_allowed'],
  ] as const)('%s', (_rule, c, action, actor, expected) => {
    const r = step(c, action as ComplaintAction, actor as ComplaintActor, now);
    expect(r.ok ? r.to : r.code).toBe(expected);
  });

  it('asking the pilgrim keeps the state to return to', () => {
    expect(step(facts('escalated'), 'ask_pilgrim', 'ministry', now)).toEqual({ ok: true, to: 'awaiting_pilgrim', resumeState: 'escalated' });
  });

  it('an expired reopen names the day it ended', () => {
    const r = step(facts('closed', { resolvedAt: new Date('2026-12-20T10:00:00Z') }), 'reopen', 'pilgrim', now);
    expect(r).toEqual({ ok: false, code: 'complaint.reopen_expired', params: { until: new Date('2027-01-03T10:00:00Z') } });
  });

  it('no step leaves a closed complaint except reopening', () => {
    const leaving = (Object.keys(transitions) as ComplaintAction[]).filter((a) => transitions[a].from.includes('closed'));
    expect(leaving).toEqual(['reopen']);
  });
});
