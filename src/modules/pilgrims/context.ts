import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { FileStorage } from '../../core/storage.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { AccountService } from '../accounts/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { blockedSteps, type DocumentType, type Step } from './domain/review.ts';
import { presentDocument } from './presenters.ts';
import { createPilgrimsRepository } from './repository.ts';

export type PilgrimDeps = {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  seasons: Pick<SeasonService, 'programmeCountries'>;
  notifications: Pick<NotificationService, 'enqueue'>;
  accounts: Pick<AccountService, 'contacts'>;
};

/**
 * What every use case of the pilgrims module shares: its dependencies, its
 * repository, the caller's account, the profile as the pages show it, and
 * which documents a step still needs.
 */
export function createPilgrimContext(deps: PilgrimDeps) {
  const repo = createPilgrimsRepository();
  const { db, clock } = deps;
  const me = (ctx: RequestContext) => {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    return ctx.actor.accountId;
  };

  async function profileView(accountId: string) {
    const profile = await repo.findProfile(db.kysely, accountId);
    const documents = await repo.currentDocuments(db.kysely, accountId);
    const approved = new Set(documents.filter((d) => d.status === 'approved').map((d) => d.type));
    return {
      profile: profile ? {
        residenceCountry: profile.residence_country,
        nationality: profile.nationality,
        givenNamesLatin: profile.given_names_latin,
        familyNameLatin: profile.family_name_latin,
        fullNameArabic: profile.full_name_arabic,
        dateOfBirth: profile.date_of_birth,
        gender: profile.gender,
        passportNumber: profile.passport_number,
        passportExpiry: profile.passport_expiry,
        meningococcalVaccination: profile.meningococcal_vaccination,
        healthConditions: profile.health_conditions,
        performedHajj: profile.performed_hajj,
        version: profile.version,
      } : null,
      documents: documents.map(presentDocument),
      blockedSteps: blockedSteps(approved),
    };
  }

  async function documentsMissing(executor: Executor, accountIds: string[], step: Step) {
    const rows = accountIds.length ? await repo.approvedDocumentTypes(executor, accountIds) : [];
    const approved = new Map<string, Set<DocumentType>>(accountIds.map((id) => [id, new Set()]));
    for (const r of rows) approved.get(r.account_id)?.add(r.type as DocumentType);
    return new Map([...approved].map(([id, types]) => [id, blockedSteps(types)[step] ?? []]));
  }

  return { deps, db, clock, repo, me, profileView, documentsMissing };
}
export type PilgrimContext = ReturnType<typeof createPilgrimContext>;
