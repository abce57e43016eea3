import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';
import type { Phase } from '../seasons/index.ts';
import type { DrawsTable } from './tables.ts';

/** A season's draw as its policy sees it: its state (`none` before the freeze) and the season's phase. */
export interface DrawResource {
  status: DrawsTable['status'] | 'none';
  phase: Phase;
}
export type DrawStatus = DrawResource['status'];

const needs = (d: DrawResource, ...states: DrawStatus[]) =>
  states.includes(d.status) ? null : new AppError('draw.wrong_state', { state: d.status, needed: states.join(' / ') });

/**
 * Who runs the draw, and when each step is open: a ministry admin freezes the
 * applications once the preference phase has closed, enters the public random
 * value once, runs the draw (again, to recompute and compare), and publishes
 * the results. Officers and admins read the results before publication.
 */
export const drawPolicy = definePolicy<DrawResource>()({
  freeze: {
    roles: ['ministry_admin'],
    when: (d) => (d.status !== 'none' ? new AppError('draw.already_frozen') : d.phase !== 'frozen' ? new AppError('season.phase_closed', { phase: d.phase }) : null),
  },
  set_random_value: { roles: ['ministry_admin'], when: (d) => needs(d, 'frozen') },
  run: { roles: ['ministry_admin'], when: (d) => needs(d, 'seeded', 'drawn', 'published') },
  publish: { roles: ['ministry_admin'], when: (d) => needs(d, 'drawn') },
  read_results: { roles: ['ministry_admin', 'ministry_officer'] },
});
export type DrawAction = (typeof drawPolicy.actions)[number];
