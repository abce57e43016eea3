import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ProviderStatus } from './domain/licensing.ts';
import type { MemberRole, ProvidersTable } from './tables.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';

// What this module's constraints mean when a race breaks one (src/db/constraint-errors.ts).
explainConstraints({
  providers_cr_number_key: ['provider.duplicate_registration', { field: 'cr_number' }],
  providers_licence_number_key: ['provider.duplicate_registration', { field: 'licence_number' }],
  provider_members_account_id_key: 'provider.applicant_not_eligible',
});

/** The only place that queries `providers` and `provider_members`. */
export function createProvidersRepository() {
  return {
    findById(db: Executor, id: string, forUpdate = false) {
      let q = db.selectFrom('providers').selectAll().where('id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    /** Which of the unique registration numbers are already taken. */
    async takenNumbers(db: Executor, crNumber: string, licenceNumber: string) {
      const rows = await db
        .selectFrom('providers')
        .select(['cr_number', 'licence_number'])
        .where((eb) => eb.or([eb('cr_number', '=', crNumber), eb('licence_number', '=', licenceNumber)]))
        .execute();
      return {
        cr: rows.some((r) => r.cr_number === crNumber),
        licence: rows.some((r) => r.licence_number === licenceNumber),
      };
    },

    async insert(db: Executor, row: Insertable<ProvidersTable>) {
      await db.insertInto('providers').values(row).execute();
    },

    async update(db: Executor, id: string, patch: Updateable<ProvidersTable>) {
      await db.updateTable('providers').set(patch).where('id', '=', id).execute();
    },

    list(db: Executor, filter: { status?: ProviderStatus | undefined; limit: number; offset: number }) {
      let q = db.selectFrom('providers').selectAll();
      if (filter.status) q = q.where('status', '=', filter.status);
      return q.orderBy('created_at').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
    },

    /** Providers that may trade on `today`: the public approved list. */
    listTrading(db: Executor, today: string) {
      return db
        .selectFrom('providers')
        .selectAll()
        .where('status', '=', 'licensed')
        .where('licence_valid_from', '<=', today)
        .where('licence_valid_to', '>=', today)
        .orderBy('legal_name_en')
        .execute();
    },

    async addMember(db: Executor, row: { provider_id: string; account_id: string; role: MemberRole; created_at: Date }) {
      await db.insertInto('provider_members').values(row).execute();
    },

    memberRole(db: Executor, providerId: string, accountId: string) {
      return db
        .selectFrom('provider_members')
        .select('role')
        .where('provider_id', '=', providerId)
        .where('account_id', '=', accountId)
        .executeTakeFirst()
        .then((r) => r?.role);
    },

    /** Read model: joins the accounts module's table to show who the members are. */
    members(db: Executor, providerId: string) {
      return db
        .selectFrom('provider_members')
        .innerJoin('accounts', 'accounts.id', 'provider_members.account_id')
        .select(['accounts.id', 'accounts.email', 'accounts.display_name', 'accounts.status', 'provider_members.role', 'provider_members.created_at'])
        .where('provider_members.provider_id', '=', providerId)
        .orderBy('provider_members.created_at')
        .execute();
    },

    /** Read model (joins accounts): where to send the provider's notices. */
    ownerContact(db: Executor, providerId: string) {
      return db
        .selectFrom('provider_members')
        .innerJoin('accounts', 'accounts.id', 'provider_members.account_id')
        .select(['accounts.email', 'accounts.display_name', 'accounts.locale'])
        .where('provider_members.provider_id', '=', providerId)
        .where('provider_members.role', '=', 'owner')
        .executeTakeFirst();
    },
  };
}
