import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PackageStatus, PackageVersionsTable, PackagesTable } from './tables.ts';

export type PackageRow = Selectable<PackagesTable>;
export type VersionRow = Selectable<PackageVersionsTable>;

/** The only place that writes `packages` and `package_versions`. */
export function createPackageRepository() {
  return {
    findById(db: Executor, id: string, forUpdate = false) {
      let q = db.selectFrom('packages').selectAll().where('id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    findVersion(db: Executor, packageId: string, version: number) {
      return db.selectFrom('package_versions').selectAll().where('package_id', '=', packageId).where('version', '=', version).executeTakeFirst();
    },

    listVersionNumbers(db: Executor, packageId: string) {
      return db.selectFrom('package_versions').select(['version', 'created_at']).where('package_id', '=', packageId).orderBy('version').execute();
    },

    async insertPackage(db: Executor, row: Insertable<PackagesTable>) {
      await db.insertInto('packages').values(row).execute();
    },

    async updatePackage(db: Executor, id: string, patch: Updateable<PackagesTable>) {
      await db.updateTable('packages').set(patch).where('id', '=', id).execute();
    },

    async insertVersion(db: Executor, row: Insertable<PackageVersionsTable>) {
      await db.insertInto('package_versions').values(row).execute();
    },

    async replaceVersion(db: Executor, packageId: string, version: number, row: Updateable<PackageVersionsTable>) {
      await db.updateTable('package_versions').set(row).where('package_id', '=', packageId).where('version', '=', version).execute();
    },

    /** A provider's packages with their current version. */
    listByProvider(db: Executor, providerId: string, status: PackageStatus | undefined) {
      let q = db
        .selectFrom('packages as p')
        .innerJoin('package_versions as v', (j) => j.onRef('v.package_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
        .selectAll('v')
        .select(['p.id', 'p.provider_id', 'p.season', 'p.status', 'p.current_version', 'p.capacity', 'p.seats_taken', 'p.created_at as package_created_at', 'p.published_at', 'p.closed_at'])
        .where('p.provider_id', '=', providerId);
      if (status) q = q.where('p.status', '=', status);
      return q.orderBy('p.created_at', 'desc').execute();
    },
  };
}
export type PackageRepository = ReturnType<typeof createPackageRepository>;
