import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { shortCache } from '../../core/short-cache.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import type { ApplicationService } from '../applications/index.ts';
import { writeAudit } from '../audit/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { admittedUpTo, estimatedWaitSeconds, signAdmission, signPlace, verifyAdmission, verifyPlace } from './domain/admission.ts';
import { createBookingsRepository } from './repository.ts';
import { existingPlatformSecret, platformSecret } from '../../db/platform-secrets.ts';
import { groupedOnce } from '../../db/idempotency.ts';
import type { BookingService } from './service.ts';
import { createSaleWriter, type SaleBooking } from './sale-writer.ts';

export interface SaleSettings {
  admitPerMinute: number;
  firstBatch: number;
  tokenMinutes: number;
  holdMinutes: number;
}
export const defaultSaleSettings: SaleSettings = { admitPerMinute: 600, firstBatch: 200, tokenMinutes: 10, holdMinutes: 60 };
const SECRET_NAME = 'admission-token-key';

/**
 * The open sale (docs/algorithms/open-sale.md): a waiting room whose state is
 * all in the database, so any number of server processes serve it alike.
 * Everyone who arrives before the opening is ordered at the opening by a seed
 * drawn then (arriving early or refreshing gains nothing); later arrivals
 * queue in order; places are admitted at a set rate; an admitted person gets
 * a short-lived signed token, without which the booking endpoint refuses.
 */
export function createSaleService(deps: {
  db: Db;
  clock: Clock;
  seasons: Pick<SeasonService, 'get' | 'assertPhase' | 'evaluatorFor'>;
  applications: Pick<ApplicationService, 'applicationOf' | 'family' | 'familiesOf'>;
  pilgrims: Pick<PilgrimService, 'factsFor' | 'stepReadiness'>;
  catalogue: Pick<CatalogueService, 'packageFacts' | 'withSeatsLeft'>;
  bookings: Pick<BookingService, 'holdInOrder' | 'prepareOfferEmails'>;
}) {
  const repo = createBookingsRepository();
  const { db, clock } = deps;
  const writer = createSaleWriter(deps);
  let secret: Promise<string> | undefined;
  const key = () => (secret ??= platformSecret(db.kysely, clock, SECRET_NAME));

  // The sale's settings are read on every queue and booking request at the opening; each process
  // keeps them for a second (the same rule as the season reference data).
  const settingsCache = shortCache(1000);
  const sale = (season: string, fresh = false) =>
    settingsCache.get(season, async () => {
      await repo.ensureSale(db.kysely, { season, admit_per_minute: defaultSaleSettings.admitPerMinute, first_batch: defaultSaleSettings.firstBatch, token_minutes: defaultSaleSettings.tokenMinutes, hold_minutes: defaultSaleSettings.holdMinutes });
      return (await repo.sale(db.kysely, season))!;
    }, fresh);

  /** At or after the opening, the first request to arrive orders the early arrivals (once, under the sale's lock). */
  async function ensureOrdered(season: string, opensAt: Date) {
    const current = await sale(season);
    if (!current.ordered_at && clock.now() >= opensAt) return orderOnce(season);
    return current;
  }

  async function orderOnce(season: string) {
    await db.kysely.transaction().execute(async (trx) => {
      const locked = await repo.sale(trx, season, true);
      if (locked?.ordered_at) return;
      const seed = randomBytes(32).toString('hex');
      await repo.orderEarlyArrivals(trx, season, seed, clock.now());
      await writeAudit(trx, clock, { requestId: 'open-sale', actor: null }, { action: 'sale.opened', subjectType: 'season', subjectId: season, data: { orderSeed: seed } });
    });
    return sale(season, true);
  }

  async function status(ctx: RequestContext, season: string, join: boolean) {
    const calendar = await deps.seasons.get(season);
    const opensAt = new Date(calendar.openSaleAt);
    if (join) await deps.seasons.assertPhase(db.kysely, season, ['offers', 'between', 'open_sale']);
    const s = await ensureOrdered(season, opensAt);
    const accountId = ctx.actor!.accountId;
    let entry = await repo.queueEntry(db.kysely, season, accountId);
    if (!entry && join) {
      if (!s.ordered_at) await repo.joinEarly(db.kysely, season, accountId, clock.now());
      else await repo.joinLate(db.kysely, season, accountId, clock.now()).catch(() => undefined); // a double click: the first join stands
      entry = await repo.queueEntry(db.kysely, season, accountId);
    }
    return answer(season, opensAt, s, accountId, Boolean(entry), entry?.position ?? null);
  }

  /** What a poll answers, from the sale's settings and one's place: arithmetic, and signatures. */
  async function answer(season: string, opensAt: Date, s: Awaited<ReturnType<typeof sale>>, accountId: string, inQueue: boolean, position: number | null) {
    const now = clock.now().getTime();
    const elapsed = now - opensAt.getTime();
    const rate = { firstBatch: s.first_batch, admitPerMinute: s.admit_per_minute };
    const admitted = position !== null && position <= admittedUpTo(rate, elapsed);
    const secret = position !== null ? await key() : null;
    return {
      season,
      opensAt: opensAt.toISOString(),
      inQueue,
      position,
      admittedUpTo: admittedUpTo(rate, elapsed),
      // Once ordered, places run 1…next-1 without gaps: the length needs no count of the queue on every poll
      // (the settings may be a second old, so never less than the caller's own place).
      queueLength: s.ordered_at ? Math.max(s.next_position - 1, position ?? 0) : await repo.queueLength(db.kysely, season),
      estimatedWaitSeconds: inQueue ? estimatedWaitSeconds(rate, position ?? 1, elapsed) : null,
      admitted,
      admissionToken: admitted && secret ? signAdmission(secret, { season, accountId, expiresAt: now + s.token_minutes * 60_000 }) : null,
      placeToken: position !== null && secret ? signPlace(secret, { season, accountId, position }) : null,
    };
  }

  return {
    /** Joins the waiting room (or reads one's place): position, estimated wait, and a token once admitted. */
    join: (ctx: RequestContext, season: string) => status(ctx, season, true),
    status: (ctx: RequestContext, season: string) => status(ctx, season, false),

    /**
     * One's place read from a place token, with no session and no database read: the
     * season and the sale's settings come from the per-process caches, the place from
     * the token (places never change once given). Refuses a token not for this season.
     */
    async place(season: string, token: string) {
      const p = verifyPlace(await key(), token);
      if (!p || p.season !== season) throw new AppError('sale.place_token_invalid');
      const calendar = await deps.seasons.get(season);
      return answer(season, new Date(calendar.openSaleAt), await sale(season), p.accountId, true, p.position);
    },

    async settings(season: string) {
      const s = await sale(season);
      return { admitPerMinute: s.admit_per_minute, firstBatch: s.first_batch, tokenMinutes: s.token_minutes, holdMinutes: s.hold_minutes, orderSeed: s.order_seed, orderedAt: s.ordered_at?.toISOString() ?? null, earlyArrivals: s.early_count };
    },

    async configure(ctx: RequestContext, season: string, input: SaleSettings) {
      await deps.seasons.get(season);
      await db.kysely.transaction().execute(async (trx) => {
        await repo.upsertSale(trx, { season, admit_per_minute: input.admitPerMinute, first_batch: input.firstBatch, token_minutes: input.tokenMinutes, hold_minutes: input.holdMinutes });
        await writeAudit(trx, clock, ctx, { action: 'sale.configured', subjectType: 'season', subjectId: season, data: { ...input } });
      });
      settingsCache.delete(season);
      return this.settings(season);
    },

    /** Packages with seats left that the caller's family could book. */
    async packages(ctx: RequestContext, season: string) {
      const app = await deps.applications.applicationOf(db.kysely, season, ctx.actor!.accountId);
      const family = app && (await deps.applications.family(db.kysely, app.application_id));
      if (!family) throw new AppError('application.not_found');
      return deps.catalogue.withSeatsLeft(season, family.country, ctx.locale);
    },

    /** Books in the open sale: a valid admission, the family's admin, an eligible family, a suitable package. */
    async book(ctx: RequestContext, season: string, packageId: string, token: string | undefined) {
      // Checked before the batch (reference data comes from short caches, not the locked connection), and skipped
      // for a retry with the same Idempotency-Key: it gets its booking even once its admission token has expired.
      const admit = async () => {
        const verifyKey = secret ? await secret : await existingPlatformSecret(db.kysely, SECRET_NAME);
        const admission = token && verifyKey ? verifyAdmission(verifyKey, token, clock.now().getTime()) : null;
        if (!admission || admission.season !== season || admission.accountId !== ctx.actor!.accountId) throw new AppError('sale.admission_required');
        const calendar = await deps.seasons.get(season);
        if (calendar.phase !== 'open_sale') throw new AppError('sale.not_open', { opensAt: calendar.openSaleAt });
        return { s: await sale(season), evaluator: await deps.seasons.evaluatorFor(season, ctx.locale) };
      };
      const earlier = await groupedOnce.earlier<SaleBooking>(db, ctx);
      if (earlier) {
        if ('error' in earlier) throw earlier.error;
        return earlier.value;
      }
      const { s, evaluator } = await admit();
      return writer.book({ ctx, season, packageId, holdMinutes: s.hold_minutes, evaluator });
    },
  };
}
export type SaleService = ReturnType<typeof createSaleService>;
