import { isCountry } from '../../core/countries.ts';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { isMinistry, type RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent } from '../events/index.ts';
import type { ProviderService } from '../providers/index.ts';
import { checkPriceLines } from '../../common/pricing.ts';
import { createPackageRepository, type PackageRow } from './package-repository.ts';
import { presentDetail, versionRow, type PackageDetail } from './presenters.ts';
import { packagePolicy } from './policies.ts';

/** A package as its provider's staff see it, with what they may do with it now. */
export type PackageView = PackageDetail & { allowedActions: (typeof packagePolicy.actions)[number][] };
import type { PackageInput } from './schemas.ts';
import type { PackageStatus } from './tables.ts';


/** Refusal of a change to another provider's package (403, and audited by `guarded`). */
class ForeignPackageError extends AppError {
  constructor(readonly ownerProviderId: string) {
    super('auth.forbidden');
  }
}

/** Checks what the request schema cannot: price rules, real countries, the departure-city rule. */
function checkContent(input: PackageInput) {
  const priceProblem = checkPriceLines(input.priceLines);
  if (priceProblem) throw new AppError('package.invalid_price', { problem: priceProblem });
  const unknown = input.eligibleCountries.find((c) => !isCountry(c.toUpperCase()));
  if (unknown) throw new AppError('package.unknown_country', { country: unknown });
  if ((input.type === 'dedicated') !== Boolean(input.departureCity)) throw new AppError('package.departure_city_rule');
}

/** Packages as their provider manages them: drafts, versions, publication. */
export function createPackageService(deps: { db: Db; clock: Clock; providers: Pick<ProviderService, 'requireMember' | 'assertTrading' | 'team' | 'isTrading'> }) {
  const repo = createPackageRepository();
  const { db, clock } = deps;

  /** Loads a package for a change by an editor of its own provider; anyone else gets a ForeignPackageError. */
  async function loadOwnForChange(trx: Executor, ctx: RequestContext, id: string): Promise<PackageRow> {
    const row = await repo.findById(trx, id, true);
    if (!row) throw new AppError('package.not_found');
    if (row.provider_id !== ctx.actor?.providerId) throw new ForeignPackageError(row.provider_id);
    await deps.providers.requireMember(trx, ctx, row.provider_id, 'edit_packages');
    return row;
  }

  /**
   * Runs a change; if it was refused because the package belongs to another
   * provider, records the attempt in the audit log once the change's own
   * transaction has rolled back, then answers 403.
   */
  async function guarded<T>(ctx: RequestContext, id: string, change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } catch (error) {
      if (error instanceof ForeignPackageError) {
        await writeAudit(db.kysely, clock, ctx, {
          action: 'package.access_denied',
          subjectType: 'package',
          subjectId: id,
          data: { ownerProviderId: error.ownerProviderId, callerProviderId: ctx.actor?.providerId ?? null },
        });
      }
      throw error;
    }
  }

  /** What the caller may do with packages of `providerId` (catalogue/policies.ts): their role there and the licence today. */
  async function standing(executor: Executor, ctx: RequestContext, providerId: string) {
    const [team, trading] = await Promise.all([deps.providers.team(executor, ctx, providerId), deps.providers.isTrading(executor, providerId)]);
    return { editor: team.memberRole === 'owner' || team.memberRole === 'manager', trading };
  }
  const withActions = (ctx: RequestContext, d: PackageDetail, s: { editor: boolean; trading: boolean }): PackageView =>
    ({ ...d, allowedActions: packagePolicy.allowed(ctx, { status: d.status, ...s }) });

  async function detail(executor: Executor, ctx: RequestContext, row: PackageRow) {
    const version = await repo.findVersion(executor, row.id, row.current_version);
    if (!version) throw new AppError('package.not_found');
    return withActions(ctx, presentDetail(row, version), await standing(executor, ctx, row.provider_id));
  }

  async function transition(ctx: RequestContext, id: string, action: 'publish' | 'close'): Promise<PackageView> {
    const to: PackageStatus = action === 'publish' ? 'published' : 'closed';
    return guarded(ctx, id, () => db.kysely.transaction().execute(async (trx) => {
      const row = await loadOwnForChange(trx, ctx, id);
      packagePolicy.assert(ctx, action, { status: row.status, ...(await standing(trx, ctx, row.provider_id)) });
      const now = clock.now();
      const patch = action === 'publish' ? { status: to, published_at: now, updated_at: now } : { status: to, closed_at: now, updated_at: now };
      await repo.updatePackage(trx, id, patch);
      await writeAudit(trx, clock, ctx, { action: `package.${action === 'publish' ? 'published' : 'closed'}`, subjectType: 'package', subjectId: id, data: { version: row.current_version } });
      await publishEvent(trx, clock, {
        type: action === 'publish' ? 'package.published' : 'package.closed',
        providerId: row.provider_id,
        subjectId: id,
        payload: { packageId: id, version: row.current_version, season: row.season },
      });
      return detail(trx, ctx, { ...row, ...patch });
    }));
  }

  return {
    /**
     * Creates a draft (version 1) for the caller's provider.
     * @example await packages.create(ctx, { season: '1448H', capacity: 120, title: { ar: '…', en: '…' }, … })
     */
    async create(ctx: RequestContext, input: PackageInput): Promise<PackageView> {
      checkContent(input);
      const providerId = ctx.actor?.providerId;
      if (!providerId) throw new AppError('auth.forbidden');
      return db.kysely.transaction().execute(async (trx) => {
        await deps.providers.requireMember(trx, ctx, providerId, 'edit_packages');
        const now = clock.now();
        const id = newId();
        const pkg = {
          id,
          provider_id: providerId,
          season: input.season,
          status: 'draft' as const,
          current_version: 1,
          capacity: input.capacity,
          seats_taken: 0,
          created_at: now,
          updated_at: now,
          published_at: null,
          closed_at: null,
        };
        await repo.insertPackage(trx, pkg);
        await repo.insertVersion(trx, versionRow(id, 1, input, now));
        await writeAudit(trx, clock, ctx, { action: 'package.created', subjectType: 'package', subjectId: id, data: { season: input.season, capacity: input.capacity } });
        return detail(trx, ctx, pkg);
      });
    },

    /**
     * Changes a package. A draft is edited in place; a published package gets
     * a new version (the old one stays, for those who chose it); a closed one
     * cannot change. Capacity never drops below the seats already taken.
     */
    async update(ctx: RequestContext, id: string, input: PackageInput): Promise<PackageView> {
      checkContent(input);
      return guarded(ctx, id, () => db.kysely.transaction().execute(async (trx) => {
        const row = await loadOwnForChange(trx, ctx, id);
        if (row.status === 'closed') throw new AppError('package.transition_not_allowed', { status: row.status, action: 'update' });
        if (input.capacity < row.seats_taken) throw new AppError('package.capacity_below_taken', { taken: row.seats_taken });
        const now = clock.now();
        const version = row.status === 'draft' ? row.current_version : row.current_version + 1;
        const content = versionRow(id, version, input, now);
        if (row.status === 'draft') await repo.replaceVersion(trx, id, version, content);
        else await repo.insertVersion(trx, content);
        const patch = { current_version: version, capacity: input.capacity, season: input.season, updated_at: now };
        await repo.updatePackage(trx, id, patch);
        await writeAudit(trx, clock, ctx, { action: 'package.updated', subjectType: 'package', subjectId: id, data: { version, status: row.status } });
        if (row.status === 'published') {
          await publishEvent(trx, clock, { type: 'package.updated', providerId: row.provider_id, subjectId: id, payload: { packageId: id, version } });
        }
        return detail(trx, ctx, { ...row, ...patch });
      }));
    },

    /** Puts a draft on sale; only a provider licensed today may. */
    publish: (ctx: RequestContext, id: string) => transition(ctx, id, 'publish'),

    /** Takes a package off sale for good; bookings already made are kept. */
    close: (ctx: RequestContext, id: string) => transition(ctx, id, 'close'),

    /** The provider's own packages (any status); the ministry may read any provider's. */
    async get(ctx: RequestContext, id: string, version?: number): Promise<PackageView & { versions: { version: number; createdAt: string }[] }> {
      const row = await repo.findById(db.kysely, id);
      const ministry = isMinistry(ctx.actor);
      if (!row || (!ministry && row.provider_id !== ctx.actor?.providerId)) throw new AppError('package.not_found');
      const v = await repo.findVersion(db.kysely, id, version ?? row.current_version);
      if (!v) throw new AppError('package.not_found');
      const versions = await repo.listVersionNumbers(db.kysely, id);
      return { ...withActions(ctx, presentDetail(row, v), await standing(db.kysely, ctx, row.provider_id)), versions: versions.map((x) => ({ version: x.version, createdAt: x.created_at.toISOString() })) };
    },

    async listOwn(ctx: RequestContext, status: PackageStatus | undefined): Promise<PackageView[]> {
      const providerId = ctx.actor?.providerId;
      if (!providerId) throw new AppError('auth.forbidden');
      const rows = await repo.listByProvider(db.kysely, providerId, status);
      const s = await standing(db.kysely, ctx, providerId);
      return rows.map((r) => withActions(ctx,
        presentDetail(
          { id: r.id, provider_id: r.provider_id, season: r.season, status: r.status, current_version: r.current_version, capacity: r.capacity, seats_taken: r.seats_taken, created_at: r.package_created_at, updated_at: r.package_created_at, published_at: r.published_at, closed_at: r.closed_at },
          r,
        ), s),
      );
    },
  };
}
export type PackageService = ReturnType<typeof createPackageService>;
