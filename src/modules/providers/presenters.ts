import type { Selectable } from 'kysely';
import type { Acting } from '../../core/policy.ts';
import { mayTrade, type LicensingAction, type ProviderStatus } from './domain/licensing.ts';
import { licencePolicy } from './policies.ts';
import type { Contact, Office, ProvidersTable } from './tables.ts';

type LicenceAction = (typeof licencePolicy.actions)[number];

export interface ProviderApplication {
  legalNameAr: string;
  legalNameEn: string;
  crNumber: string;
  licenceNumber: string;
  vatNumber: string;
  ownershipDeclaration: string;
  paidUpCapital: number;
  bankGuaranteeRef: string;
  offices: Office[];
  contacts: Contact[];
}

export interface ProviderView extends Omit<ProviderApplication, 'vatNumber'> {
  id: string;
  /** Null for a provider licensed before it was asked for. */
  vatNumber: string | null;
  status: ProviderStatus;
  licenceValidFrom: string | null;
  licenceValidTo: string | null;
  decisionReason: string | null;
  mayTrade: boolean;
  createdAt: string;
  /** The licence decisions the caller may take now. */
  allowedActions: LicenceAction[];
}

export interface PublicProviderView {
  id: string;
  legalNameAr: string;
  legalNameEn: string;
  licenceNumber: string;
  licenceValidTo: string;
  cities: string[];
}

export const pastTense: Record<LicensingAction, string> = {
  approve: 'licensed',
  reject: 'rejected',
  suspend: 'suspended',
  reinstate: 'reinstated',
};

export function present(row: Selectable<ProvidersTable>, today: string, ctx: Acting): ProviderView {
  return {
    id: row.id,
    legalNameAr: row.legal_name_ar,
    legalNameEn: row.legal_name_en,
    crNumber: row.cr_number,
    licenceNumber: row.licence_number,
    vatNumber: row.vat_number,
    ownershipDeclaration: row.ownership_declaration,
    paidUpCapital: row.paid_up_capital,
    bankGuaranteeRef: row.bank_guarantee_ref,
    offices: row.offices,
    contacts: row.contacts,
    status: row.status,
    licenceValidFrom: row.licence_valid_from,
    licenceValidTo: row.licence_valid_to,
    decisionReason: row.decision_reason,
    mayTrade: mayTrade({ status: row.status, licenceValidFrom: row.licence_valid_from, licenceValidTo: row.licence_valid_to }, today),
    createdAt: row.created_at.toISOString(),
    allowedActions: licencePolicy.allowed(ctx, row),
  };
}
