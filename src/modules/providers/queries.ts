import type { Locale } from '../../common/i18n.ts';
import { AppError } from '../../core/errors.ts';
import { isMinistry, type RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';
import type { ProviderContext } from './context.ts';
import { mayTrade, type ProviderStatus } from './domain/licensing.ts';
import { present, type ProviderView, type PublicProviderView } from './presenters.ts';

/** What the pages and other modules read of providers. */
export function providerQueries(c: ProviderContext) {
  const { repo, db } = c;
  return {
    /** The caller's role in a provider's team (null when not its staff), for the policies of other modules. */
    team: c.team,
    requireMember: c.requireMember,

    /** A provider's name in a language, for documents. */
    async displayName(executor: Executor, providerId: string, locale: Locale) {
      const row = await repo.findById(executor, providerId);
      return row ? (locale === 'ar' ? row.legal_name_ar : row.legal_name_en) : '';
    },

    /** Where to write to a provider (its owner), in the owner's language: other modules' notices. */
    async contact(executor: Executor, providerId: string) {
      const o = await repo.ownerContact(executor, providerId);
      return o ? { email: o.email, name: o.display_name, locale: o.locale as Locale } : null;
    },

    /** Whether a provider exists and is licensed now (complaints name one). */
    async isLicensed(executor: Executor, providerId: string) {
      return (await repo.findById(executor, providerId))?.status === 'licensed';
    },

    /** Who sells on a tax invoice: the registered (Arabic) name, the English name and the VAT number. */
    async seller(executor: Executor, providerId: string) {
      const row = await repo.findById(executor, providerId);
      return row && { nameAr: row.legal_name_ar, nameEn: row.legal_name_en, vatNumber: row.vat_number };
    },

    /** The ministry sees every provider; provider staff only their own. */
    async get(ctx: RequestContext, providerId: string): Promise<ProviderView> {
      const actor = ctx.actor;
      if (!isMinistry(actor) && actor?.providerId !== providerId) throw new AppError('provider.not_found');
      const row = await repo.findById(db.kysely, providerId);
      if (!row) throw new AppError('provider.not_found');
      return present(row, c.today(), ctx);
    },

    async list(ctx: RequestContext, filter: { status?: ProviderStatus | undefined; limit: number; offset: number }): Promise<ProviderView[]> {
      const rows = await repo.list(db.kysely, filter);
      const day = c.today();
      return rows.map((r) => present(r, day, ctx));
    },

    /** The public list of approved providers: licensed and inside their licence dates today. */
    async publicList(): Promise<PublicProviderView[]> {
      const rows = await repo.listTrading(db.kysely, c.today());
      return rows.map((r) => ({
        id: r.id,
        legalNameAr: r.legal_name_ar,
        legalNameEn: r.legal_name_en,
        licenceNumber: r.licence_number,
        licenceValidTo: r.licence_valid_to!,
        cities: [...new Set(r.offices.map((o) => o.city))],
      }));
    },

    /** Whether a provider may publish or sell today; throws `provider.not_licensed` otherwise. */
    async assertTrading(executor: Executor, providerId: string): Promise<void> {
      const row = await repo.findById(executor, providerId);
      if (!row) throw new AppError('provider.not_found');
      const ok = mayTrade({ status: row.status, licenceValidFrom: row.licence_valid_from, licenceValidTo: row.licence_valid_to }, c.today());
      if (!ok) throw new AppError('provider.not_licensed', { status: row.status === 'licensed' ? 'outside_dates' : row.status });
    },

    /** Whether a provider may publish or sell today. */
    async isTrading(executor: Executor, providerId: string): Promise<boolean> {
      const row = await repo.findById(executor, providerId);
      return Boolean(row && mayTrade({ status: row.status, licenceValidFrom: row.licence_valid_from, licenceValidTo: row.licence_valid_to }, c.today()));
    },
  };
}
