import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { gatePolicy, permitBookingPolicy, permitConfigPolicy, waitPolicy, type PermitBookingResource, type WaitResource } from './policies.ts';

const owner = actingAs('me');
const stranger = actingAs('other');
const officer = actingAs('o', { role: 'ministry_officer' });
const gate = actingAs('g', { role: 'gate_officer' });
const booking = (over: Partial<PermitBookingResource> = {}): PermitBookingResource => ({ status: 'active', started: false, ownerId: 'me', ...over });
const wait = (over: Partial<WaitResource> = {}): WaitResource => ({ status: 'offered', deadlinePassed: false, ownerId: 'me', ...over });

describe('who may do what with permits', () => {
  it.each([
    ['the owner moves, cancels and downloads an active booking before its window', owner, booking(), ['reschedule', 'cancel', 'download']],
    ['once the window has begun only the download remains', owner, booking({ started: true }), ['download']],
    ['a cancelled booking allows nothing', owner, booking({ status: 'cancelled' }), []],
    ['another pilgrim does nothing with it', stranger, booking(), []],
    ['a ministry officer does not act for a pilgrim', officer, booking(), []],
  ])('%s', (_n, who, b, expected) => expect(permitBookingPolicy.allowed(who, b)).toEqual(expected));

  it.each([
    ['an open offer is accepted or declined', wait(), ['accept', 'decline']],
    ['an offer past its deadline is gone', wait({ deadlinePassed: true }), []],
    ['a waiting entry may be left', wait({ status: 'waiting' }), ['leave']],
  ])('%s', (_n, w, expected) => expect(waitPolicy.allowed(owner, w)).toEqual(expected));

  it('lets the ministry configure and gates check in, never the other way round', () => {
    expect(permitConfigPolicy.allowed(officer, null)).toEqual(['configure', 'close_windows', 'read_occupancy']);
    expect(permitConfigPolicy.allowed(gate, null)).toEqual([]);
    expect(gatePolicy.allowed(gate, null)).toEqual(['check_in', 'sync']);
    expect(gatePolicy.allowed(officer, null)).toEqual(['sync', 'read_doubles']);
  });
});
