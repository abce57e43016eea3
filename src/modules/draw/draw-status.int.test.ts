import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures, moments } from '../../testing/hajj-fixtures.ts';

/** The steps of the draw each caller may take, as the API tells the web (one source of the rules). */
let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let admin: Record<string, string>;
let officer: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  ({ ministry: admin } = await fx.season({ FR: 10 }, { a: { capacity: 5, countries: ['FR'] } }));
  officer = (await t.signInAs('ministry_officer')).headers;
}, 60_000);
afterAll(async () => t?.close());

const status = async (headers: Record<string, string>) => (await fx.api('GET', '/seasons/1448H/draw/status', headers)).json();

describe('the draw\'s allowed actions', () => {
  it('offer no freeze during the preference phase, to anyone', async () => {
    t.clock.set(moments.preference);
    expect(await status(admin)).toEqual({ season: '1448H', status: 'none', phase: 'preference', allowedActions: ['read_results'] });
    expect((await fx.api('POST', '/seasons/1448H/draw/freeze', admin, {})).json().code).toBe('season.phase_closed');
  });

  it('offer the freeze to an admin once the preference phase closed, never to an officer', async () => {
    t.clock.set(moments.frozen);
    expect((await status(admin)).allowedActions).toEqual(['freeze', 'read_results']);
    expect((await status(officer)).allowedActions).toEqual(['read_results']);
    expect((await status({})).allowedActions).toEqual([]);
    expect((await fx.api('POST', '/seasons/1448H/draw/freeze', officer, {})).statusCode).toBe(403);
  });

  it('move on to the random value once frozen, on the draw itself too', async () => {
    const frozen = await fx.api('POST', '/seasons/1448H/draw/freeze', admin, {});
    expect(frozen.statusCode, frozen.body).toBe(200);
    expect(frozen.json().allowedActions).toEqual(['set_random_value', 'read_results']);
    expect((await fx.api('GET', '/seasons/1448H/draw', officer)).json().allowedActions).toEqual(['read_results']);
  });
});
