/**
 * A complaint's life (the ISO 10002 shape), as a table: which actor may take which step from
 * which state, and where it leads. Pure: the service loads the complaint, asks `step`, and
 * writes the new state with its event and audit record in one transaction.
 *
 * received → acknowledged → with the provider → provider responded → resolved → closed,
 * or escalated to the ministry; waiting for the pilgrim pauses the deadlines' clock and returns
 * to the state it left; the pilgrim may reopen a resolved complaint within a set number of days.
 */

export type ComplaintState =
  | 'received'
  | 'acknowledged'
  | 'with_provider'
  | 'provider_responded'
  | 'awaiting_pilgrim'
  | 'escalated'
  | 'resolved'
  | 'closed';

export type ComplaintAction =
  | 'acknowledge'
  | 'send_to_provider'
  | 'respond'
  | 'ask_pilgrim'
  | 'pilgrim_replies'
  | 'escalate'
  | 'resolve'
  | 'close'
  | 'reopen';

/** Who acts: the platform itself (sweeps, automatic steps), the complainant, a care-centre agent on the caller's behalf, the provider complained about, the ministry. */
export type ComplaintActor = 'system' | 'pilgrim' | 'agent' | 'provider' | 'ministry';

/** What a step needs to know of the complaint besides its state. */
export interface ComplaintFacts {
  state: ComplaintState;
  /** The provider complained about, if any (a complaint about a site or the platform has none). */
  hasProvider: boolean;
  /** The state a wait for the pilgrim returns to. */
  resumeState: ComplaintState | null;
  /** Whether the ministry has ever taken it over (a reopened complaint goes back to the ministry). */
  everEscalated: boolean;
  resolvedAt: Date | null;
  /** Days after resolution within which the pilgrim may reopen. */
  reopenDays: number;
}

export type StepRefusal =
  | { ok: false; code: 'complaint.step_not_allowed'; params: { action: ComplaintAction; state: ComplaintState } }
  | { ok: false; code: 'complaint.reopen_expired'; params: { until: Date } };
export type StepResult = { ok: true; to: ComplaintState; resumeState: ComplaintState | null } | StepRefusal;

const open: readonly ComplaintState[] = ['acknowledged', 'with_provider', 'provider_responded', 'awaiting_pilgrim'];
const complainant: readonly ComplaintActor[] = ['pilgrim', 'agent'];

/** The table: for each action, the states it starts from and the actors who may take it. */
export const transitions: Record<ComplaintAction, { from: readonly ComplaintState[]; by: readonly ComplaintActor[] }> = {
  acknowledge: { from: ['received'], by: ['system', 'agent', 'ministry'] },
  send_to_provider: { from: ['acknowledged'], by: ['system', 'ministry'] },
  respond: { from: ['with_provider'], by: ['provider'] },
  ask_pilgrim: { from: ['acknowledged', 'with_provider', 'escalated'], by: ['provider', 'ministry'] },
  pilgrim_replies: { from: ['awaiting_pilgrim'], by: complainant },
  escalate: { from: open, by: ['system', 'pilgrim', 'agent', 'provider', 'ministry'] },
  resolve: { from: ['acknowledged', 'provider_responded', 'escalated'], by: ['pilgrim', 'agent', 'ministry'] },
  close: { from: ['resolved'], by: ['system', 'pilgrim', 'agent', 'ministry'] },
  reopen: { from: ['resolved', 'closed'], by: complainant },
};

const DAY = 86_400_000;

/**
 * Where `action` by `actor` leads from the complaint's state, or why it may not be taken.
 * Extra rules beyond the table: only a complaint about a provider goes to a provider; a complainant
 * resolves only what a provider has answered (the ministry resolves what it holds); reopening is
 * possible for `reopenDays` after resolution and goes back to whoever last held the complaint.
 */
export function step(c: ComplaintFacts, action: ComplaintAction, actor: ComplaintActor, now: Date): StepResult {
  const t = transitions[action];
  const refuse: StepRefusal = { ok: false, code: 'complaint.step_not_allowed', params: { action, state: c.state } };
  if (!t.from.includes(c.state) || !t.by.includes(actor)) return refuse;
  switch (action) {
    case 'acknowledge':
      return { ok: true, to: 'acknowledged', resumeState: null };
    case 'send_to_provider':
      return c.hasProvider ? { ok: true, to: 'with_provider', resumeState: null } : refuse;
    case 'respond':
      return { ok: true, to: 'provider_responded', resumeState: null };
    case 'ask_pilgrim':
      return { ok: true, to: 'awaiting_pilgrim', resumeState: c.state };
    case 'pilgrim_replies':
      return { ok: true, to: c.resumeState ?? 'acknowledged', resumeState: null };
    case 'escalate':
      return { ok: true, to: 'escalated', resumeState: null };
    case 'resolve':
      if (complainant.includes(actor) && c.state !== 'provider_responded') return refuse;
      if (actor === 'ministry' && c.state === 'provider_responded') return refuse; // the pilgrim accepts an answer, or escalates it
      return { ok: true, to: 'resolved', resumeState: null };
    case 'close':
      return { ok: true, to: 'closed', resumeState: null };
    case 'reopen': {
      const until = new Date((c.resolvedAt ?? now).getTime() + c.reopenDays * DAY);
      if (now >= until) return { ok: false, code: 'complaint.reopen_expired', params: { until } };
      return { ok: true, to: c.everEscalated || !c.hasProvider ? 'escalated' : 'with_provider', resumeState: null };
    }
  }
}

/** States in which the complaint is still being handled (deadlines may run). */
export const isOpen = (s: ComplaintState) => s !== 'resolved' && s !== 'closed';
