import { writeCsv } from '../../core/csv.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db } from '../../db/database.ts';
import type { ApplicationService } from '../applications/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import { createBookingsRepository } from './repository.ts';
import { presentBooking } from './service.ts';
import { liveStatuses } from './tables.ts';

/**
 * A provider's side of its bookings: the list, the manifest of each package
 * (CSV), and the payout statement from the ledger. The provider comes from
 * the staff member's account, never from the request, so no parameter can
 * point at another provider's data.
 */
export function createProviderBookingService(deps: {
  db: Db;
  catalogue: Pick<CatalogueService, 'packageIdsOf' | 'titles'>;
  applications: Pick<ApplicationService, 'family'>;
  pilgrims: Pick<PilgrimService, 'manifestRows'>;
  ledger: Pick<LedgerService, 'providerPayable' | 'balance' | 'history'>;
}) {
  const repo = createBookingsRepository();
  const { db } = deps;
  const providerOf = (ctx: RequestContext) => {
    if (ctx.actor?.role !== 'provider_staff' || !ctx.actor.providerId) throw new AppError('auth.forbidden');
    return ctx.actor.providerId;
  };

  return {
    /** Every booking of the provider's packages, newest first. */
    async list(ctx: RequestContext, limit = 500) {
      const packageIds = await deps.catalogue.packageIdsOf(db.kysely, providerOf(ctx));
      const rows = await repo.forPackages(db.kysely, packageIds, limit);
      const titles = await deps.catalogue.titles(db.kysely, rows.map((r) => r.package_id), ctx.locale);
      return rows.map((r) => ({ ...presentBooking(r), packageTitle: titles.get(r.package_id) ?? '' }));
    },

    /** The pilgrims of a package's held and confirmed bookings, one line each (CSV). */
    async manifest(ctx: RequestContext, packageId: string) {
      const packageIds = await deps.catalogue.packageIdsOf(db.kysely, providerOf(ctx));
      if (!packageIds.includes(packageId)) throw new AppError('package.not_found');
      const bookings = (await repo.forPackages(db.kysely, [packageId], 100_000)).filter((b) => (liveStatuses as readonly string[]).includes(b.status));
      const lines: string[][] = [];
      for (const b of bookings) {
        const family = await deps.applications.family(db.kysely, b.application_id);
        if (!family) continue;
        const members = [family.adminAccountId, ...family.members.filter((m) => m !== family.adminAccountId)];
        const people = await deps.pilgrims.manifestRows(db.kysely, members);
        for (const m of members) {
          const p = people.get(m);
          if (p) lines.push([b.id, b.status, m === family.adminAccountId ? 'admin' : 'member', p.familyName, p.givenNames, p.arabicName, p.gender, p.dateOfBirth, p.nationality, p.residence, p.passportNumber, p.passportExpiry]);
        }
      }
      return writeCsv(['booking', 'status', 'role', 'family_name', 'given_names', 'arabic_name', 'gender', 'date_of_birth', 'nationality', 'residence', 'passport_number', 'passport_expiry'], lines);
    },

    /** What the platform owes the provider, and every movement behind it. */
    async payouts(ctx: RequestContext) {
      return db.kysely.transaction().execute(async (trx) => {
        const payable = await deps.ledger.providerPayable(trx, providerOf(ctx));
        const balance = await deps.ledger.balance(trx, payable.id);
        const history = await deps.ledger.history(trx, payable.id, 500);
        return {
          owed: balance.posted,
          movements: history.map((t) => ({ id: t.id, at: t.created_at.toISOString(), kind: t.kind, amount: t.credit_account === payable.id ? t.amount : -t.amount, bookingId: t.booking_id })),
        };
      });
    },
  };
}
export type ProviderBookingService = ReturnType<typeof createProviderBookingService>;
