import { createHmac } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { riyadhDate } from '../../core/dates.ts';
import type { RequestContext } from '../../core/principal.ts';
import { platformSecret } from '../../db/platform-secrets.ts';
import { fromBase64url, toBase64url } from '../../common/permits/bytes.ts';
import { documentHash, normaliseDocumentNumber } from '../../common/permits/document-hash.ts';
import { writeAudit } from '../audit/index.ts';
import type { PermitContext } from './context.ts';
import type { DocumentProof } from './visa-registry.ts';

export interface PersonView {
  id: string;
  self: boolean;
  documentKind: 'national_id' | 'iqama' | 'passport';
  documentLast4: string;
  name: string;
  gender: 'male' | 'female';
  nationality: string;
  dateOfBirth: string;
  visaType: string | null;
  validUntil: string | null;
  penalties: { siteId: string; trigger: 'no_show' | 'late_cancel'; until: string }[];
}

/**
 * Who books: a person proves who they are with a document, checked through
 * the `VisaRegistry`. The person is the document (its keyed hash), not the
 * account: a second account with the same document reaches the same person,
 * so every rule still counts once. The number is never stored, logged or put
 * in a permit: permits carry a salted hash of it (docs/algorithms/permits.md).
 */
export function identityUseCases(c: PermitContext) {
  const { db, clock, deps } = c;
  let pepper: Promise<string> | undefined;
  const key = async (proof: DocumentProof) =>
    createHmac('sha256', await (pepper ??= platformSecret(db.kysely, clock, 'permit-document-pepper')))
      .update(`${proof.kind}:${proof.kind === 'passport' ? proof.nationality ?? '' : ''}:${normaliseDocumentNumber(proof.number)}`).digest('hex');

  async function views(accountId: string): Promise<PersonView[]> {
    const rows = await db.kysely.selectFrom('permit_account_persons as l').innerJoin('permit_persons as p', 'p.id', 'l.person_id')
      .select(['p.id', 'l.is_self', 'p.doc_kind', 'p.doc_last4', 'p.name_en', 'p.name_ar', 'p.gender', 'p.nationality', 'p.date_of_birth', 'p.visa_type', 'p.valid_until'])
      .where('l.account_id', '=', accountId).orderBy('l.is_self', 'desc').orderBy('l.created_at').execute();
    const penalties = await c.repo.penaltiesOf(db.kysely, rows.map((r) => r.id));
    const now = clock.now();
    return rows.map((r) => ({
      id: r.id, self: r.is_self, documentKind: r.doc_kind, documentLast4: r.doc_last4, name: r.name_en, gender: r.gender, nationality: r.nationality, dateOfBirth: r.date_of_birth, visaType: r.visa_type, validUntil: r.valid_until,
      penalties: penalties.filter((p) => p.person_id === r.id && p.ends_at > now).map((p) => ({ siteId: p.site_id, trigger: p.trigger, until: p.ends_at.toISOString() })),
    }));
  }

  return {
    /** The people the caller has proved documents for (themselves first), with any penalty and its end. */
    people: (ctx: RequestContext) => views(ctx.actor!.accountId),

    /**
     * Checks a document with the registry and adds its person to the caller's people
     * (`self` for the caller's own document; one per account).
     *
     * @example await permits.verifyDocument(ctx, { kind: 'passport', number: 'FR1234567', nationality: 'FR', visaNumber: '6000000123' }, true)
     */
    async verifyDocument(ctx: RequestContext, proof: DocumentProof, self: boolean): Promise<PersonView> {
      const today = riyadhDate(clock.now());
      let answer;
      try {
        answer = await deps.registry.lookup(proof, today);
      } catch (error) {
        throw new AppError('permit.registry_unavailable', {}, { cause: error });
      }
      if (answer.status === 'not_found') throw new AppError('permit.document_not_found', { kind: proof.kind });
      if (answer.status === 'expired') throw new AppError('permit.document_expired', { validUntil: answer.validUntil });
      if (answer.status === 'wrong_visa_type') throw new AppError('permit.wrong_visa_type', { visaType: answer.visaType });
      if (answer.status === 'mismatch') throw new AppError('permit.visa_mismatch');
      const docKey = await key(proof);
      const number = normaliseDocumentNumber(proof.number);
      const accountId = ctx.actor!.accountId;
      const personId = await db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        const salt = c.newSalt();
        const p = answer.person;
        const row = await trx.insertInto('permit_persons').values({
          id: newId(), doc_key: docKey, doc_kind: proof.kind, doc_last4: number.slice(-4), doc_salt: salt, doc_hash: toBase64url(documentHash(fromBase64url(salt)!, number)),
          gender: p.gender, nationality: p.nationality, date_of_birth: p.dateOfBirth, name_ar: p.nameAr, name_en: p.nameEn, visa_type: p.visaType, valid_until: p.validUntil, verified_at: now, created_at: now,
        }).onConflict((oc) => oc.column('doc_key').doUpdateSet({ verified_at: now, visa_type: p.visaType, valid_until: p.validUntil })).returning('id').executeTakeFirstOrThrow();
        const hasSelf = self && (await trx.selectFrom('permit_account_persons').select('person_id').where('account_id', '=', accountId).where('is_self', '=', true).executeTakeFirst());
        await trx.insertInto('permit_account_persons').values({ account_id: accountId, person_id: row.id, is_self: self && !hasSelf, created_at: now })
          .onConflict((oc) => oc.columns(['account_id', 'person_id']).doNothing()).execute();
        await writeAudit(trx, clock, ctx, { action: 'permit_person.verified', subjectType: 'permit_person', subjectId: row.id, data: { kind: proof.kind, last4: number.slice(-4), registry: deps.registry.name } });
        return row.id;
      });
      return (await views(accountId)).find((v) => v.id === personId)!;
    },
  };
}
