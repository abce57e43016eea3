import { systemClock, type Clock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import type { Logger } from 'pino';
import type { Db } from './db/database.ts';
import { createAccountService, createAuthService, scryptHasher, type PasswordHasher } from './modules/accounts/index.ts';
import { createAuditService } from './modules/audit/index.ts';
import { createProviderService } from './modules/providers/index.ts';
import { createCatalogueService, createPackageService, type CatalogueScorecard } from './modules/catalogue/index.ts';
import path from 'node:path';
import { localDiskStorage, type FileStorage } from './core/storage.ts';
import { createSeasonService } from './modules/seasons/index.ts';
import { createPilgrimService } from './modules/pilgrims/index.ts';
import { createApplicationService } from './modules/applications/index.ts';
import { createMissionService, createVisaReadiness } from './modules/missions/index.ts';
import { createDocumentService } from './modules/documents/index.ts';
import { createSigningService } from './modules/signing/index.ts';
import { createPermitService, permitStatisticsSource, simulatedVisaRegistry, type VisaRegistry } from './modules/permits/index.ts';
import { createApiKeyService, createWebhookDispatcher, createWebhookService } from './modules/integrations/index.ts';
import { createBookingService, createFamilyBookings, createProviderBookingService, createSaleService } from './modules/bookings/index.ts';
import { createCascade, createDrawService } from './modules/draw/index.ts';
import { createLedgerService } from './modules/ledger/index.ts';
import { createWalletService } from './modules/wallet/index.ts';
import { createSimulatedGateway } from './modules/gateway-sim/index.ts';
import { createPaymentService, simulatedCardGateway, type CardGateway } from './modules/payments/index.ts';
import { existingPlatformSecret, platformSecret } from './db/platform-secrets.ts';
import { checkBooks } from './workflows/check-books.ts';
import { createWorkflows } from './workflows/index.ts';
import type { GuardMode } from './db/counters.ts';
import { createStatisticsService, type PermitStatisticsSource } from './modules/statistics/index.ts';
import { createComplaintService } from './modules/complaints/index.ts';
import { createObservatoryService } from './modules/observatory/index.ts';
import { inviteToSurveysWorkflow } from './workflows/invite-to-surveys.ts';
import { journeyFacts } from './workflows/journey-facts.ts';
import { createNotificationService, devMailboxTransport, smtpTransport, type MailTransport } from './modules/notifications/index.ts';

export interface ServiceDeps {
  config: Config;
  db: Db;
  clock?: Clock;
  hasher?: PasswordHasher;
  transport?: MailTransport;
  logger?: Logger;
  storage?: FileStorage;
  /** Only the capacity test's control run sets this (see db/counters.ts). */
  capacityGuard?: GuardMode;
  /** A real card gateway's adapter; the simulated one when absent. */
  cardGateway?: CardGateway;
  /** A real document registry's adapter; the simulated one when absent. */
  visaRegistry?: VisaRegistry;
  /** How the simulated gateway sends its webhooks (tests route them into the app in process). */
  gatewayFetch?: typeof fetch;
  /** The permit records' read model for the Umrah statistics; none until the permits module lands (statistics/umrah.ts). */
  permitStatistics?: PermitStatisticsSource | null;
}

/**
 * The composition root: builds every module's service from the shared
 * infrastructure. The HTTP app, the CLI and the tests all start here, so
 * they run the same code.
 */
export function createServices(deps: ServiceDeps) {
  const clock = deps.clock ?? systemClock;
  const transport =
    deps.transport ?? (deps.config.smtpUrl ? smtpTransport(deps.config.smtpUrl, deps.config.mailFrom) : devMailboxTransport);
  const notifications = createNotificationService({
    db: deps.db,
    clock,
    transport,
    onError: (error, id) => deps.logger?.warn({ err: error, messageId: id }, 'email delivery failed'),
  });
  const accountsDeps = { db: deps.db, clock, config: deps.config, hasher: deps.hasher ?? scryptHasher(), notifications };
  const auth = createAuthService(accountsDeps);
  const accounts = createAccountService(accountsDeps, auth);
  const audit = createAuditService({ db: deps.db });
  const providers = createProviderService({ db: deps.db, clock, accounts, notifications });
  const packages = createPackageService({ db: deps.db, clock, providers });
  // The catalogue's scorecard slot reads the observatory, made further down (it reads the journey through the catalogue).
  const late: { observatory?: { scorecardsOf(ids: string[]): Promise<Map<string, CatalogueScorecard>> } } = {};
  const catalogue = createCatalogueService({ db: deps.db, clock, scorecards: (ids) => late.observatory?.scorecardsOf(ids) ?? Promise.resolve(new Map()) });
  const apiKeys = createApiKeyService({ db: deps.db, clock, providers });
  const webhooks = createWebhookService({ db: deps.db, clock, providers, allowPrivate: deps.config.webhookAllowPrivate });
  const webhookDispatcher = createWebhookDispatcher({
    db: deps.db,
    clock,
    onError: (error) => deps.logger?.warn({ err: error }, 'webhook dispatch failed'),
  });
  const seasons = createSeasonService({ db: deps.db, clock });
  const storage = deps.storage ?? localDiskStorage(path.join(deps.config.dataDir, 'files'));
  const pilgrims = createPilgrimService({ db: deps.db, clock, storage, seasons, notifications, accounts });
  const applications = createApplicationService({ db: deps.db, clock, seasons, accounts, pilgrims, catalogue });
  const bookings = createBookingService({ db: deps.db, clock, catalogue, seasons, applications, accounts, notifications, ...(deps.capacityGuard ? { guard: deps.capacityGuard } : {}) });
  const familyBookings = createFamilyBookings({ db: deps.db, clock, applications, catalogue, pilgrims, seasons });
  const sale = createSaleService({ db: deps.db, clock, seasons, applications, pilgrims, catalogue, bookings });
  const draw = createDrawService({ db: deps.db, clock, seasons, applications, pilgrims, catalogue, bookings, accounts, notifications });
  const readiness = createVisaReadiness({ db: deps.db, seasons, bookings, applications, pilgrims });
  const missions = createMissionService({ db: deps.db, clock, seasons, applications, pilgrims, draw, bookings, readiness });
  const ledger = createLedgerService({ db: deps.db, clock, ...(deps.capacityGuard ? { guard: deps.capacityGuard } : {}) });
  const signing = createSigningService({ db: deps.db, clock });
  const permits = createPermitService({ db: deps.db, clock, signing, registry: deps.visaRegistry ?? simulatedVisaRegistry(), accounts, notifications, ...(deps.capacityGuard ? { guard: deps.capacityGuard } : {}) });
  const documents = createDocumentService({ db: deps.db, clock, bookings, catalogue, providers, pilgrims, ledger, signing, permits });
  const providerBookings = createProviderBookingService({ db: deps.db, catalogue, applications, pilgrims, ledger });
  const wallet = createWalletService({ db: deps.db, clock, ledger });
  // The simulated card gateway stands in for a real one (docs/payments.md); both sides read the webhook key from the database.
  const webhookSecret = () => platformSecret(deps.db.kysely, clock, 'simgw-webhook');
  const gatewaySim = createSimulatedGateway({ db: deps.db, clock, webhookUrl: `${deps.config.publicUrl}/api/v1/payments/webhooks/simcard`, secret: webhookSecret, chaos: deps.config.gatewayChaos, ...(deps.gatewayFetch ? { fetch: deps.gatewayFetch } : {}) });
  const payments = createPaymentService({ db: deps.db, clock, ledger, gateway: deps.cardGateway ?? simulatedCardGateway(gatewaySim, () => existingPlatformSecret(deps.db.kysely, 'simgw-webhook')) });
  // ADAPTER POINT: when the permits module lands, pass its read model here (statistics/umrah.ts, PermitStatisticsSource).
  const statistics = createStatisticsService({ db: deps.db, clock, permitStatistics: deps.permitStatistics === undefined ? permitStatisticsSource(deps.db) : deps.permitStatistics });
  const workflows = createWorkflows({ db: deps.db, clock, bookings, applications, pilgrims, catalogue, seasons, wallet, providers, draw, statistics, cascade: createCascade({ clock, seasons, catalogue, bookings }) });
  const books = { check: () => checkBooks({ ledger, bookings }) };
  // Voice of the Guest reads the journey through the modules that own it (src/workflows/journey-facts.ts).
  const journey = journeyFacts({ bookings, applications, catalogue, pilgrims, permits, providers });
  const complaints = createComplaintService({ db: deps.db, clock, storage, journey, accounts, notifications });
  const observatory = createObservatoryService({ db: deps.db, clock, storage, publicUrl: deps.config.publicUrl, complaints, accounts, notifications });
  late.observatory = observatory;
  const inviteFromEvents = inviteToSurveysWorkflow({ db: deps.db, clock, journey, accounts, observatory });
  return {
    books,
    workflows,
    clock, notifications, auth, accounts, audit, providers, packages, catalogue, apiKeys, webhooks, webhookDispatcher,
    seasons, pilgrims, applications, missions, bookings, familyBookings, sale, draw, ledger, wallet, gatewaySim, payments, providerBookings, documents, signing, permits, statistics, complaints, observatory, inviteFromEvents,
  };
}
export type Services = ReturnType<typeof createServices>;
