import { AppError } from '../../core/errors.ts';
import { isMinistry, type RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';
import type { Person } from '../seasons/index.ts';
import type { PilgrimContext } from './context.ts';
import type { Step } from './domain/review.ts';
import { reviewPolicy } from './policies.ts';
import { presentDocument } from './presenters.ts';

/** What the pages and other modules read of pilgrims and their documents. */
export function pilgrimQueries(c: PilgrimContext) {
  const { deps, db, repo, me, profileView, documentsMissing } = c;

  /**
   * For each group of pilgrims (a family), what `step` (paying or accepting an
   * offer, the visa) still waits for: `pilgrim.documents_awaited`'s parameters,
   * naming each member and what they still need, or null when every member is
   * ready — the same rule the profile shows in `blockedSteps`. Many families in
   * two statements (the open sale's group commit).
   */
  async function stepReadiness(executor: Executor, groups: readonly (readonly string[])[], step: Extract<Step, 'accept_offer' | 'visa'>) {
    const everyone = [...new Set(groups.flat())];
    const missing = await documentsMissing(executor, everyone, step);
    const waiting = everyone.filter((id) => (missing.get(id) ?? []).length > 0);
    const names = waiting.length ? await repo.profilesOf(executor, waiting) : [];
    const nameOf = new Map(names.map((p) => [p.account_id, `${p.given_names_latin} ${p.family_name_latin}`]));
    return groups.map((members) => {
      const blocked = members.filter((id) => (missing.get(id) ?? []).length > 0);
      return blocked.length === 0 ? null : { step, missing: blocked.map((id) => ({ label: nameOf.get(id) ?? id, items: missing.get(id)! })) };
    });
  }

  return {
    /** The caller's profile, documents, and which steps still wait for a review. */
    profile: (ctx: RequestContext) => profileView(me(ctx)),

    /**
     * What the Hajj programme needs to know of some pilgrims, for another
     * module's rules (residence, and the facts the eligibility rules read).
     */
    async factsFor(executor: Executor, accountIds: string[]) {
      const rows = accountIds.length ? await repo.profilesOf(executor, accountIds) : [];
      return new Map(
        rows.map((p) => [
          p.account_id,
          {
            residenceCountry: p.residence_country,
            name: `${p.given_names_latin} ${p.family_name_latin}`,
            performedHajj: p.performed_hajj,
            person: {
              dateOfBirth: p.date_of_birth,
              passportExpiry: p.passport_expiry,
              meningococcalVaccination: p.meningococcal_vaccination,
              residenceCountry: p.residence_country,
              hasBookingThisSeason: false, // bookings arrive with the allocation module
              healthConditions: p.health_conditions as Person['healthConditions'],
            },
          },
        ]),
      );
    },

    /**
     * What the season statistics record of pilgrims who travel (the direct
     * programme's arrivals): nationality, gender, date of birth and the passport
     * as compared (its key, which the statistics hash at once).
     */
    async travelFactsFor(executor: Executor, accountIds: string[]) {
      const rows = accountIds.length ? await repo.profilesOf(executor, accountIds) : [];
      return new Map(rows.map((p) => [p.account_id, { nationality: p.nationality, gender: p.gender, dateOfBirth: p.date_of_birth, passportKey: p.passport_key }]));
    },

    /** For each pilgrim, the documents `step` still needs approved (an empty list: none). */
    documentsMissing,
    /** For each pilgrim, the documents the visa step still needs approved (an empty list: none). */
    visaDocumentsMissing: (executor: Executor, accountIds: string[]) => documentsMissing(executor, accountIds, 'visa'),

    stepReadiness,

    /** Refuses `step` while a member's documents that it needs are not approved (`stepReadiness`), in the caller's transaction. */
    async assertStepReady(executor: Executor, accountIds: string[], step: Extract<Step, 'accept_offer' | 'visa'>) {
      const [awaited] = await stepReadiness(executor, [accountIds], step);
      if (awaited) throw new AppError('pilgrim.documents_awaited', awaited);
    },

    /**
     * What a provider's manifest lists for each pilgrim of its bookings (names as in the
     * passport, nationality, gender, date of birth, passport number and expiry). Only the
     * manifest export calls this; passport numbers never go to logs.
     */
    async manifestRows(executor: Executor, accountIds: string[]) {
      const rows = accountIds.length ? await repo.profilesOf(executor, accountIds) : [];
      return new Map(rows.map((p) => [p.account_id, {
        givenNames: p.given_names_latin, familyName: p.family_name_latin, arabicName: p.full_name_arabic, nationality: p.nationality, residence: p.residence_country,
        gender: p.gender, dateOfBirth: p.date_of_birth, passportNumber: p.passport_number, passportExpiry: p.passport_expiry,
      }]));
    },

    /** The file itself, for its owner and for ministry reviewers. */
    /**
     * A pilgrim's current photo (approved, else the one awaiting review), for the
     * pilgrim card; null when none was uploaded or its file is gone.
     */
    async photoOf(executor: Executor, accountId: string): Promise<{ bytes: Buffer; contentType: string } | null> {
      const docs = await repo.currentDocuments(executor, accountId);
      const photo = docs.find((d) => d.type === 'photo' && d.status === 'approved') ?? docs.find((d) => d.type === 'photo' && d.status === 'pending');
      if (!photo) return null;
      const bytes = await deps.storage.get(photo.storage_key).catch(() => null);
      return bytes && { bytes, contentType: photo.content_type };
    },

    async documentFile(ctx: RequestContext, id: string) {
      const doc = await repo.findDocument(db.kysely, id);
      const reviewer = isMinistry(ctx.actor);
      if (!doc || (!reviewer && doc.account_id !== ctx.actor?.accountId)) throw new AppError('document.not_found');
      return { bytes: await deps.storage.get(doc.storage_key), contentType: doc.content_type };
    },

    async reviewQueue(ctx: RequestContext, limit: number) {
      return (await repo.pending(db.kysely, limit)).map((d) => ({ ...presentDocument(d), accountId: d.account_id, allowedActions: reviewPolicy.allowed(ctx, d) }));
    },

  };
}
