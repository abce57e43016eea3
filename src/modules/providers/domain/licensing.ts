/**
 * The licence of a provider as a state machine. Only a provider that is
 * `licensed` and inside its validity dates may publish or sell.
 *
 *   pending --approve--> licensed --suspend--> suspended
 *      |                    ^                      |
 *      +--reject--> rejected +------reinstate------+
 */
export type ProviderStatus = 'pending' | 'licensed' | 'rejected' | 'suspended';
export type LicensingAction = 'approve' | 'reject' | 'suspend' | 'reinstate';

const transitions: Record<LicensingAction, { from: ProviderStatus[]; to: ProviderStatus }> = {
  approve: { from: ['pending'], to: 'licensed' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['licensed'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'licensed' },
};

/** The status an action leads to, or null when the action is not allowed from `status`. */
export function nextStatus(status: ProviderStatus, action: LicensingAction): ProviderStatus | null {
  const t = transitions[action];
  return t.from.includes(status) ? t.to : null;
}

/** Dates are `YYYY-MM-DD` in Saudi time; `today` is the caller's clock read in Asia/Riyadh. */
export function mayTrade(
  provider: { status: ProviderStatus; licenceValidFrom: string | null; licenceValidTo: string | null },
  today: string,
): boolean {
  return (
    provider.status === 'licensed' &&
    provider.licenceValidFrom !== null &&
    provider.licenceValidTo !== null &&
    provider.licenceValidFrom <= today &&
    today <= provider.licenceValidTo
  );
}
