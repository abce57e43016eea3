import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { hashToken, newId, newSecretToken } from '../../core/ids.ts';
import type { Principal, RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { ProviderService } from '../providers/index.ts';
import { createIntegrationsRepository } from './repository.ts';

/** What a key may do. Routes declare the scope they need; a key reaches nothing else. */
export const apiScopes = ['packages:read', 'packages:write', 'provider:read', 'complaints:read', 'complaints:write'] as const;
export type ApiScope = (typeof apiScopes)[number];

export const API_KEY_PREFIX = 'mkp';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Provider API keys: created by owners and managers, shown once, stored hashed. */
export function createApiKeyService(deps: { db: Db; clock: Clock; providers: Pick<ProviderService, 'requireMember'> }) {
  const repo = createIntegrationsRepository();
  const { db, clock } = deps;

  return {
    /**
     * Creates a key; the returned `key` is the only time it is ever shown.
     * @example const { key } = await apiKeys.create(ctx, providerId, { name: 'ERP sync', scopes: ['packages:read'] })
     */
    async create(ctx: RequestContext, providerId: string, input: { name: string; scopes: ApiScope[] }): Promise<ApiKeyView & { key: string }> {
      return db.kysely.transaction().execute(async (trx) => {
        await deps.providers.requireMember(trx, ctx, providerId, 'manage_integrations');
        const key = newSecretToken(API_KEY_PREFIX);
        const now = clock.now();
        const row = {
          id: newId(),
          provider_id: providerId,
          name: input.name,
          prefix: key.slice(0, 12),
          key_hash: hashToken(key),
          scopes: [...new Set(input.scopes)],
          created_by: ctx.actor!.accountId,
          created_at: now,
          last_used_at: null,
          revoked_at: null,
        };
        await repo.insertKey(trx, row);
        await writeAudit(trx, clock, ctx, { action: 'api_key.created', subjectType: 'provider', subjectId: providerId, data: { keyId: row.id, scopes: row.scopes } });
        return { key, id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, createdAt: now.toISOString(), lastUsedAt: null, revokedAt: null };
      });
    },

    async list(ctx: RequestContext, providerId: string): Promise<ApiKeyView[]> {
      await deps.providers.requireMember(db.kysely, ctx, providerId, 'manage_integrations');
      const rows = await repo.listKeys(db.kysely, providerId);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        scopes: r.scopes,
        createdAt: r.created_at.toISOString(),
        lastUsedAt: r.last_used_at?.toISOString() ?? null,
        revokedAt: r.revoked_at?.toISOString() ?? null,
      }));
    },

    async revoke(ctx: RequestContext, providerId: string, keyId: string): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        await deps.providers.requireMember(trx, ctx, providerId, 'manage_integrations');
        const key = await repo.findKey(trx, keyId);
        if (!key || key.provider_id !== providerId) throw new AppError('integration.not_found');
        await repo.revokeKey(trx, keyId, clock.now());
        await writeAudit(trx, clock, ctx, { action: 'api_key.revoked', subjectType: 'provider', subjectId: providerId, data: { keyId } });
      });
    },

    /**
     * The principal behind a key: it acts as provider staff of its provider,
     * with the identity of its creator (for the audit log) and only its scopes.
     * A key dies with its creator's account or membership.
     */
    async authenticate(key: string): Promise<Principal | null> {
      const row = await repo.findLiveKey(db.kysely, hashToken(key));
      if (!row || row.creator_status !== 'active' || row.creator_provider_id !== row.provider_id) return null;
      await repo.touchKey(db.kysely, row.id, clock.now());
      return {
        accountId: row.created_by,
        role: 'provider_staff',
        providerId: row.provider_id,
        countryCode: null,
        locale: row.locale,
        credentialHash: row.id,
        credentialKind: 'api_key',
        apiKey: { id: row.id, scopes: row.scopes },
      };
    },
  };
}
export type ApiKeyService = ReturnType<typeof createApiKeyService>;
