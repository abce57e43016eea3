import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { ProviderService } from '../providers/index.ts';
import { checkWebhookUrl } from './domain/url-policy.ts';
import { createIntegrationsRepository } from './repository.ts';

export interface EndpointView {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  disabledAt: string | null;
}

/** Providers' webhook endpoints, their delivery log and manual replay. */
export function createWebhookService(deps: {
  db: Db;
  clock: Clock;
  providers: Pick<ProviderService, 'requireMember'>;
  allowPrivate: boolean;
}) {
  const repo = createIntegrationsRepository();
  const { db, clock } = deps;
  const view = (r: { id: string; url: string; events: string[]; created_at: Date; disabled_at: Date | null }): EndpointView => ({
    id: r.id,
    url: r.url,
    events: r.events,
    createdAt: r.created_at.toISOString(),
    disabledAt: r.disabled_at?.toISOString() ?? null,
  });

  async function ownEndpoint(ctx: RequestContext, providerId: string, endpointId: string) {
    await deps.providers.requireMember(db.kysely, ctx, providerId, 'manage_integrations');
    const endpoint = await repo.findEndpoint(db.kysely, endpointId);
    if (!endpoint || endpoint.provider_id !== providerId) throw new AppError('integration.not_found');
    return endpoint;
  }

  return {
    /**
     * Registers an endpoint; the returned `secret` signs every delivery and is shown only now.
     * @example await webhooks.create(ctx, providerId, { url: 'https://erp.example.org/manasik', events: ['package.published'] })
     */
    async create(ctx: RequestContext, providerId: string, input: { url: string; events: string[] }): Promise<EndpointView & { secret: string }> {
      const problem = checkWebhookUrl(input.url, deps.allowPrivate);
      if (problem) throw new AppError('integration.invalid_url', { problem });
      return db.kysely.transaction().execute(async (trx) => {
        await deps.providers.requireMember(trx, ctx, providerId, 'manage_integrations');
        const now = clock.now();
        const row = {
          id: newId(),
          provider_id: providerId,
          url: input.url,
          secret: `whsec_${randomBytes(24).toString('base64url')}`,
          events: [...new Set(input.events)],
          created_by: ctx.actor!.accountId,
          created_at: now,
          disabled_at: null,
        };
        await repo.insertEndpoint(trx, row);
        await writeAudit(trx, clock, ctx, { action: 'webhook.created', subjectType: 'provider', subjectId: providerId, data: { endpointId: row.id, url: row.url, events: row.events } });
        return { ...view(row), secret: row.secret };
      });
    },

    /**
     * Registers a ministry endpoint: it receives the platform's events that concern no provider
     * (`permit.issued`, `permit.cancelled`, `permit.checked_in`). The secret is shown only now.
     */
    async createMinistry(ctx: RequestContext, input: { url: string; events: string[] }): Promise<EndpointView & { secret: string }> {
      const problem = checkWebhookUrl(input.url, deps.allowPrivate);
      if (problem) throw new AppError('integration.invalid_url', { problem });
      return db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = { id: newId(), provider_id: null, url: input.url, secret: `whsec_${randomBytes(24).toString('base64url')}`, events: [...new Set(input.events)], created_by: ctx.actor!.accountId, created_at: now, disabled_at: null };
        await repo.insertEndpoint(trx, row);
        await writeAudit(trx, clock, ctx, { action: 'webhook.created', subjectType: 'ministry', subjectId: row.id, data: { endpointId: row.id, url: row.url, events: row.events } });
        return { ...view(row), secret: row.secret };
      });
    },
    listMinistry: async (): Promise<EndpointView[]> => (await repo.listEndpoints(db.kysely, null)).map(view),
    async ministryDeliveries(endpointId: string, limit = 50) {
      const endpoint = await repo.findEndpoint(db.kysely, endpointId);
      if (!endpoint || endpoint.provider_id !== null) throw new AppError('integration.not_found');
      return (await repo.listDeliveries(db.kysely, endpointId, limit)).map((d) => ({
        id: d.id, eventId: d.event_id, eventType: d.type, status: d.status, attempts: d.attempts, nextAttemptAt: d.status === 'pending' ? d.next_attempt_at.toISOString() : null,
        lastStatus: d.last_status, lastError: d.last_error, createdAt: d.created_at.toISOString(), deliveredAt: d.delivered_at?.toISOString() ?? null,
      }));
    },

    async list(ctx: RequestContext, providerId: string): Promise<EndpointView[]> {
      await deps.providers.requireMember(db.kysely, ctx, providerId, 'manage_integrations');
      return (await repo.listEndpoints(db.kysely, providerId)).map(view);
    },

    async disable(ctx: RequestContext, providerId: string, endpointId: string): Promise<EndpointView> {
      const endpoint = await ownEndpoint(ctx, providerId, endpointId);
      return db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        await repo.updateEndpoint(trx, endpointId, { disabled_at: now });
        await writeAudit(trx, clock, ctx, { action: 'webhook.disabled', subjectType: 'provider', subjectId: providerId, data: { endpointId } });
        return view({ ...endpoint, disabled_at: now });
      });
    },

    /** The delivery log of one endpoint, newest first. */
    async deliveries(ctx: RequestContext, providerId: string, endpointId: string, limit = 50) {
      await ownEndpoint(ctx, providerId, endpointId);
      const rows = await repo.listDeliveries(db.kysely, endpointId, limit);
      return rows.map((d) => ({
        id: d.id,
        eventId: d.event_id,
        eventType: d.type,
        status: d.status,
        attempts: d.attempts,
        nextAttemptAt: d.status === 'pending' ? d.next_attempt_at.toISOString() : null,
        lastStatus: d.last_status,
        lastError: d.last_error,
        createdAt: d.created_at.toISOString(),
        deliveredAt: d.delivered_at?.toISOString() ?? null,
      }));
    },

    /** Sends a delivery again now, whatever became of it (a dead letter, or one the receiver lost). */
    async replay(ctx: RequestContext, providerId: string, deliveryId: string): Promise<void> {
      await deps.providers.requireMember(db.kysely, ctx, providerId, 'manage_integrations');
      await db.kysely.transaction().execute(async (trx) => {
        const delivery = await repo.findDelivery(trx, deliveryId);
        if (!delivery || delivery.provider_id !== providerId) throw new AppError('integration.not_found');
        await repo.updateDelivery(trx, deliveryId, { status: 'pending', next_attempt_at: clock.now(), attempts: 0, delivered_at: null });
        await writeAudit(trx, clock, ctx, { action: 'webhook.replayed', subjectType: 'provider', subjectId: providerId, data: { deliveryId, eventId: delivery.event_id } });
      });
    },
  };
}
export type WebhookService = ReturnType<typeof createWebhookService>;
