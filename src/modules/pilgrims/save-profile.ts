import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { PilgrimContext } from './context.ts';
import { documentsToRecheck, passportKey, type ProfileField } from './domain/review.ts';
import type { ProfileInput } from './presenters.ts';
import type { PilgrimProfilesTable } from './tables.ts';

/** Row columns for each profile field, to tell which fields an edit changed. */
const columnOf: Record<ProfileField, keyof PilgrimProfilesTable> = {
  residenceCountry: 'residence_country', nationality: 'nationality', givenNamesLatin: 'given_names_latin', familyNameLatin: 'family_name_latin',
  fullNameArabic: 'full_name_arabic', dateOfBirth: 'date_of_birth', gender: 'gender', passportNumber: 'passport_number',
  passportExpiry: 'passport_expiry', meningococcalVaccination: 'meningococcal_vaccination', healthConditions: 'health_conditions', performedHajj: 'performed_hajj',
};

/** A pilgrim creates or edits their profile. */
export function saveProfileUseCase(c: PilgrimContext) {
  const { deps, db, clock, repo, me, profileView } = c;
  return {
    /**
     * Creates or edits the caller's profile. An edit sends back to review only
     * the documents the changed fields are checked against.
     */
    async saveProfile(ctx: RequestContext, input: ProfileInput) {
      const accountId = me(ctx);
      const residence = input.residenceCountry.toUpperCase();
      if (!(await deps.seasons.programmeCountries()).includes(residence)) throw new AppError('pilgrim.residence_not_in_programme', { country: residence });
      const key = passportKey(input.nationality, input.passportNumber);
      const row = {
        residence_country: residence,
        nationality: input.nationality.toUpperCase(),
        given_names_latin: input.givenNamesLatin.trim(),
        family_name_latin: input.familyNameLatin.trim(),
        full_name_arabic: input.fullNameArabic.trim(),
        date_of_birth: input.dateOfBirth,
        gender: input.gender,
        passport_number: input.passportNumber.trim().toUpperCase(),
        passport_key: key,
        passport_expiry: input.passportExpiry,
        meningococcal_vaccination: input.meningococcalVaccination ?? null,
        health_conditions: [...new Set(input.healthConditions ?? [])].sort(),
        performed_hajj: input.performedHajj ?? false,
      };
      await db.kysely.transaction().execute(async (trx) => {
        const owner = await repo.passportOwner(trx, key);
        if (owner && owner.account_id !== accountId) throw new AppError('pilgrim.passport_taken');
        const before = await repo.findProfile(trx, accountId, true);
        const now = clock.now();
        if (!before) {
          await repo.insertProfile(trx, { account_id: accountId, ...row, version: 1, created_at: now, updated_at: now });
          await writeAudit(trx, clock, ctx, { action: 'pilgrim.profile_created', subjectType: 'account', subjectId: accountId, data: { residenceCountry: residence } });
          return;
        }
        if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
          throw new AppError('pilgrim.version_conflict', { current: before.version });
        }
        const changed = (Object.keys(columnOf) as ProfileField[]).filter((f) => JSON.stringify(before[columnOf[f]]) !== JSON.stringify(row[columnOf[f] as keyof typeof row]));
        if (changed.length === 0) return;
        await repo.updateProfile(trx, accountId, { ...row, version: before.version + 1, updated_at: now });
        const recheck = documentsToRecheck(changed);
        const reopened = await repo.reopen(trx, accountId, recheck);
        // Field names only: values such as passport numbers never enter the audit log.
        await writeAudit(trx, clock, ctx, { action: 'pilgrim.profile_updated', subjectType: 'account', subjectId: accountId, data: { fields: changed, recheck, reopened } });
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('pilgrim.passport_taken');
        throw error;
      });
      return profileView(accountId);
    },

  };
}
