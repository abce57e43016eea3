import type { Generated } from 'kysely';
import type { AccountTokensTable, AccountsTable, SessionsTable } from '../modules/accounts/tables.ts';
import type { AuditLogTable } from '../modules/audit/tables.ts';
import type { OutboxMessagesTable } from '../modules/notifications/tables.ts';
import type { PackageVersionsTable, PackagesTable } from '../modules/catalogue/tables.ts';
import type { ApiKeysTable, WebhookCursorTable, WebhookDeliveriesTable, WebhookEndpointsTable } from '../modules/integrations/tables.ts';
import type { CountryQuotasTable, EligibilityRulesTable, ProgrammeCountriesTable, SeasonsTable } from '../modules/seasons/tables.ts';
import type { PilgrimDocumentsTable, PilgrimProfilesTable } from '../modules/pilgrims/tables.ts';
import type { ApplicationMembersTable, ApplicationPreferencesTable, ApplicationsTable, MissionRequirementsTable, PackageDemandTable } from '../modules/applications/tables.ts';
import type { DomainEventsTable } from '../modules/events/tables.ts';
import type { DrawEntriesTable, DrawResultsTable, DrawsTable } from '../modules/draw/tables.ts';
import type { BookingsTable, InstalmentPlansTable, OpenSalesTable, PlatformSecretsTable, RefundSchedulesTable, SaleQueueTable } from '../modules/bookings/tables.ts';
import type { IdempotencyKeysTable, LedgerAccountsTable, LedgerTransfersTable } from '../modules/ledger/tables.ts';
import type { SimgwEventsTable, SimgwPaymentsTable } from '../modules/gateway-sim/tables.ts';
import type { CardPaymentsTable, PaymentEventsTable } from '../modules/payments/tables.ts';
import type { ProviderMembersTable, ProvidersTable } from '../modules/providers/tables.ts';

/**
 * The whole database as Kysely sees it. Each module owns its tables (declared
 * in its `tables.ts`); only that module's repository queries them.
 */
export interface Database {
  schema_migrations: { name: string; checksum: string; applied_at: Generated<Date> };
  accounts: AccountsTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  audit_log: AuditLogTable;
  outbox_messages: OutboxMessagesTable;
  domain_events: DomainEventsTable;
  providers: ProvidersTable;
  provider_members: ProviderMembersTable;
  packages: PackagesTable;
  package_versions: PackageVersionsTable;
  api_keys: ApiKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_cursor: WebhookCursorTable;
  seasons: SeasonsTable;
  programme_countries: ProgrammeCountriesTable;
  country_quotas: CountryQuotasTable;
  eligibility_rules: EligibilityRulesTable;
  pilgrim_profiles: PilgrimProfilesTable;
  pilgrim_documents: PilgrimDocumentsTable;
  applications: ApplicationsTable;
  application_members: ApplicationMembersTable;
  application_preferences: ApplicationPreferencesTable;
  mission_requirements: MissionRequirementsTable;
  package_demand: PackageDemandTable;
  draws: DrawsTable;
  draw_entries: DrawEntriesTable;
  draw_results: DrawResultsTable;
  bookings: BookingsTable;
  open_sales: OpenSalesTable;
  sale_queue: SaleQueueTable;
  platform_secrets: PlatformSecretsTable;
  refund_schedules: RefundSchedulesTable;
  instalment_plans: InstalmentPlansTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transfers: LedgerTransfersTable;
  idempotency_keys: IdempotencyKeysTable;
  card_payments: CardPaymentsTable;
  payment_events: PaymentEventsTable;
  simgw_payments: SimgwPaymentsTable;
  simgw_events: SimgwEventsTable;
}
