import { describe, expect, it } from 'vitest';
import { actingAs } from '../../core/principal.ts';
import { drawPolicy, type DrawResource } from './policies.ts';

const admin = actingAs('a', { role: 'ministry_admin' });
const officer = actingAs('o', { role: 'ministry_officer' });
const draw = (status: DrawResource['status'], phase: DrawResource['phase'] = 'frozen'): DrawResource => ({ status, phase });

describe('who may take which step of the draw, and when', () => {
  it.each([
    ['an admin freezes once the preference phase has closed', admin, draw('none'), ['freeze', 'read_results']],
    ['nobody freezes during the preference phase', admin, draw('none', 'preference'), ['read_results']],
    ['an officer never freezes, only reads', officer, draw('none'), ['read_results']],
    ['after the freeze the admin enters the random value', admin, draw('frozen'), ['set_random_value', 'read_results']],
    ['once seeded the admin runs the draw', admin, draw('seeded', 'offers'), ['run', 'read_results']],
    ['once drawn the admin runs it again to compare, or publishes', admin, draw('drawn', 'offers'), ['run', 'publish', 'read_results']],
    ['once published only a rerun remains', admin, draw('published', 'offers'), ['run', 'read_results']],
    ['a pilgrim takes no step', actingAs('p'), draw('drawn'), []],
  ])('%s', (_name, who, d, expected) => expect(drawPolicy.allowed(who, d)).toEqual(expected));

  it('refuses a step in the wrong state with the draw\'s own error', () => {
    expect(() => drawPolicy.assert(admin, 'publish', draw('seeded'))).toThrow(expect.objectContaining({ code: 'draw.wrong_state' }));
    expect(() => drawPolicy.assert(admin, 'freeze', draw('frozen'))).toThrow(expect.objectContaining({ code: 'draw.already_frozen' }));
  });
});
