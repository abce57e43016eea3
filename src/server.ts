import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './core/config.ts';
import { createLogger } from './core/logger.ts';
import type { Db } from './db/database.ts';
import { createPoller } from './core/poller.ts';
import { systemContext } from './core/principal.ts';

/**
 * Listens on the configured port, runs the outbox dispatcher, and shuts down
 * gracefully on SIGINT/SIGTERM: stop accepting, finish in-flight requests,
 * stop the dispatcher, close the database.
 */
export async function serve(config: Config, db: Db): Promise<FastifyInstance> {
  const logger = createLogger(config.logLevel);
  const { app, services } = await buildApp({ config, db, logger });
  // The signing key pair is made on the first start, before the first permit or card needs it.
  await services.signing.ensureKey();
  await app.listen({ port: config.port, host: config.host });
  services.notifications.start();
  services.webhookDispatcher.start();
  // Holds past their deadline expire (and their seats cascade) within seconds, in any process.
  const expiry = createPoller(() => services.workflows.expireHolds(), (error) => logger.warn({ err: error }, 'hold expiry failed'));
  expiry.start(5000);
  // Permits: no-shows recorded when windows end, waiting-list offers past their deadline moved on,
  // revocations numbered for the gates' list.
  const permitSweeps = createPoller(() => services.permits.sweepNoShows().then(() => services.permits.expireOffers()).then(() => services.permits.revocations.publish()), (error) => logger.warn({ err: error }, 'permit sweep failed'));
  permitSweeps.start(5000);
  // Voice of the Guest: the first questionnaires; surveys raised from the journey's events, their
  // reminders; past days folded into the survey rollup and scorecards recomputed hourly.
  await services.observatory.ensureDefaults();
  const surveys = createPoller(() => services.inviteFromEvents().then(() => services.observatory.remind()), (error) => logger.warn({ err: error }, 'survey invitations failed'));
  surveys.start(5000);
  const scorecards = createPoller(() => services.observatory.foldDays().then(() => services.observatory.computeScorecards(systemContext('scorecards'))), (error) => logger.warn({ err: error }, 'scorecards failed'));
  void services.observatory.foldDays().then(() => services.observatory.computeScorecards(systemContext('scorecards'))).catch((error: unknown) => logger.warn({ err: error }, 'scorecards failed'));
  scorecards.start(3_600_000);
  // Complaints: deadlines past due are recorded and escalated (SKIP LOCKED, so every process may sweep).
  const complaintSweeps = createPoller(() => services.complaints.sweepDeadlines().then(() => services.complaints.closeResolved()), (error) => logger.warn({ err: error }, 'complaint sweep failed'));
  complaintSweeps.start(5000);
  // Card payments: the simulated gateway's webhook deliveries, and reconciliation with the gateway
  // (at start too: a payment the gateway took while this process was down is credited now).
  const gatewayDelivery = createPoller(() => services.gatewaySim.deliverDue(), (error) => logger.warn({ err: error }, 'simulated gateway delivery failed'));
  gatewayDelivery.start(500);
  const reconcile = () => services.payments.reconcile().then(() => services.payments.expireHolds()).then(() => services.payments.purgeIdempotencyKeys());
  void reconcile().catch((error: unknown) => logger.warn({ err: error }, 'payment reconciliation failed'));
  const reconciliation = createPoller(reconcile, (error) => logger.warn({ err: error }, 'payment reconciliation failed'));
  reconciliation.start(30_000);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await services.notifications.stop();
    await services.webhookDispatcher.stop();
    await expiry.stop();
    await permitSweeps.stop();
    await complaintSweeps.stop();
    await surveys.stop();
    await scorecards.stop();
    await gatewayDelivery.stop();
    await reconciliation.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app;
}
