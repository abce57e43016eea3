import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { isMinistry, type RequestContext } from '../../core/principal.ts';
import type { FileStorage } from '../../core/storage.ts';
import { isUniqueViolation, type Db, type Executor } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { Person, SeasonService } from '../seasons/index.ts';
import type { AccountService } from '../accounts/index.ts';
import {
  MAX_DOCUMENT_BYTES, acceptedContent, blockedSteps, documentsToRecheck, passportKey,
  type DocumentType, type ProfileField, type Step,
} from './domain/review.ts';
import { reviewPolicy } from './policies.ts';
import { createPilgrimsRepository } from './repository.ts';
import type { PilgrimDocumentsTable, PilgrimProfilesTable } from './tables.ts';

export interface ProfileInput {
  residenceCountry: string;
  nationality: string;
  givenNamesLatin: string;
  familyNameLatin: string;
  fullNameArabic: string;
  dateOfBirth: string;
  gender: 'male' | 'female';
  passportNumber: string;
  passportExpiry: string;
  meningococcalVaccination?: string | undefined;
  healthConditions?: string[] | undefined;
  performedHajj?: boolean | undefined;
  /** The version the person edited; a stale one is refused instead of overwriting a newer edit. */
  expectedVersion?: number | undefined;
}

function presentDocument(d: Selectable<PilgrimDocumentsTable>) {
  return {
    id: d.id,
    type: d.type,
    status: d.status,
    contentType: d.content_type,
    sizeBytes: d.size_bytes,
    rejectionReason: d.rejection_reason,
    uploadedAt: d.uploaded_at.toISOString(),
    reviewedAt: d.reviewed_at?.toISOString() ?? null,
  };
}

/** Row columns for each profile field, to tell which fields an edit changed. */
const columnOf: Record<ProfileField, keyof PilgrimProfilesTable> = {
  residenceCountry: 'residence_country', nationality: 'nationality', givenNamesLatin: 'given_names_latin', familyNameLatin: 'family_name_latin',
  fullNameArabic: 'full_name_arabic', dateOfBirth: 'date_of_birth', gender: 'gender', passportNumber: 'passport_number',
  passportExpiry: 'passport_expiry', meningococcalVaccination: 'meningococcal_vaccination', healthConditions: 'health_conditions', performedHajj: 'performed_hajj',
};

/** Pilgrim profiles, their documents, and the ministry's document review. */
export function createPilgrimService(deps: {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  seasons: Pick<SeasonService, 'programmeCountries'>;
  notifications: Pick<NotificationService, 'enqueue'>;
  accounts: Pick<AccountService, 'contacts'>;
}) {
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

  return {
    /** The caller's profile, documents, and which steps still wait for a review. */
    profile: (ctx: RequestContext) => profileView(me(ctx)),

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

    /** Stores a document after checking what its bytes are; the previous one of its type is superseded. */
    async uploadDocument(ctx: RequestContext, type: DocumentType, bytes: Buffer) {
      const accountId = me(ctx);
      if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('document.too_large', { limit: MAX_DOCUMENT_BYTES / 1024 / 1024 });
      const detected = await fileTypeFromBuffer(bytes);
      if (!detected || !acceptedContent[type].includes(detected.mime)) {
        throw new AppError('document.wrong_type', { type, accepted: acceptedContent[type].join(', ') });
      }
      const id = newId();
      const storageKey = `documents/${accountId}/${id}`;
      await deps.storage.put(storageKey, bytes);
      try {
        await db.kysely.transaction().execute(async (trx) => {
          await repo.supersede(trx, accountId, type);
          await repo.insertDocument(trx, {
            id, account_id: accountId, type, status: 'pending', storage_key: storageKey, content_type: detected.mime,
            size_bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
            rejection_reason: null, uploaded_at: clock.now(), reviewed_at: null, reviewed_by: null,
          });
          await writeAudit(trx, clock, ctx, { action: 'document.uploaded', subjectType: 'document', subjectId: id, data: { type, contentType: detected.mime, sizeBytes: bytes.length } });
        });
      } catch (error) {
        await deps.storage.remove(storageKey); // no orphan file for a record that did not commit
        throw error;
      }
      return profileView(accountId);
    },

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

    /**
     * Refuses `step` (paying or accepting an offer, the visa) while a member's
     * documents that it needs are not approved, naming each member and what they
     * still need — the same rule the profile shows in `blockedSteps`, enforced
     * where the step happens, in the caller's transaction.
     */
    async assertStepReady(executor: Executor, accountIds: string[], step: Extract<Step, 'accept_offer' | 'visa'>) {
      const missing = await documentsMissing(executor, accountIds, step);
      const waiting = accountIds.filter((id) => (missing.get(id) ?? []).length > 0);
      if (waiting.length === 0) return;
      const names = await repo.profilesOf(executor, waiting);
      const nameOf = new Map(names.map((p) => [p.account_id, `${p.given_names_latin} ${p.family_name_latin}`]));
      throw new AppError('pilgrim.documents_awaited', { step, missing: waiting.map((id) => ({ label: nameOf.get(id) ?? id, items: missing.get(id)! })) });
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

    /** A reviewer approves or rejects (with a reason, emailed to the pilgrim in their language). */
    async review(ctx: RequestContext, id: string, decision: 'approve' | 'reject', reason: string | undefined) {
      await db.kysely.transaction().execute(async (trx) => {
        const doc = await repo.findDocument(trx, id, true);
        if (!doc) throw new AppError('document.not_found');
        reviewPolicy.assert(ctx, decision, doc);
        const status = decision === 'approve' ? 'approved' : 'rejected';
        await repo.updateDocument(trx, id, { status, reviewed_at: clock.now(), reviewed_by: ctx.actor?.accountId ?? null, rejection_reason: decision === 'reject' ? (reason ?? null) : null });
        await writeAudit(trx, clock, ctx, { action: `document.${status}`, subjectType: 'document', subjectId: id, data: { type: doc.type, reason: reason ?? null } });
        if (decision === 'reject') {
          const owner = (await deps.accounts.contacts(trx, [doc.account_id])).get(doc.account_id)!;
          const text = owner.locale === 'ar'
            ? { subject: 'وثيقة تحتاج إلى تعديل', text: `لم تُقبل وثيقتك (${doc.type}) للسبب التالي:\n${reason ?? ''}\nيرجى رفع نسخة جديدة من ملفك في منصة مناسك.` }
            : { subject: 'A document needs your attention', text: `Your document (${doc.type}) was not accepted, for this reason:\n${reason ?? ''}\nPlease upload a new copy from your Manasik profile.` };
          await deps.notifications.enqueue(trx, { to: owner.email, locale: owner.locale, template: 'document.rejected', ...text });
        }
      });
    },
  };
}
export type PilgrimService = ReturnType<typeof createPilgrimService>;
