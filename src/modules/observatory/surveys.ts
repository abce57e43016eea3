import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { screenText } from '../../core/screening.ts';
import { riyadhDate } from '../../core/dates.ts';
import type { Executor } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { ObservatoryContext } from './context.ts';
import { checkAnswers, questionnaireProblems, textIn, type Answer, type Questionnaire } from './domain/questionnaire.ts';
import { readLinkToken } from './links.ts';
import { observatoryPolicy } from './policies.ts';
import type { InvitationRow } from './repository.ts';
import type { Programme, Trigger } from './tables.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** A person to invite, with the context their answers will be counted under. */
export interface Invitee {
  accountId: string;
  subject: string;
  language: string;
  programme: Programme;
  providerId: string | null;
  packageId: string | null;
  countryCode: string | null;
  nationalityGroup: string | null;
}

/**
 * Surveys: invitations raised from the journey's events (one per person, questionnaire and
 * subject), shown (counted) and answered once through a single-use link or the pilgrim's own
 * list, reminded once; questionnaires published as new versions.
 */
export function surveyUseCases(c: ObservatoryContext) {
  const { db, clock, repo } = c;

  /** The questionnaire as a reader sees it: every text in their language or its marked fallback. */
  function present(inv: InvitationRow, q: NonNullable<Awaited<ReturnType<typeof c.questionnaire>>>, language: string) {
    const questionnaire = { stage: q.stage, title: q.title, questions: q.questions } as Questionnaire;
    return {
      invitationId: inv.id, language, stage: q.stage, programme: q.programme, version: q.version, expiresAt: inv.expires_at.toISOString(),
      title: textIn(questionnaire.title, language),
      questions: questionnaire.questions.map((x) => ({
        id: x.id, type: x.type, required: x.required, text: textIn(x.text, language),
        options: x.options?.map((o) => ({ id: o.id, text: textIn(o.text, language) })) ?? [],
      })),
    };
  }

  async function open(invitationId: string | null) {
    const inv = invitationId ? await repo.invitation(db.kysely, invitationId) : undefined;
    if (!inv) throw new AppError('survey.link_invalid');
    if (inv.responded_at) throw new AppError('survey.already_answered');
    if (inv.expires_at <= clock.now()) throw new AppError('survey.link_expired', { expiredAt: inv.expires_at.toISOString() });
    const q = (await c.questionnaire(db.kysely, inv.questionnaire_id))!;
    return { inv, q };
  }

  /**
   * Checks the answers against the questionnaire and stores them in one statement, which writes
   * only if the invitation is unanswered and unexpired; only a refusal reads the invitation, to
   * say which it was (answered already, expired, or not ours).
   */
  async function answer(ctx: RequestContext, target: { invitationId: string; questionnaireId: string }, answers: Record<string, Answer>) {
    const q = await c.questionnaire(db.kysely, target.questionnaireId);
    if (!q) throw new AppError('survey.link_invalid');
    const checked = checkAnswers({ stage: q.stage as never, title: q.title, questions: q.questions }, answers);
    if (!checked.ok) {
      const question = q.questions.find((x) => x.id === checked.problem.question);
      throw new AppError('survey.bad_answer', { question: question ? textIn(question.text, ctx.locale).text : checked.problem.question, problem: checked.problem.problem });
    }
    const now = clock.now();
    const s = checked.sheet;
    const id = newId();
    const written = await c.respond({
      id, invitationId: target.invitationId, day: riyadhDate(now), csat: s.csat, nps: s.nps, answers: JSON.stringify(answers),
      freeText: s.freeText, freeTextScreened: s.freeText ? screenText(s.freeText).text : null, stages: s.stageScores,
    });
    if (!written) {
      const inv = await repo.invitation(db.kysely, target.invitationId);
      if (!inv) throw new AppError('survey.link_invalid');
      if (inv.responded_at) throw new AppError('survey.already_answered');
      throw new AppError('survey.link_expired', { expiredAt: inv.expires_at.toISOString() });
    }
    return { responseId: id, thankYou: true };
  }

  async function photo(inv: InvitationRow, bytes: Buffer) {
    if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('survey.photo_too_large', { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 });
    const type = await fileTypeFromBuffer(bytes);
    if (!type || (type.mime !== 'image/jpeg' && type.mime !== 'image/png')) throw new AppError('survey.photo_type');
    const photoId = newId();
    await c.deps.storage.put(`survey-photos/${inv.id}/${photoId}`, bytes);
    return { photoId, contentType: type.mime, sizeBytes: bytes.length };
  }

  return {
    /**
     * Raises invitations for a trigger, in the caller's transaction: one per person, active
     * questionnaire of the trigger (and programme) and subject; the ones that exist already are
     * left alone (so reading an event twice invites nobody twice). The new ones are emailed.
     */
    async invite(trx: Executor, trigger: Trigger, people: Invitee[], sourceEventId: number | null) {
      if (!people.length) return 0;
      const qs = (await repo.activeFor(trx, trigger));
      const now = clock.now();
      const rows = qs.flatMap((q) => people.filter((p) => p.programme === q.programme).map((p) => {
        const expires = new Date(now.getTime() + q.valid_days * 86_400_000);
        return {
          id: newId(), questionnaire_id: q.id, account_id: p.accountId, subject: p.subject, language: p.language, programme: q.programme, stage: q.stage,
          provider_id: p.providerId, package_id: p.packageId, country_code: p.countryCode, nationality_group: p.nationalityGroup, source_event_id: sourceEventId,
          created_at: now, expires_at: expires, remind_at: new Date(now.getTime() + (q.valid_days * 86_400_000) / 2), reminded_at: null, first_shown_at: null, shown_count: 0, responded_at: null,
        };
      }));
      const created = new Set((await repo.invite(trx, rows)).map((r) => r.id));
      for (const row of rows) if (created.has(row.id)) await c.sendInvitation(trx, row as InvitationRow, false);
      return created.size;
    },
    /** Raises invitations in a transaction of their own (the demo seed; the ministry's own campaigns). */
    async inviteNow(trigger: Trigger, people: Invitee[]) {
      return db.kysely.transaction().execute((trx) => this.invite(trx, trigger, people, null));
    },
    addJourneys: (trx: Executor, rows: Parameters<typeof repo.addJourneys>[1]) => repo.addJourneys(trx, rows),
    /** The invitation writer's place in the event log (locked for the batch's transaction). */
    lockCursor: async (trx: Executor) => Number((await repo.lockCursor(trx)).last_event_id),
    moveCursor: (trx: Executor, to: number) => repo.moveCursor(trx, to),

    /** Opens a survey from its link: counted as shown (the response rate's honest denominator). */
    /** Opens a survey from its link, in the invitee's language (the link reaches whoever holds it, signed in or not). */
    async show(token: string) {
      const { inv, q } = await open(readLinkToken(await c.linkSecret(), token)?.invitationId ?? null);
      await repo.shown(db.kysely, inv.id, clock.now());
      return present(inv, q, inv.language);
    },
    async answerByLink(ctx: RequestContext, token: string, answers: Record<string, Answer>) {
      const target = readLinkToken(await c.linkSecret(), token);
      if (!target) throw new AppError('survey.link_invalid');
      return answer(ctx, target, answers);
    },

    /**
     * A photo for a survey's photo question, before the answer is sent: JPEG or PNG read from its
     * bytes, at most 5 MB, stored under the invitation; the answer names it by the id returned.
     */
    async photoByLink(token: string, bytes: Buffer) {
      return photo((await open(readLinkToken(await c.linkSecret(), token)?.invitationId ?? null)).inv, bytes);
    },
    async photoMine(ctx: RequestContext, invitationId: string, bytes: Buffer) {
      observatoryPolicy.assert(ctx, 'answer_survey', null);
      const { inv } = await open(invitationId);
      if (inv.account_id !== ctx.actor!.accountId) throw new AppError('survey.link_invalid');
      return photo(inv, bytes);
    },

    /** The signed-in pilgrim's open invitations. */
    async mine(ctx: RequestContext) {
      observatoryPolicy.assert(ctx, 'answer_survey', null);
      const rows = await repo.pendingFor(db.kysely, ctx.actor!.accountId, clock.now());
      const out = [];
      for (const inv of rows) {
        const q = (await c.questionnaire(db.kysely, inv.questionnaire_id))!;
        out.push({ invitationId: inv.id, title: textIn(q.title, inv.language), stage: q.stage, programme: q.programme, expiresAt: inv.expires_at.toISOString() });
      }
      return out;
    },
    async showMine(ctx: RequestContext, invitationId: string) {
      observatoryPolicy.assert(ctx, 'answer_survey', null);
      const { inv, q } = await open(invitationId);
      if (inv.account_id !== ctx.actor!.accountId) throw new AppError('survey.link_invalid');
      await repo.shown(db.kysely, inv.id, clock.now());
      return present(inv, q, inv.language);
    },
    async answerMine(ctx: RequestContext, invitationId: string, answers: Record<string, Answer>) {
      observatoryPolicy.assert(ctx, 'answer_survey', null);
      const inv = await repo.invitation(db.kysely, invitationId);
      if (!inv || inv.account_id !== ctx.actor!.accountId) throw new AppError('survey.link_invalid');
      return answer(ctx, { invitationId: inv.id, questionnaireId: inv.questionnaire_id }, answers);
    },

    /** Sends the one reminder of invitations half-way to their expiry (SKIP LOCKED: each once, from any process). */
    async remind(limit = 200) {
      return db.kysely.transaction().execute(async (trx) => {
        const due = await repo.claimReminders(trx, clock.now(), limit);
        for (const inv of due) await c.sendInvitation(trx, inv, true);
        return due.length;
      });
    },

    /** Publishes a questionnaire as a new version of its code (the older stay, answered as asked). */
    async publishQuestionnaire(ctx: RequestContext, input: { code: string; trigger: Trigger; programme: Programme; validDays: number } & Questionnaire) {
      observatoryPolicy.assert(ctx, 'publish_questionnaire', null);
      const problems = questionnaireProblems(input);
      if (problems.length) throw new AppError('survey.bad_questionnaire', { problems: problems.join('; ') });
      return db.kysely.transaction().execute(async (trx) => {
        const id = newId();
        const version = await repo.publishQuestionnaire(trx, {
          id, code: input.code, version: 0, trigger: input.trigger, programme: input.programme, stage: input.stage, title: JSON.stringify(input.title),
          questions: JSON.stringify(input.questions), valid_days: input.validDays, active: true, created_at: clock.now(),
        });
        await writeAudit(trx, clock, ctx, { action: 'survey.published', subjectType: 'questionnaire', subjectId: id, data: { code: input.code, version, trigger: input.trigger } });
        return { id, code: input.code, version };
      });
    },
    async questionnaires(ctx: RequestContext) {
      observatoryPolicy.assert(ctx, 'publish_questionnaire', null);
      return (await repo.questionnaires(db.kysely)).map((q) => ({ id: q.id, code: q.code, version: q.version, trigger: q.trigger, programme: q.programme, stage: q.stage, active: q.active, title: q.title, questions: q.questions, validDays: q.valid_days, createdAt: q.created_at.toISOString() }));
    },
  };
}
