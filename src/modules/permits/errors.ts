import { registerErrors, termSet } from '../../core/errors.ts';

const sections = termSet('permits.sections');
const ruleKinds = termSet('permits.ruleKinds');
const triggers = termSet('permits.triggers');
const configProblems = termSet('permits.configProblems');
const docKinds = termSet('permits.docKinds');
const visaTypes = termSet('permits.visaTypes');
const bookingStates = termSet('permits.bookingStates');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const permitErrors = registerErrors({
  'permit.site_not_found': { status: 404 },
  'permit.site_taken': { status: 409 },
  'permit.gate_taken': { status: 409 },
  'permit.gate_not_found': { status: 404 },
  'permit.bad_config': { status: 400, terms: { problem: configProblems } },
  'permit.template_not_found': { status: 404 },
  'permit.window_not_found': { status: 404 },
  'permit.window_not_released': { status: 409, dates: ['releaseAt'] },
  'permit.window_past': { status: 409 },
  'permit.window_closed': { status: 409 },
  'permit.window_full': { status: 409 },
  'permit.window_not_full': { status: 409 },
  'permit.group_too_large': { status: 400 },
  'permit.person_twice': { status: 400 },
  'permit.person_unknown': { status: 400 },
  'permit.wrong_section': { status: 409, terms: { section: sections } },
  'permit.rule_broken': { status: 409, terms: { kind: ruleKinds }, dates: ['eligibleFrom'] },
  'permit.penalty_active': { status: 409, terms: { trigger: triggers }, dates: ['until'] },
  'permit.not_found': { status: 404 },
  'permit.not_changeable': { status: 409, terms: { state: bookingStates } },
  'permit.same_window': { status: 409 },
  'permit.already_waiting': { status: 409 },
  'permit.offer_not_found': { status: 404 },
  'permit.document_not_found': { status: 422, terms: { kind: docKinds } },
  'permit.document_expired': { status: 422 },
  'permit.wrong_visa_type': { status: 422, terms: { visaType: visaTypes } },
  'permit.visa_mismatch': { status: 422 },
  'permit.registry_unavailable': { status: 503 },
  'permit.revocations_ahead': { status: 400 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof permitErrors, true> {}
}
